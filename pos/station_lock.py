"""One app per station: a second window for the same station and database would drive the same
cash drawer and printer, and two cashiers would work one station's slips at once.

The lock is an operating-system lock on a file in the data directory (flock on Linux and macOS,
a byte-range lock on Windows). The system releases it when the process ends, however it ends
(a crash, a kill -9, a power cut), so a stale lock file never keeps a station from starting.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from pos.config import data_dir
from pos.db.engine import database_identity
from pos.domain.errors import Conflict


class StationRunning(Conflict):
    code = "station_running"


@dataclass
class StationLock:
    path: Path
    fd: int

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing the descriptor drops the lock
            self.fd = -1


def lock_path(station: str, url: str) -> Path:
    key = hashlib.sha256(f"{station}\n{database_identity(url)}".encode()).hexdigest()[:20]
    return data_dir() / "locks" / f"station-{key}.lock"


def hold_station(station: str, url: str) -> StationLock:
    """Take this station's lock for `url` until release() or the end of the process. Refused with
    StationRunning while another process holds it."""
    path = lock_path(station, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(fd)
    except OSError:
        os.close(fd)
        raise StationRunning(
            "Station {station} is already running on this computer with this database. Use its window "
            "instead of starting it again.",
            station=station,
        ) from None
    # for a person who finds the file: whose it is
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n{station}\n{database_identity(url)}\n".encode())
    return StationLock(path, fd)


def _lock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
