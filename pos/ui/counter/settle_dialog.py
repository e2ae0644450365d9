"""F6: settle. Shows what is due and why, takes the payment (cash with quick notes, mixed
methods), and refuses short payment before anything is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.domain.settlement import Due, Tender, implausible_cash, quick_notes, settle
from pos.ui.i18n import error_text
from pos.ui.scan_filter import mark_typed_only
from pos.ui.style import text_size


class SettleDialog(QDialog):
    def __init__(self, due: Due, *, can_skip_packing: bool, franchise: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settle"))
        self.base_due = due
        self.franchise = franchise
        self.tenders: list[Tender] | None = None
        self.shipping_fee: Money = due.shipping

        self.breakdown = QLabel(objectName="due_breakdown")
        self.due_label = QLabel(objectName="due_total")
        text_size(self.due_label, "title", strong=True)
        self.shipping = QLineEdit(due.shipping.plain(), objectName="shipping_fee")
        # The standard's way is print, check at the bench, then settle: taking the goods unpacked is
        # a choice the cashier makes on purpose, never what F6 and Enter do by default.
        self.can_skip_packing = can_skip_packing
        self.no_packing = QCheckBox(
            self.tr("Customer takes the goods now without packing (the three copies print)"), objectName="no_packing"
        )
        self.no_packing.setVisible(can_skip_packing)
        self.no_packing.setChecked(False)
        self.cash = QLineEdit(objectName="cash_tendered")
        self.cash.setPlaceholderText(self.tr("Cash handed over"))
        self.other_method = QComboBox(objectName="other_method")
        for method, label in (
            ("", self.tr("(none)")),
            ("wechat", self.tr("WeChat Pay")),
            ("alipay", self.tr("Alipay")),
            ("bank", self.tr("Bank transfer")),
            ("account", self.tr("On account")),
        ):
            if method != "account" or franchise:
                self.other_method.addItem(label, method)
        self.other_amount = QLineEdit(objectName="other_amount")
        self.other_amount.setPlaceholderText(self.tr("Amount by that method"))
        self.change_label = QLabel(objectName="change")
        text_size(self.change_label, "heading")
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        self.notes = QHBoxLayout()

        form = QFormLayout()
        form.addRow(self.tr("Shipping fee"), self.shipping)
        form.addRow(self.tr("Cash"), self.cash)
        form.addRow("", self._wrap(self.notes))
        other = QHBoxLayout()
        other.addWidget(self.other_method)
        other.addWidget(self.other_amount)
        form.addRow(self.tr("Other payment"), self._wrap(other))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Confirm payment"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.due_label)
        layout.addWidget(self.no_packing)
        layout.addLayout(form)
        layout.addWidget(self.change_label)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        mark_typed_only(self.shipping, self.cash, self.other_amount)
        for field in (self.shipping, self.cash, self.other_amount):
            field.textChanged.connect(self._update)
        self.other_method.currentIndexChanged.connect(self._update)
        self._update()
        self.cash.setFocus()

    @staticmethod
    def _wrap(layout) -> QWidget:  # noqa: ANN001
        holder = QWidget()
        holder.setLayout(layout)
        return holder

    def due(self) -> Money:
        return Due(self.base_due.lines, self.base_due.returns, self.base_due.previous_balance, self.shipping_fee).total

    def _amount(self, field: QLineEdit) -> Money:
        text = field.text().strip()
        return Money.from_yuan(text) if text else Money(0)

    def _update(self) -> None:
        try:
            self.shipping_fee = self._amount(self.shipping)
        except PosError:
            pass
        due = self.due()
        parts = [self.tr("Goods {amount}").format(amount=self.base_due.lines.format())]
        if self.base_due.returns:
            parts.append(self.tr("returns −{amount}").format(amount=self.base_due.returns.format()))
        if self.base_due.previous_balance:
            parts.append(self.tr("previous balance {amount}").format(amount=self.base_due.previous_balance.format()))
        if self.shipping_fee:
            parts.append(self.tr("shipping {amount}").format(amount=self.shipping_fee.format()))
        self.breakdown.setText("  ".join(parts))
        self.due_label.setText(self.tr("Due {amount}  {capitals}").format(amount=due.format(), capitals=due.capitals()))
        self._rebuild_notes(due)
        try:
            tenders = self._tenders()
            change = settle(due, tenders, on_account_allowed=self.franchise).change if tenders else Money(0)
            self.change_label.setText(self.tr("Change {amount}").format(amount=change.format()))
        except PosError:
            self.change_label.setText("")

    def _rebuild_notes(self, due: Money) -> None:
        while self.notes.count():
            widget = self.notes.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        for index, note in enumerate(quick_notes(due), start=1):
            label = self.tr("Exact {amount}").format(amount=note.format("￥")) if note == due else note.format("￥")
            button = QPushButton(f"F{index}  {label}", objectName=f"quick_note_{index}")
            button.setShortcut(QKeySequence(f"F{index}"))  # the notes by key too: the hands stay on the keyboard
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, n=note: self.cash.setText(n.plain()))
            self.notes.addWidget(button)

    def _tenders(self) -> list[Tender]:
        due = self.due()
        tenders: list[Tender] = []
        other = self.other_method.currentData()
        other_amount = self._amount(self.other_amount) if other else Money(0)
        if other and other_amount:
            tenders.append(Tender(other, other_amount))
        cash = self._amount(self.cash)
        if cash:
            tenders.append(Tender("cash", due - other_amount, cash))
        return tenders

    def _confirm_large(self, cash: Tender) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Check the amount"),
            self.tr("Cash handed over {tendered} for {due} due: is that right?").format(
                tendered=cash.tendered.format(), due=cash.amount.format()
            ),
            parent=self,
        )
        yes = box.addButton(
            self.tr("Yes, take {amount}").format(amount=cash.tendered.format()), QMessageBox.ButtonRole.YesRole
        )
        box.setDefaultButton(box.addButton(self.tr("No, correct it"), QMessageBox.ButtonRole.NoRole))
        box.exec()
        return box.clickedButton() is yes

    def confirm(self) -> None:
        """Check everything here first: the dialog stays open with the reason, nothing is stored."""
        if self.can_skip_packing and not self.no_packing.isChecked():
            self.message.setText(
                self.tr(
                    "This slip has not been printed for checking. Print it (F5) for the bench first, "
                    "or tick 'takes the goods now without packing'."
                )
            )
            self.no_packing.setFocus()
            return
        try:
            self.shipping_fee = self._amount(self.shipping)
            if self.shipping_fee.fen < 0:
                raise PosError("A shipping fee cannot be negative.")
            tenders = self._tenders()
            settle(self.due(), tenders, on_account_allowed=self.franchise)
        except PosError as exc:
            self.message.setText(error_text(exc))
            return
        cash = next((t for t in tenders if t.method == "cash"), None)
        if cash is not None and implausible_cash(cash.amount, cash.tendered) and not self._confirm_large(cash):
            self.cash.setFocus()
            self.cash.selectAll()
            return
        self.tenders = tenders
        self.accept()
