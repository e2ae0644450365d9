"""The settlement counter: customer, scanned lines, totals, print for checking, settle.

Every change goes through a service on the background worker; the screen shows what the service
returned, so what is on screen is what is stored."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from pos.domain.codes import parse_scan
from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.domain.slip_numbers import order_number
from pos.services import counter, orders
from pos.services.counter import OrderView
from pos.services.customers import CustomerInfo
from pos.services.orders import ScanResult
from pos.ui.counter.callout_banner import CallOutBanner
from pos.ui.counter.code_entry import CounterCodeEntry
from pos.ui.counter.customer_dialog import CustomerDialog
from pos.ui.counter.line_acts import CounterLineActs
from pos.ui.counter.lines_model import LinesModel
from pos.ui.counter.remote_acts import CounterRemote
from pos.ui.counter.side_lists import CounterSideLists
from pos.ui.counter.till import CounterTill
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.keys import key_actions
from pos.ui.shipping.state_text import shipping_text
from pos.ui.style import set_tone, text_size
from pos.ui.table_model import lines_table


class CounterPage(CounterSideLists, CounterLineActs, CounterTill, CounterRemote, CounterCodeEntry, QWidget):
    # emitted on the GUI thread after a scan's line is on screen (benchmarks and tests listen)
    line_shown = Signal(int)
    # emitted after a settlement's call-out is shown
    settled = Signal(object)

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.customer: CustomerInfo | None = None
        self.order: str | None = None
        self.status = ""
        self.shipping = ""  # the way of sending and how far the shipping got
        # The command id of opening the slip on screen, made with its first scan: every scan sent
        # before the slip's number comes back carries it, so they all land on the one slip it opens.
        self.slip_command: str | None = None

        self.customer_name = QLabel(self.tr("No customer (F2)"), objectName="customer_name")
        text_size(self.customer_name, "title", strong=True)
        self.customer_details = QLabel("", objectName="customer_details")
        self.order_label = QLabel("", objectName="order_number")
        self.model = LinesModel(self)
        self.table = lines_table(self.model, "lines")
        # focus given to the page lands in the table: arrow keys choose the line F4/Del/Ctrl+P act on
        self.setFocusProxy(self.table)
        self.items_label = QLabel(objectName="items")
        self.total_label = QLabel(objectName="total")
        text_size(self.total_label, "huge", strong=True)
        self.capitals_label = QLabel(objectName="capitals")
        self.capitals_label.setWordWrap(True)
        self.status_label = QLabel(objectName="order_status")
        self.banner = CallOutBanner(self)
        self.message = QLabel("", objectName="message_strip")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.customer_name)
        left.addWidget(self.customer_details)
        top.addLayout(left, 1)
        top.addWidget(self.order_label)

        panel = QVBoxLayout()
        panel.addWidget(self.items_label)
        panel.addWidget(self.total_label)
        panel.addWidget(self.capitals_label)
        panel.addWidget(self.status_label)
        specs = [
            ("customer", self.tr("F2 Customer"), "F2", self.choose_customer),
            ("code", self.tr("F3 Enter code"), "F3", self.enter_code),
            ("quantity", self.tr("F4 Quantity"), "F4", self.change_quantity),
            ("print", self.tr("F5 Print slip"), "F5", self.print_slip),
            ("settle", self.tr("F6 Settle"), "F6", self.settle),
            ("remove", self.tr("Del Remove line"), "Del", self.remove_line),
            ("price", self.tr("Ctrl+P Change price"), "Ctrl+P", self.override_price),
            ("swap", self.tr("Ctrl+D Defective swap"), "Ctrl+D", self.quality_swap),
            # the second row: each key under one at least as wide, so eight fit across 1024 pixels in English too
            ("new", self.tr("Ctrl+N New slip"), "Ctrl+N", self.new_slip),
            ("held", self.tr("Ctrl+G Set aside"), "Ctrl+G", lambda: self._enter_list(self.held_list)),
            ("ready", self.tr("Ctrl+J To settle"), "Ctrl+J", lambda: self._enter_list(self.ready_list)),
            ("day_end", self.tr("Ctrl+E Day end"), "Ctrl+E", self.day_end),
            ("help", self.tr("F1 Help"), "F1", self.show_help),
            ("drawer", self.tr("Ctrl+O Open drawer"), "Ctrl+O", self.open_drawer),
            ("remote", self.tr("Ctrl+T Remote order"), "Ctrl+T", self.remote_order),
        ]
        # The keys run along the bottom like the keyboard's own F-key row; stacked beside the lines
        # they made the page taller than a 1024x768 touch screen.
        self.actions, buttons = key_actions(self, specs, columns=8, button_height=52)
        self._build_side_lists(panel)

        lines_column = QVBoxLayout()
        lines_column.addWidget(self.banner)
        lines_column.addWidget(self.table, 1)
        middle = QHBoxLayout()
        middle.addLayout(lines_column, 3)
        middle.addLayout(panel, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._show_totals()

    # state ---------------------------------------------------------------------------------------
    def deactivate(self) -> None:
        self._ready_timer.stop()

    def activate(self) -> None:
        """After sign-in: come back to the slip this station was working on."""
        self._ready_timer.start()
        self.refresh_ready()
        db, station = self.host.db, self.host.settings.station_name

        def load() -> OrderView | None:
            number = counter.last_open_order(db, station)
            return counter.order_view(db, number) if number else None

        self.host.worker.submit(load, lambda view: view and self._show_order(view), self._error)

    def _show_order(self, view: OrderView) -> None:
        self.order, self.status = view.number, view.status
        self.shipping = shipping_text(view.send_by, view.shipping)
        self.set_customer(view.customer)
        chosen = self._selected_line()
        self.model.set_lines(view.lines)
        self._choose_row(self.model.row_of(chosen.position) if chosen else None)
        self._show_totals(view.total_fen, view.item_count)
        self.banner.hide()
        self.host.customer_display_update(self.customer, self.model.lines, Money(view.total_fen))
        self._drop_from_held(view.number)  # the slip on screen is no longer set aside

    def _changed(self, view: OrderView) -> bool:
        return (view.status, view.lines) != (self.status, tuple(self.model.lines))

    def set_customer(self, customer: CustomerInfo | None) -> None:
        self.customer = customer
        if customer is None:
            self.customer_name.setText(self.tr("No customer (F2)"))
            self.customer_details.setText("")
            return
        kinds = {"wholesale": self.tr("Wholesale"), "franchise": self.tr("Franchise")}
        details = f"{customer.phone}    {kinds.get(customer.customer_type, '')}    {customer.number}"
        if customer.balance_fen > 0:
            details += "    " + self.tr("owes {amount}").format(amount=Money(customer.balance_fen).format())
        elif customer.balance_fen < 0:  # paid ahead: the shop owes the customer
            details += "    " + self.tr("credit {amount}").format(amount=Money(-customer.balance_fen).format())
        self.customer_name.setText(customer.name)
        self.customer_details.setText(details)

    def _show_totals(self, total_fen: int | None = None, count: int | None = None) -> None:
        total = Money(self.model_total() if total_fen is None else total_fen)
        items = sum(ln.quantity - ln.crossed for ln in self.model.lines) if count is None else count
        self.items_label.setText(self.tr("{count} items").format(count=items))
        self.total_label.setText(total.format())
        self.capitals_label.setText(total.capitals())
        names = {
            OrderStatus.OPEN: self.tr("Scanning"),
            OrderStatus.AWAITING_PAYMENT: self.tr("Remote order: waiting for the transfer (Ctrl+T)"),
            OrderStatus.PRINTED: self.tr("Printed: waiting for the bench"),
            OrderStatus.CHECKING: self.tr("Being checked"),
            OrderStatus.CHECKED: self.tr("Checked: ready to settle"),
            OrderStatus.SETTLED: self.tr("Paid"),
            OrderStatus.VOIDED: self.tr("Voided"),
        }
        status = names.get(self.status, "")
        self.order_label.setText(self.order or "")
        self.status_label.setText(f"{status}\n{self.shipping}" if self.shipping else status)

    @property
    def is_settled(self) -> bool:
        return self.status == OrderStatus.SETTLED

    def model_total(self) -> int:
        return sum(line.amount_fen for line in self.model.lines)

    def say(self, text: str, error: bool = False) -> None:
        """The message strip: red with the error sound for a refusal, green otherwise."""
        self._strip(text, error)
        self.host.sounds.play("error" if error else "ok")

    def _strip(self, text: str, error: bool) -> None:
        self.message.setText(text)
        set_tone(self.message, "refused" if error else "ok")

    def _error(self, error: BaseException) -> None:
        self.say(error_text(error), error=True)

    def _selected_line(self):  # noqa: ANN202
        return self.model.current(self.table)

    def _choose_row(self, row: int | None) -> None:
        """The line keys act on: the given row, else the last; kept in view once the strip and
        totals have taken their height (scrolling before that left the row just under the edge)."""
        if row is None or row < 0:
            row = self.model.rowCount() - 1
        if row < 0:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        QTimer.singleShot(0, lambda: row < self.model.rowCount() and self.table.scrollTo(self.model.index(row, 0)))

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt override
        if (
            watched in (self.ready_list, self.held_list)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _require_order(self) -> bool:
        if not self.order:
            self.say(self.tr("No slip yet: choose the customer (F2) and scan."), error=True)
            return False
        return True

    # scanning ------------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        text = text.strip()
        slip = order_number(text)
        if slip is not None:
            self.load_order(slip)
            return
        try:
            parse_scan(text)  # refuse garbage before anything is opened or sent
        except PosError as exc:
            self._error(exc)
            return
        if self.customer is None:
            self.say(
                self.tr("Choose the customer first (F2): slips that are packed and shipped need a customer record."),
                error=True,
            )
            return
        if self.order and self.status != OrderStatus.OPEN:
            if not self._awaiting_transfer():
                self.say(self.tr("This slip can no longer change. Start a new slip (Ctrl+N)."), error=True)
            return
        db, actor, rules = self.host.db, self.host.staff, self.host.settings.rules()
        number, customer, station = self.order, self.customer.number, self.host.settings.station_name
        if number is None and self.slip_command is None:
            self.slip_command = uuid.uuid4().hex
        slip = self.slip_command

        def call(command: str) -> ScanResult:
            # one act, one transaction: the slip's first scan opens it too (finding 3)
            return orders.add_scan(
                db,
                actor,
                number,
                text,
                command_id=command,
                instore_rules=rules,
                customer_number=customer,
                station=station,
                open_command_id=slip,
            )

        self.host.worker.act(call, lambda result: self._scanned(slip, result), self._error)

    def _scanned(self, slip: str | None, result: ScanResult) -> None:
        number = result.order_number
        if self.order is None and slip is not None and slip == self.slip_command:
            self.order, self.status = number, OrderStatus.OPEN  # the slip this screen started has its number
        if self.order != number:
            return  # a scan for a slip set aside meanwhile (Ctrl+N): it is stored there, not shown here
        row = self.model.apply(result.line)
        self._show_totals(result.total_fen, result.item_count)
        line = result.line
        text = f"{line.item_code}  {line.name}  × {line.quantity}  {Money(line.unit_price_fen).format()}"
        if result.after_sales_note:  # for the cashier to pass on to the customer
            text += "    " + self.tr("After-sales: {note}").format(note=result.after_sales_note)
        self.say(text)
        self._choose_row(row)
        self.host.customer_display_update(self.customer, self.model.lines, Money(result.total_fen))
        self.line_shown.emit(row)

    def load_order(self, number: str) -> None:
        def loaded(view: OrderView) -> None:
            self._show_order(view)
            if self.message.property("tone") == "refused":
                self._strip("", error=False)  # an older refusal is not about this slip

        self.host.worker.submit(lambda: counter.order_view(self.host.db, number), loaded, self._error)

    # actions -------------------------------------------------------------------------------------
    def choose_customer(self) -> None:
        dialog = CustomerDialog(self.host, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.edited is not None and self.customer is not None and dialog.edited.number == self.customer.number:
            self.set_customer(dialog.edited)  # corrected in the dialog: the top bar shows the record as saved
        if not accepted or dialog.chosen is None:
            return
        if self.order and self.model.lines and self.status == OrderStatus.OPEN:
            self.say(
                self.tr("The slip in progress stays with {name}; start a new slip (Ctrl+N) first.").format(
                    name=self.customer.name if self.customer else ""
                ),
                error=True,
            )
            return
        self.new_slip()
        self.set_customer(dialog.chosen)
        self.say(self.tr("Customer: {name}. Scan the items.").format(name=dialog.chosen.name))

    def new_slip(self) -> None:
        held = self.order if self.order and self.status == OrderStatus.OPEN and self.model.lines else None
        self.order, self.status, self.shipping = None, "", ""
        self.slip_command = None
        self.model.set_lines([])
        self.banner.hide()
        self.message.clear()  # the last customer's news is not the next one's
        set_tone(self.message, None)
        # nor their name: a scan now must not land on a slip for the customer who just left
        self.set_customer(None)
        self.host.customer_display_update(None, [], Money(0))
        self._show_totals(0, 0)
        if held:
            self._strip(
                self.tr("Slip {number} is set aside: choose it in the list on the right and press Take up.").format(
                    number=held
                ),
                error=False,
            )
            self.refresh_ready()  # it joins the list now, not at the next timed refresh

    def print_slip(self) -> None:
        if not self._require_order() or self._awaiting_transfer():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Print slip"),
            self.tr(
                "Has the customer agreed to print the slip for checking? After printing, changes are made at the bench."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, context, number = self.host.db, self.host.staff, self.host.print_context(), self.order
        uri = self.host.settings.printer_uri

        def call(command: str) -> OrderView:
            counter.print_for_checking(db, actor, context, number, uri, command_id=command)
            return counter.order_view(db, number)  # a read: retried, the print above is not repeated

        def done(view: OrderView) -> None:
            self._show_order(view)
            self.host.wake_spooler()
            self.say(self.tr("Slip {number} printed and sent to the bench.").format(number=view.number))

        self.host.worker.act(call, done, self._error)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Modal dialogs go through here so tests can drive them."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def show_help(self) -> None:
        keys = "\n".join(action.text() for action in self.actions.values())
        QMessageBox.information(
            self,
            self.tr("Keys"),
            keys
            + "\n"
            + self.tr(
                "F10 Print queue\nF11 Returns\nShift+F11 Shipping\nF12 Sign out\nScan anywhere: the item goes on the slip.\n"
                "Ctrl+N with a slip not yet printed sets it aside: choose it in the list on the right and press Take up "
                "(or Void)."
            ),
        )
