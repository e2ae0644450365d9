"""Ctrl+T at the counter, for a customer who is not here: the payment notice for a slip made up
(where the order came from, the freight we collect, the text as it goes out), and the transfer
recorded when the money arrives."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.domain.remote import MAX_REFERENCE, MAX_WANTED, PaymentNotice, Source, balance_after, check_transfer
from pos.domain.shipping import PICKUP
from pos.services.remote import RemoteOrder
from pos.ui.i18n import error_text
from pos.ui.scan_filter import mark_typed_only
from pos.ui.style import set_tone, text_size


def _amount(field: QLineEdit) -> Money:
    text = field.text().strip()
    return Money.from_yuan(text) if text else Money(0)


class NoticeDialog(QDialog):
    """The notice for the slip on screen: accepted with `how`, `freight` and `printed` (print it,
    or only copy its text)."""

    def __init__(self, notice: PaymentNotice, carriers: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment notice for a remote order"))
        self.notice = notice
        self.how: RemoteOrder | None = None
        self.freight = Money(0)
        self.printed = True
        self.source = QComboBox(objectName="source")
        for source, label in (
            (Source.PHONE, self.tr("Phone")),
            (Source.VIDEO, self.tr("Video call")),
            (Source.WEBSITE, self.tr("Website")),
        ):
            self.source.addItem(label, source.value)
        self.appointment = QDateTimeEdit(QDateTime.currentDateTime(), objectName="appointment")
        self.appointment.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.appointment.setCalendarPopup(True)
        self.wanted = QLineEdit(objectName="wanted")
        self.wanted.setMaxLength(MAX_WANTED)
        self.wanted.setPlaceholderText(self.tr("Products the customer asked to see"))
        # how the goods will go, asked with the freight (the customer's way last time first)
        self.send_by = QComboBox(objectName="notice_send_by")
        self.send_by.addItem(self.tr("Pickup (自提)"), PICKUP)
        for name in carriers:
            self.send_by.addItem(name, name)
        self.send_by.setCurrentIndex(max(0, self.send_by.findData(notice.send_by)))
        self.freight_field = QLineEdit(objectName="freight")
        self.freight_field.setPlaceholderText(self.tr("0: paid on delivery, or by the shop"))
        self.text = QPlainTextEdit(objectName="notice_text", readOnly=True)
        self.text.setMinimumSize(560, 260)
        self.appointment.setMinimumHeight(self.wanted.sizeHint().height())  # as tall as the fields around it
        self.message = QLabel("", objectName="error", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Ordered by"), self.source)
        form.addRow(self.tr("Video call at"), self.appointment)
        form.addRow(self.tr("Products wanted"), self.wanted)
        form.addRow(self.tr("Send by"), self.send_by)
        form.addRow(self.tr("Freight we collect"), self.freight_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = QPushButton(self.tr("Send and print (Enter)"), objectName="send_print", default=True)
        self.copy_button = QPushButton(self.tr("Send, copy the text only (Ctrl+Shift+C)"), objectName="send_copy")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: self._send(printed=True))
        self.copy_button.clicked.connect(lambda: self._send(printed=False))
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, activated=lambda: self._send(printed=False))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        mark_typed_only(self.freight_field)
        self.freight_field.textChanged.connect(self._update)
        self.source.currentIndexChanged.connect(self._update)
        self.send_by.currentIndexChanged.connect(self._update)
        self._update()
        self.source.setFocus()

    def _update(self) -> None:
        video = self.source.currentData() == Source.VIDEO
        self.appointment.setEnabled(video)
        self.wanted.setEnabled(video)
        try:
            self.freight = _amount(self.freight_field)
        except PosError as exc:
            self._refuse(error_text(exc))
            return
        self._refuse("")
        notice = replace(self.notice, freight_fen=self.freight.fen, send_by=self.send_by.currentData())
        self.text.setPlainText(notice.text())

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        set_tone(self.message, "refused" if text else None)

    def _send(self, *, printed: bool) -> None:
        try:
            self.freight = _amount(self.freight_field)
        except PosError as exc:
            self._refuse(error_text(exc))
            return
        if self.freight.fen < 0:
            self._refuse(self.tr("A shipping fee cannot be negative."))
            return
        if not self.notice.accounts:
            self._refuse(
                self.tr(
                    "There is no account to transfer to: a manager adds the shop's bank accounts in Settings (Money)."
                )
            )
            return
        source = Source(self.source.currentData())
        at = None
        if source == Source.VIDEO:
            local = self.appointment.dateTime().toPython()
            at = local.astimezone(UTC).replace(tzinfo=None)
        wanted = self.wanted.text().strip() if source == Source.VIDEO else ""
        self.how = RemoteOrder(source, at, wanted, self.send_by.currentData())
        self.printed = printed
        self.accept()


class TransferDialog(QDialog):
    """An order waiting for its money: record the transfer (the default), or open the slip again
    for changes, or the notice again, or void it when the customer cancels. `action` says which:
    record, reopen, print, copy, void."""

    def __init__(self, number: str, due: Money, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer for order {number}").format(number=number))
        self.due = due
        self.action = ""
        self.method = QComboBox(objectName="transfer_method")
        for method, label in (
            ("bank", self.tr("Bank transfer")),
            ("wechat", self.tr("WeChat Pay")),
            ("alipay", self.tr("Alipay")),
        ):
            self.method.addItem(label, method)
        self.bank = QLineEdit(objectName="transfer_bank")
        self.bank.setMaxLength(60)
        self.bank.setPlaceholderText(self.tr("The bank or account it came into"))
        self.reference = QLineEdit(objectName="transfer_reference")
        self.reference.setMaxLength(MAX_REFERENCE)
        self.reference.setPlaceholderText(self.tr("The reference number on the transfer"))
        self.amount = QLineEdit(objectName="transfer_amount")
        self.amount.setPlaceholderText(due.plain())
        due_label = QLabel(self.tr("To transfer: {amount}").format(amount=due.format()), objectName="transfer_due")
        text_size(due_label, "title", strong=True)
        self.difference = QLabel("", objectName="transfer_difference", wordWrap=True)
        self.message = QLabel("", objectName="error", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Paid by"), self.method)
        form.addRow(self.tr("Bank"), self.bank)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Amount received"), self.amount)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = QPushButton(
            self.tr("Record transfer, to the bench (Enter)"), objectName="record_transfer", default=True
        )
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.clicked.connect(self._record)
        # the other acts on the waiting slip, two by two: in one row they made the dialog wider than the screen
        others = QGridLayout()
        for index, (name, text, keys, action) in enumerate(
            (
                ("reopen", self.tr("Change the slip (Ctrl+R)"), "Ctrl+R", "reopen"),
                ("print_notice", self.tr("Print the notice again (Ctrl+P)"), "Ctrl+P", "print"),
                ("copy_notice", self.tr("Copy the notice (Ctrl+Shift+C)"), "Ctrl+Shift+C", "copy"),
                ("void_remote", self.tr("The customer cancelled: void (Ctrl+Shift+Del)"), "Ctrl+Shift+Del", "void"),
            )
        ):
            button = QPushButton(text, objectName=name, autoDefault=False)
            others.addWidget(button, index // 2, index % 2)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            QShortcut(QKeySequence(keys), self, activated=lambda a=action: self._choose(a))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(due_label)
        layout.addLayout(form)
        layout.addWidget(self.difference)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        layout.addLayout(others)
        mark_typed_only(self.amount)
        self.amount.textChanged.connect(self._update)
        for field in (self.reference, self.amount):  # an old refusal is not about what is typed now
            field.textChanged.connect(lambda _text: self.message.setText(""))
        self.method.setFocus()

    def received(self) -> Money:
        return _amount(self.amount) if self.amount.text().strip() else self.due

    def _update(self) -> None:
        try:
            left = balance_after(self.due, self.received())
        except PosError as exc:
            self.difference.setText(error_text(exc))
            return
        if left.fen > 0:
            self.difference.setText(
                self.tr("{amount} short: it stays on the customer's balance as owed.").format(amount=left.format())
            )
        elif left.fen < 0:
            self.difference.setText(
                self.tr("{amount} more: it becomes the customer's credit.").format(amount=(-left).format())
            )
        else:
            self.difference.setText(self.tr("The exact amount."))

    def _choose(self, action: str) -> None:
        self.action = action
        self.accept()

    def _record(self) -> None:
        try:
            check_transfer(self.method.currentData(), self.reference.text(), self.received())
        except PosError as exc:
            self.message.setText(error_text(exc))
            set_tone(self.message, "refused")
            (self.reference if not self.reference.text().strip() else self.amount).setFocus()
            return
        self._choose("record")
