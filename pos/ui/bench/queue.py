"""The bench's queue of printed slips, and keeping the order on screen in step with changes made at
another station (another bench ticking it, a manager's reset)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidgetItem

from pos.domain.orders import OrderStatus
from pos.services import bench
from pos.services.bench import BenchView, QueueEntry
from pos.ui.i18n import error_text


class BenchQueue:
    """BenchPage's queue and its watch on the loaded order; a mixin: it works on the page's state."""

    def refresh_queue(self) -> None:
        if self.host.worker.pending > 2:
            return
        db = self.host.db
        if self.current is not None:
            number = self.current.number
            self.host.worker.submit(
                lambda: bench.version(db, number),
                lambda v: self._check_version(number, v),
                lambda e: self.say(error_text(e)),
            )
            return
        # a failed refresh (database briefly unreachable) is said quietly; the next one tries again
        self.host.worker.submit(lambda: bench.queue(db), self._show_queue, lambda e: self.say(error_text(e)))

    def _check_version(self, number: str, version: tuple) -> None:
        """The order on screen changed (here or at another station): read it again, keeping the
        packer's place in the table."""
        if self.current is None or self.current.number != number or version == self._version:
            return
        self._version = version
        db = self.host.db
        self.host.worker.submit(lambda: bench.bench_view(db, number), self._changed_elsewhere, self._error)

    def _changed_elsewhere(self, view: BenchView) -> None:
        if self.current is None or self.current.number != view.number:
            return
        if view.status == OrderStatus.PRINTED:
            self.unload()
            self.say(self.tr("Slip {number} was sent back to the queue.").format(number=view.number))
            return
        self.show_view(view)

    def _show_queue(self, entries: list[QueueEntry]) -> None:
        self.queue_list.clear()
        states = {OrderStatus.PRINTED: self.tr("waiting"), OrderStatus.CHECKING: self.tr("being checked")}
        for entry in entries:
            units = self.tr("{n} units").format(n=entry.units)
            text = (
                f"{entry.number}   {entry.customer_name}   {units}"
                f"   {entry.printed_at}   {states.get(entry.status, entry.status)}"
            )
            if entry.remote:
                text += "   " + self.tr("remote, paid")
            if entry.late:  # the standard: packed the day the money came, the next at the latest
                text += "   " + self.tr("LATE")
            item = QListWidgetItem(text)
            if entry.late:
                item.setForeground(QColor("#b00020"))
            item.setData(Qt.ItemDataRole.UserRole, entry.number)
            self.queue_list.addItem(item)
        if entries and self.queue_list.currentRow() < 0:
            self.queue_list.setCurrentRow(0)
