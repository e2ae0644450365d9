"""Runs the print spooler thread for this station and tells the GUI when jobs change."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pos.config import preview_dir
from pos.db.database import Database
from pos.printing.spooler import Spooler, SpoolerThread


class SpoolerBridge(QObject):
    # emitted on the spooler thread whenever a job changes; Qt queues it to the GUI thread
    changed = Signal()
    # emitted on the spooler thread with the PDF's path when the preview printer "printed" a job
    preview_ready = Signal(str)

    def __init__(self, db: Database, station: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spooler = Spooler(db, station, preview_dir=preview_dir(), on_change=self.changed.emit,
                               on_preview=lambda path: self.preview_ready.emit(str(path)))
        self.thread = SpoolerThread(self.spooler)

    def start(self) -> None:
        self.thread.start()

    def wake(self) -> None:
        self.thread.wake()

    def stop(self) -> None:
        self.thread.stop()
