"""The log file in the data directory: where the details of a failure go (driver error, SQL,
traceback) while the screen shows only what happened and what to do.

Set up once when the app or a command starts; never at import time.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pos.config import data_dir

MAX_BYTES = 2_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"


if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler


def _handler_class() -> type[RotatingFileHandler]:
    """Made when logging starts: logging.handlers brings sockets and pickling along, which the first
    window must not wait for."""
    global _handler
    if _handler is None:
        from logging.handlers import RotatingFileHandler

        class PrivateRotatingFileHandler(RotatingFileHandler):
            """Every file it opens, the current one and each after a rotation, is readable by its
            owner only: SQL in the log can carry customers' names and phone numbers."""

            def _open(self):  # type: ignore[no-untyped-def]  # noqa: ANN202 - the base's signature
                fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                os.chmod(self.baseFilename, 0o600)  # a file made by an older version
                return os.fdopen(fd, "a", encoding=self.encoding)

        _handler = PrivateRotatingFileHandler
    return _handler


_handler: type[RotatingFileHandler] | None = None


def log_path() -> Path:
    return data_dir() / "pos.log"


def start_logging() -> Path | None:
    """Send INFO and above of every logger to pos.log (rotated), replacing an earlier file handler
    of ours. Returns the path, or None when the data directory cannot be written (the app still
    runs; it just keeps no log)."""
    path = log_path()
    root = logging.getLogger()
    ours = _handler_class()
    for handler in [h for h in root.handlers if isinstance(h, ours)]:
        if handler.baseFilename == str(path.resolve()):
            return path
        root.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = ours(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def stop_logging() -> None:
    """Close our file handler (tests, and a clean exit)."""
    if _handler is None:
        return  # never started
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _handler)]:
        root.removeHandler(handler)
        handler.close()
