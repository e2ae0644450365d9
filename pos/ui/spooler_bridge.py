"""Runs the print spooler thread for this station and tells the GUI when jobs change."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pos.config import preview_dir
from pos.db.database import Database
from pos.printing.spooler import Spooler, SpoolerThread
from pos.services import printing

log = logging.getLogger(__name__)


class SpoolerBridge(QObject):
    # emitted on the spooler thread whenever a job changes; Qt queues it to the GUI thread
    changed = Signal()
    # emitted on the spooler thread with the PDF and the job (JobInfo) when the preview printer
    # "printed" it; file and database are read here, off the GUI thread
    preview_ready = Signal(bytes, object)

    def __init__(self, db: Database, station: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spooler = Spooler(
            db, station, preview_dir=preview_dir(), on_change=self.changed.emit, on_preview=self._previewed
        )
        self.thread = SpoolerThread(self.spooler)

    def _previewed(self, path: Path, job_id: int) -> None:
        try:
            pdf = path.read_bytes()
        except OSError:
            log.exception("preview %s", path)  # the job printed; only its on-screen copy is missing
            return
        self.preview_ready.emit(pdf, printing.get_job(self.spooler.db, job_id))

    def start(self) -> None:
        self.thread.start()

    def wake(self) -> None:
        self.thread.wake()

    def stop(self) -> None:
        self.thread.stop()
