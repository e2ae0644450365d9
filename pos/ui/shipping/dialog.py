"""The shipping screen (Shift+F11 at either station): the orders ready to ship, the calls to make
to customers, and the shipping record. A box label or a sales slip scanned here opens the
shipment form for its order; any other scan is refused and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.shipping import ShippingState, send_by_label
from pos.domain.slip_numbers import order_number
from pos.domain.times import local_text
from pos.services import carriers, shipping, shipping_views
from pos.services.shipping import ShipmentInfo
from pos.services.shipping_views import ReadyOrder
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.shipping.calls import CallsPanel
from pos.ui.shipping.carriers_dialog import CarriersDialog
from pos.ui.shipping.shipment_form import ShipmentForm, payer_names
from pos.ui.shipping.tables import fill, table

LIVE_REFRESH_MS = 4000


class ShippingDialog(QDialog):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ready: list[ReadyOrder] = []
        self.found: list[ShipmentInfo] = []
        self.setWindowTitle(self.tr("Shipping"))
        self.resize(980, 600)
        self.tabs = QTabWidget(objectName="shipping_tabs")
        self.ready_table = table(
            "shipping_ready",
            [
                self.tr("Order"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Send by"),
                self.tr("Boxes"),
                self.tr("Shipped"),
                self.tr("Packed"),
            ],
            1,
        )
        ready_page = QWidget()
        ready_layout = QVBoxLayout(ready_page)
        ready_layout.addWidget(QLabel(self.tr("Scan a box label, or choose an order and press Enter, to ship it.")))
        ready_layout.addWidget(self.ready_table)
        self.calls = CallsPanel(host, self)
        self.calls.count_changed.connect(
            lambda count: self.tabs.setTabText(1, self.tr("Calls to make ({count})").format(count=count))
        )
        self.calls.recorded.connect(lambda text: self.done_label.setText(text))
        self.tabs.addTab(ready_page, self.tr("Ready to ship"))
        self.tabs.addTab(self.calls, self.tr("Calls to make"))
        self.tabs.addTab(self._record_page(), self.tr("Shipping record"))
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        self.done_label = QLabel("", objectName="shipping_done")
        self.done_label.setWordWrap(True)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        rates = QPushButton(self.tr("Carriers and rates… (Ctrl+K)"), objectName="shipping_carriers")
        rates.setAutoDefault(False)
        rates.clicked.connect(self.open_carriers)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.open_carriers)
        bottom = QHBoxLayout()
        bottom.addWidget(self.done_label, 1)
        bottom.addWidget(rates)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.ready_table.itemActivated.connect(lambda _item: self.ship_selected())
        for index, key in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3")):
            QShortcut(QKeySequence(key), self, activated=lambda index=index: self.tabs.setCurrentIndex(index))
        self._live = QTimer(self, interval=LIVE_REFRESH_MS)
        self._live.timeout.connect(self._refresh_quietly)
        self._live.start()
        self.refresh()
        self.ready_table.setFocus()

    def _record_page(self) -> QWidget:
        page = QWidget()
        self.search_customer = QLineEdit(objectName="shipping_search_customer")
        self.search_customer.setPlaceholderText(self.tr("Customer name, number or phone"))
        self.search_waybill = QLineEdit(objectName="shipping_search_waybill")
        self.search_waybill.setPlaceholderText(self.tr("Waybill No."))
        today = QDate.currentDate()
        self.search_since = QDateEdit(today.addDays(-30), objectName="shipping_search_since", calendarPopup=True)
        self.search_until = QDateEdit(today, objectName="shipping_search_until", calendarPopup=True)
        self.record_table = table(
            "shipping_record",
            [
                self.tr("Handed over"),
                self.tr("Order"),
                self.tr("Customer"),
                self.tr("Carrier"),
                self.tr("Waybill No."),
                self.tr("Boxes"),
                self.tr("Fee"),
                self.tr("Who pays"),
                self.tr("Arrives"),
            ],
            2,
        )
        filters = QHBoxLayout()
        filters.addWidget(self.search_customer, 2)
        filters.addWidget(self.search_waybill, 1)
        filters.addWidget(QLabel(self.tr("from")))
        filters.addWidget(self.search_since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.search_until)
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.record_table)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.search)
        for field in (self.search_customer, self.search_waybill):
            field.textChanged.connect(lambda _text: self._debounce.start())
        for edit in (self.search_since, self.search_until):
            edit.dateChanged.connect(lambda _date: self._debounce.start())
        return page

    # lists -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        db = self.host.db
        self.host.worker.submit(lambda: shipping_views.ready_to_ship(db), self._show_ready, self._error)
        self.calls.refresh()
        self.search()

    def _refresh_quietly(self) -> None:
        if QApplication.activeModalWidget() is self and self.host.worker.pending <= 2:
            self.refresh()

    def _show_ready(self, ready: list[ReadyOrder]) -> None:
        if ready == self.ready and self.ready_table.rowCount() == len(ready):
            return
        self.ready = ready
        fill(
            self.ready_table,
            [
                [
                    o.number,
                    o.customer_name,
                    o.phone,
                    send_by_label(o.send_by),
                    str(o.boxes),
                    str(o.shipped_boxes),
                    o.finished_at,
                ]
                for o in ready
            ],
        )
        self.tabs.setTabText(0, self.tr("Ready to ship ({count})").format(count=len(ready)))

    def search(self) -> None:
        db = self.host.db
        customer, waybill = self.search_customer.text(), self.search_waybill.text()
        since, until = self.search_since.date().toPython(), self.search_until.date().toPython()
        self.host.worker.submit(
            lambda: shipping.search(db, customer=customer, waybill=waybill, since=since, until=until),
            self._show_found,
            self._error,
        )

    def _show_found(self, found: list[ShipmentInfo]) -> None:
        if found == self.found and self.record_table.rowCount() == len(found):
            return
        self.found = found
        payers = payer_names()
        fill(
            self.record_table,
            [
                [
                    local_text(s.handed_over_at, "%Y-%m-%d %H:%M"),
                    s.order_number,
                    s.customer_name,
                    s.carrier,
                    s.waybill,
                    "、".join(str(b) for b in s.boxes),
                    s.fee.format(),
                    payers[s.payer],
                    s.expected_arrival,
                ]
                for s in found
            ],
        )

    def _error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    # shipping ----------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        """A box label or a slip: ship its order (the label's box already in the form)."""
        number = order_number(text)
        if number is None:
            self.host.sounds.play("error")
            self.message.setText(self.tr("Scan a box label or a sales slip here to ship its order."))
            return
        self.open_form(number, text.strip())

    def ship_selected(self) -> None:
        row = self.ready_table.currentRow()
        if 0 <= row < len(self.ready):
            self.open_form(self.ready[row].number)

    def open_form(self, number: str, label: str | None = None) -> None:
        db = self.host.db
        self.message.clear()

        def load() -> tuple[ReadyOrder, list[str]]:
            return shipping_views.to_ship(db, number), [c.name for c in carriers.list_carriers(db)]

        def show(loaded: tuple[ReadyOrder, list[str]]) -> None:
            # opened after the worker's delivery returns: a form's own calls must be delivered too
            QTimer.singleShot(0, lambda: self._show_form(*loaded, label))

        self.host.worker.submit(load, show, self._refused)

    def _refused(self, error: BaseException) -> None:
        self.host.sounds.play("error")
        self._error(error)

    def _show_form(self, order: ReadyOrder, names: list[str], label: str | None) -> None:
        if QApplication.activeModalWidget() is not self:
            return  # the person moved on (closed the screen, opened something else)
        first = label if label and label.upper() != order.number else None
        form = ShipmentForm(self.host, order.number, order.still_here, names, order.send_by, first, self, self._shipped)
        form.set_heading(
            self.tr("Ship order {number}: {customer}").format(number=order.number, customer=order.customer_name)
        )
        form.freight_collected(order.freight_collected_fen)
        self.run_form(form)

    def open_carriers(self) -> None:
        self.run_form(CarriersDialog(self.host, self))

    def run_form(self, form: QDialog) -> int:
        return form.exec()

    def _shipped(self, info: ShipmentInfo) -> None:
        state = (
            self.tr("every box has left")
            if info.order_state is ShippingState.SHIPPED
            else self.tr("some boxes are still here")
        )
        self.done_label.setText(
            self.tr("Shipped {boxes} box(es) of {number} by {carrier}, waybill {waybill}: {state}.").format(
                boxes=len(info.boxes), number=info.order_number, carrier=info.carrier, waybill=info.waybill, state=state
            )
        )
        self.refresh()
