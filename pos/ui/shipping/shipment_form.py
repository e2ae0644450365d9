"""The shipment form: the boxes going to the carrier, scanned by their labels; the waybill typed or
scanned (at this form, any scan that is not a box label is the waybill); weight, fee and payer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import InvalidInput
from pos.domain.freight import Payer, grams_from_kg
from pos.domain.money import Money
from pos.domain.slip_numbers import box_code, box_label, order_number
from pos.services import carriers, shipping
from pos.services.shipping import ShipmentInfo
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.scan_filter import mark_typed_only
from pos.ui.style import text_size


def payer_names() -> dict[Payer, str]:
    return {
        Payer.ON_DELIVERY: QCoreApplication.translate("Shipping", "Customer pays on delivery (到付)"),
        Payer.CUSTOMER_TO_US: QCoreApplication.translate("Shipping", "Customer pays us (寄付)"),
        Payer.SHOP: QCoreApplication.translate("Shipping", "Shop pays"),
    }


class ShipmentForm(QDialog):
    def __init__(
        self,
        host: Host,
        number: str,
        still_here: tuple[int, ...],
        carrier_names: list[str],
        send_by: str = "",
        first_label: str | None = None,
        parent: QWidget | None = None,
        on_recorded: Callable[[ShipmentInfo], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.host, self.number, self.still_here = host, number, still_here  # the boxes not shipped yet
        self.on_recorded = on_recorded or (lambda _info: None)
        self.boxes: list[int] = []
        self.command_id: str | None = None  # one per recording, kept for its retries
        self.setWindowTitle(self.tr("Ship order {number}").format(number=number))
        self.carrier = QComboBox(objectName="shipment_carrier")
        for name in carrier_names:
            self.carrier.addItem(name, name)
        if send_by in carrier_names:
            self.carrier.setCurrentIndex(carrier_names.index(send_by))
        self.waybill = QLineEdit(objectName="shipment_waybill")
        self.waybill.setPlaceholderText(self.tr("Scan or type the waybill number"))
        # the order and the customer in view, not only in a title bar the window system may not draw
        self.heading = QLabel(number, objectName="shipment_heading")
        text_size(self.heading, "large", strong=True)
        self.box_list = QListWidget(objectName="shipment_boxes")
        self.box_list.setMinimumHeight(140)  # four boxes in view, and every box of an order in reach
        self.box_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.boxes_note = QLabel("", objectName="shipment_boxes_note")
        self.weight = QLineEdit(objectName="shipment_weight")
        self.weight.setPlaceholderText(self.tr("kg, e.g. 3.2"))
        self.fee = QLineEdit(objectName="shipment_fee")
        self.quote = QLabel("", objectName="shipment_quote")
        self.quote.setWordWrap(True)  # the form keeps its width when the rate appears
        mark_typed_only(self.weight, self.fee)  # a scan is never a weight or a fee
        self.payer = QComboBox(objectName="shipment_payer")
        for payer, label in payer_names().items():
            self.payer.addItem(label, payer.value)
        self.paid_note = QLabel("", objectName="shipment_paid_note")
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record shipment (Ctrl+Enter)"), objectName="shipment_record")
        self.record_button.setDefault(False)
        self.record_button.setAutoDefault(False)
        undo_box = QPushButton(self.tr("Take out last box"))
        undo_box.setAutoDefault(False)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("Carrier"), self.carrier)
        form.addRow(self.tr("Waybill No."), self.waybill)
        form.addRow(self.tr("Boxes (scan each label)"), self.box_list)
        form.addRow("", self.boxes_note)
        form.addRow(self.tr("Weight"), self.weight)
        form.addRow(self.tr("Fee"), self.fee)
        form.addRow("", self.quote)
        form.addRow(self.tr("Who pays"), self.payer)
        form.addRow("", self.paid_note)
        buttons = QHBoxLayout()
        buttons.addWidget(undo_box)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.record)
        self.record_button.clicked.connect(self.record)
        undo_box.clicked.connect(self.take_out_last)
        cancel.clicked.connect(self.reject)
        self._requote = QTimer(self, singleShot=True, interval=200)
        self._requote.timeout.connect(self._ask_quote)
        self.weight.textChanged.connect(lambda _t: self._requote.start())
        self.carrier.currentIndexChanged.connect(lambda _i: self._requote.start())
        self._show_boxes()
        if first_label:
            self.handle_scan(first_label)
        self.setMinimumWidth(620)
        self.waybill.setFocus()

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)
        self.setWindowTitle(text)

    def freight_collected(self, fen: int) -> None:
        """The customer paid us the freight with the order: it is not charged again on delivery."""
        if fen > 0:
            self.payer.setCurrentIndex(self.payer.findData(Payer.CUSTOMER_TO_US.value))
            text = self.tr("Freight {amount} was paid with the order.").format(amount=Money(fen).format())
            self.paid_note.setText(text)

    # scans -------------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        """A box label adds its box; anything else scanned here is the waybill number."""
        code = box_label(text)
        if code is None and order_number(text) is not None:
            self._refuse(self.tr("That is a sales slip, not a waybill: scan the carrier's waybill."))
            return
        if code is None:
            self.waybill.setText(text.strip())
            self.message.clear()
            return
        order, box = code
        if order != self.number:
            self._refuse(
                self.tr("Box label {code} is of order {other}, not of {number}.").format(
                    code=text.strip(), other=order, number=self.number
                )
            )
            return
        if box not in self.still_here:
            self._refuse(
                self.tr("Box {box} of order {number} has been shipped already, or there is no such box.").format(
                    number=self.number, box=box
                )
            )
            return
        if box in self.boxes:
            self._refuse(self.tr("Box {box} was scanned twice.").format(box=box))
            return
        self.boxes.append(box)
        self.message.clear()
        self.host.sounds.play("tick")
        self._show_boxes()

    def take_out_last(self) -> None:
        if self.boxes:
            self.boxes.pop()
            self._show_boxes()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.host.sounds.play("error")

    def _show_boxes(self) -> None:
        self.box_list.clear()
        for box in self.boxes:
            self.box_list.addItem(self.tr("Box {box}  ({code})").format(box=box, code=box_code(self.number, box)))
        left = len(self.still_here) - len(self.boxes)
        self.boxes_note.setText(
            self.tr("{scanned} of the {count} boxes still here scanned").format(
                scanned=len(self.boxes), count=len(self.still_here)
            )
            + ("" if left <= 0 else "  " + self.tr("({left} stay behind)").format(left=left))
        )
        self._requote.start()

    # fee ---------------------------------------------------------------------------------------
    def _ask_quote(self) -> None:
        name, boxes = self.carrier.currentData(), len(self.boxes)
        try:
            grams = self._grams()
        except InvalidInput as error:
            self.quote.setText(error_text(error))
            return
        if not name or not boxes:
            self.quote.clear()
            return
        db = self.host.db
        self.host.worker.submit(
            lambda: carriers.quote(db, name, boxes=boxes, grams=grams),
            self._show_quote,
            lambda error: self.quote.setText(error_text(error)),
        )

    def _grams(self) -> int:
        """The weight typed, in grams; nothing typed is 0 (a rate per box needs no weight)."""
        return grams_from_kg(self.weight.text()) if self.weight.text().strip() else 0

    def _show_quote(self, fee: Money) -> None:
        self.quote.setText(self.tr("Carrier's rate: {fee} (leave the fee empty to charge it)").format(fee=fee.format()))

    # recording ---------------------------------------------------------------------------------
    def record(self) -> None:
        if not self.record_button.isEnabled():
            return  # the same shipment is being recorded
        try:
            grams = self._grams()
            fee = Money.from_yuan(self.fee.text().strip()) if self.fee.text().strip() else None
        except (InvalidInput, ValueError) as error:
            self._refuse(error_text(error))
            return
        if not self.boxes:
            self._refuse(self.tr("Scan the label of every box that goes into this shipment."))
            return
        left = len(self.still_here) - len(self.boxes)
        if left > 0 and not self.confirm(
            self.tr("Only {scanned} of {count} boxes go in this shipment; {left} stay here. Record it?").format(
                scanned=len(self.boxes), count=len(self.still_here), left=left
            )
        ):
            return
        host, number = self.host, self.number
        labels = [box_code(number, box) for box in self.boxes]
        carrier, waybill, payer = self.carrier.currentData(), self.waybill.text(), Payer(self.payer.currentData())
        staff, context, printer = host.staff, host.print_context(), host.settings.printer_uri
        self.record_button.setEnabled(False)

        def act(command_id: str) -> ShipmentInfo:
            return shipping.record_shipment(
                host.db,
                staff,
                context,
                number,
                carrier=carrier,
                waybill=waybill,
                box_labels=labels,
                grams=grams,
                fee=fee,
                payer=payer,
                voucher_printer_uri=printer,
                command_id=command_id,
            )

        self.command_id = host.worker.act(act, self._recorded, self._failed, command_id=self.command_id)

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        """Esc or Cancel: boxes already scanned are not thrown away without asking."""
        if self.boxes and self.record_button.isEnabled():
            if not self.confirm(self.tr("Close the form? The boxes scanned are not recorded.")):
                return
        super().reject()

    def _recorded(self, info: ShipmentInfo) -> None:
        self.host.wake_spooler()
        self.host.sounds.play("done")
        self.on_recorded(info)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.command_id = None  # refused: nothing was stored, a corrected form is a new act
        self.record_button.setEnabled(True)
        self._refuse(error_text(error))
