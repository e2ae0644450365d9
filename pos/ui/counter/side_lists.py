"""The counter's side lists: orders checked at the bench and ready to settle (from any bench), and
slips set aside at this station, to take up again or void."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from pos.domain.orders import OrderStatus
from pos.services import counter

READY_REFRESH_MS = 3000  # checked orders appear within seconds, from any bench
LIST_MIN_HEIGHT = 48  # two rows: the side lists give way first on a 768-line screen


class CounterSideLists:
    """CounterPage's side lists; a mixin: it works on the page's state and widgets."""

    def _build_side_lists(self, panel: QVBoxLayout) -> None:
        """The two lists beside the lines, under the totals in `panel`."""
        self.ready_title = QLabel(self.tr("To settle (checked at the bench), or awaiting a transfer:"), wordWrap=True)
        self.ready_list = QListWidget(objectName="ready_to_settle")
        self.ready_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.ready_list.setMinimumHeight(LIST_MIN_HEIGHT)
        self.ready_list.itemClicked.connect(lambda item: self.load_order(item.data(Qt.ItemDataRole.UserRole)))
        self.ready_list.itemActivated.connect(self._ready_chosen)
        panel.addWidget(self.ready_title)
        panel.addWidget(self.ready_list, 1)
        self.held_title = QLabel(self.tr("Set aside, not printed:"))
        self.held_list = QListWidget(objectName="held_slips")
        self.held_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.held_list.setMinimumHeight(LIST_MIN_HEIGHT)
        self.held_list.itemActivated.connect(self._held_activated)
        for side_list in (self.ready_list, self.held_list):
            side_list.installEventFilter(self)  # Esc goes back to the lines
        # a slip is chosen in the list first, then taken up or voided: a stray tap changes nothing
        self.take_up_button = QPushButton(self.tr("Take up"), objectName="take_up")
        self.take_up_button.clicked.connect(lambda: self.take_up(self._chosen_held()))
        self.void_button = QPushButton(self.tr("Void…"), objectName="void_held")
        self.void_button.clicked.connect(self.void_held)
        held_row = QHBoxLayout()
        held_row.addWidget(self.held_title, 1)
        for button in (self.take_up_button, self.void_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(False)
            held_row.addWidget(button)
        self.held_list.itemSelectionChanged.connect(self._held_chosen)
        panel.addLayout(held_row)
        panel.addWidget(self.held_list, 1)
        self._ready_timer = QTimer(self, interval=READY_REFRESH_MS)
        self._ready_timer.timeout.connect(self.refresh_ready)

    def refresh_ready(self) -> None:
        if self.host.worker.pending > 2:
            return  # scans first
        db, station = self.host.db, self.host.settings.station_name
        # the slip on screen is read again once it has gone to the bench, which checks it and crosses
        # lines out; the screen shows that without a click. A slip still being scanned changes only
        # here: re-reading all its lines every few seconds would only load the scan path.
        number = self.order if self.order and self.status not in (OrderStatus.OPEN, OrderStatus.SETTLED) else None
        self.host.worker.submit(
            lambda: (
                counter.ready_to_settle(db),
                counter.held_slips(db, station),
                counter.order_view(db, number) if number else None,
            ),
            self._show_lists,
            lambda e: None,
        )

    def _show_lists(self, lists) -> None:  # noqa: ANN001 - (list[ReadyOrder], list[HeldSlip], OrderView | None)
        ready, held, current = lists
        if current is not None and current.number == self.order and self._changed(current):
            self._show_order(current)
        self.ready_list.clear()
        for entry in ready:
            text = f"{entry.number}  {entry.customer_name}  {entry.checked_at}"
            if entry.awaiting_transfer:  # a remote order: found here when its money comes in
                text += "  " + self.tr("awaiting transfer")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.number)
            self.ready_list.addItem(item)
        chosen = self._chosen_held()  # the refresh must not undo the cashier's choice
        self.held_list.clear()
        for slip in held:
            if slip.number == self.order:
                continue  # the one on screen
            text = self.tr("{number}  {name}  {units} items  {time}").format(
                number=slip.number, name=slip.customer_name, units=slip.units, time=slip.opened_at
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, slip.number)
            self.held_list.addItem(item)
            if slip.number == chosen:
                self.held_list.setCurrentItem(item)
        self._held_chosen()

    def _enter_list(self, side_list: QListWidget) -> None:
        if side_list.count() == 0:
            self.say(self.tr("The list is empty."), error=True)
            return
        side_list.setFocus()
        if side_list.currentRow() < 0:
            side_list.setCurrentRow(0)
        side_list.currentItem().setSelected(True)

    def _ready_chosen(self, item: QListWidgetItem) -> None:
        self.load_order(item.data(Qt.ItemDataRole.UserRole))
        self.table.setFocus()

    def _held_activated(self, item: QListWidgetItem) -> None:
        self.take_up(item.data(Qt.ItemDataRole.UserRole))
        self.table.setFocus()

    def take_up(self, number: str | None) -> None:
        """Back to a slip set aside; the one on screen, if any, is set aside in its place."""
        if not number:
            return
        self.new_slip()
        self.load_order(number)

    def _drop_from_held(self, number: str) -> None:
        for row in range(self.held_list.count()):
            if self.held_list.item(row).data(Qt.ItemDataRole.UserRole) == number:
                self.held_list.takeItem(row)
                break
        self._held_chosen()

    def _chosen_held(self) -> str | None:
        item = self.held_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def _held_chosen(self) -> None:
        chosen = self._chosen_held() is not None
        self.take_up_button.setEnabled(chosen)
        self.void_button.setEnabled(chosen)

    def void_held(self) -> None:
        number = self._chosen_held()
        if not number:
            return
        reasons = [self.tr("The customer left without it"), self.tr("Opened twice by mistake"), self.tr("Other")]
        reason, ok = QInputDialog.getItem(
            self, self.tr("Void slip"), self.tr("Void slip {number}? Reason:").format(number=number), reasons, 0, True
        )
        if not ok:
            return
        db, actor = self.host.db, self.host.staff
        self.host.worker.act(
            lambda command: counter.void_slip(db, actor, number, reason, command_id=command),
            lambda _: self._voided(number),
            self._error,
        )

    def _voided(self, number: str) -> None:
        self.say(self.tr("Slip {number} voided.").format(number=number))
        self._drop_from_held(number)
