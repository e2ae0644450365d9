"""A new return of a past order: which units come back and why, with prices, amounts and the total.
The dialog stays open until the return slip is stored: a refusal shows why and keeps every line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.domain.money import Money
from pos.services.returns import LineRequest, ReturnInfo, ReturnRefused
from pos.ui.approval import ApprovalDialog
from pos.ui.i18n import error_text
from pos.ui.returns.editors import CODE_ROLE, MAX_ROLE, CommitOnEnter, QuantityDelegate, ReasonDelegate
from pos.ui.returns.fit import fit_table, fit_to_screen
from pos.ui.returns.labels import reason_labels
from pos.ui.style import text_size

CODE, NAME, SOLD, PRICE, RETURN, REASON, NOTE, AMOUNT = range(8)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
EDITABLE = READ_ONLY | Qt.ItemFlag.ItemIsEditable
Override = tuple[str, str, str]  # manager's login code, PIN, reason
# submit(requests, refund method, override or None, done, failed): stores the slip off the GUI thread
Submit = Callable[
    [list[LineRequest], str, Override | None, Callable[[ReturnInfo], None], Callable[[BaseException], None]], None
]


class NewReturnDialog(QDialog):
    """Arrow keys move between cells, typing a number or F2 edits the return quantity, Enter
    commits a cell and, on a valid form, submits; an invalid one puts the cursor where it is wrong."""

    def __init__(self, view, submit: Submit, parent: QWidget | None = None) -> None:  # noqa: ANN001 - OrderView
        super().__init__(parent)
        self.view = view
        self.submit = submit
        self.requests: list[LineRequest] = []
        self.created: ReturnInfo | None = None
        self.setWindowTitle(self.tr("New return: {number} {name}").format(number=view.number, name=view.customer.name))
        self.labels = reason_labels()
        self.table = QTableWidget(len(view.lines), 8, objectName="return_lines")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Item name"),
                self.tr("Sold"),
                self.tr("Unit price"),
                self.tr("Qty returned"),
                self.tr("Reason"),
                self.tr("Note"),
                self.tr("Amount"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(40)  # a finger's height per line
        text_size(self.table, "body")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(True)
        self.table.setItemDelegateForColumn(RETURN, QuantityDelegate(self.table))
        self.table.setItemDelegateForColumn(REASON, ReasonDelegate(self.labels, self.table))
        self.table.setItemDelegateForColumn(NOTE, CommitOnEnter(self.table))
        widest_reason = max(self.labels.values(), key=len)
        for row, line in enumerate(view.lines):
            returnable = line.quantity - line.crossed
            self._cell(row, CODE, line.item_code)
            self._cell(row, NAME, line.name)
            self._cell(row, SOLD, str(line.quantity), RIGHT)
            self._cell(row, PRICE, Money(line.unit_price_fen).format(), RIGHT)
            quantity = self._cell(row, RETURN, 0, RIGHT, EDITABLE)
            quantity.setData(MAX_ROLE, returnable)
            reason = self._cell(row, REASON, widest_reason, flags=EDITABLE)  # measured at its widest, then set
            reason.setData(CODE_ROLE, "unwanted")
            self._cell(row, NOTE, "M" * 6, flags=EDITABLE)  # room to read a short note
            self._cell(row, AMOUNT, Money(returnable * line.unit_price_fen).format(), RIGHT)
        fit_table(self.table, wrap_column=NAME)
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.table.item(row, REASON).setText(self.labels["unwanted"])
            self.table.item(row, NOTE).setText("")
            self.table.item(row, AMOUNT).setText(Money(0).format())
        self.table.blockSignals(False)
        self.table.itemChanged.connect(self._changed)
        self.total = QLabel("", objectName="return_total")
        text_size(self.total, "medium", strong=True)
        self.allowance = QLabel("", objectName="franchise_allowance")
        self.refund = QComboBox(objectName="refund_method")
        self.refund.addItem(self.tr("Refund by the original payment method"), "original")
        self.refund.addItem(self.tr("Credit to the customer's account"), "account")
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setDefault(True)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Arrow keys choose a line; type how many come back; F2 changes the reason; Enter returns them.")
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.allowance)
        layout.addWidget(self.refund)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show_total()
        if self.table.rowCount():
            self.table.setCurrentCell(0, RETURN)
        self.table.setFocus()
        fit_to_screen(self)

    def _cell(self, row: int, column: int, value, align=None, flags=READ_ONLY) -> QTableWidgetItem:  # noqa: ANN001
        item = QTableWidgetItem()
        item.setData(Qt.ItemDataRole.EditRole if isinstance(value, int) else Qt.ItemDataRole.DisplayRole, value)
        item.setFlags(flags)
        if align is not None:
            item.setTextAlignment(align)
        self.table.setItem(row, column, item)
        return item

    def quantity(self, row: int) -> int:
        return int(self.table.item(row, RETURN).data(Qt.ItemDataRole.EditRole) or 0)

    def _changed(self, item: QTableWidgetItem) -> None:
        if item.column() == RETURN:
            line = self.view.lines[item.row()]
            self.table.item(item.row(), AMOUNT).setText(Money(self.quantity(item.row()) * line.unit_price_fen).format())
            self._show_total()

    def _show_total(self) -> None:
        count = sum(self.quantity(row) for row in range(self.table.rowCount()))
        amount = sum(self.quantity(row) * line.unit_price_fen for row, line in enumerate(self.view.lines))
        self.total.setText(
            self.tr("Returning {count} units, refund {amount}").format(count=count, amount=Money(amount).format())
        )

    def _lines(self) -> list[LineRequest] | None:
        """What was entered, or None with the cursor on the first thing to fix."""
        requests = []
        for row, line in enumerate(self.view.lines):
            if not self.quantity(row):
                continue
            reason = self.table.item(row, REASON).data(CODE_ROLE)
            note = self.table.item(row, NOTE).text().strip()
            if reason == "other" and not note:
                self._point_at(row, NOTE, self.tr("Line {row}: say what the other reason is.").format(row=row + 1))
                return None
            requests.append(LineRequest(line.position, self.quantity(row), reason, note))
        if not requests:
            self._point_at(0, RETURN, self.tr("Choose at least one item to return."))
            return None
        return requests

    def _point_at(self, row: int, column: int, text: str) -> None:
        self.message.setText(text)
        self.table.setCurrentCell(row, column)
        self.table.setFocus()

    def _check(self) -> None:
        requests = self._lines()
        if requests is not None:
            self.requests = requests
            self._send(None)

    def _send(self, override: Override | None) -> None:
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Saving the return slip…"))
        self.submit(self.requests, self.refund.currentData(), override, self._stored, self._refused)

    def _stored(self, slip: ReturnInfo) -> None:
        self.created = slip
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(error_text(error))  # every line stays as entered
        if isinstance(error, ReturnRefused):
            dialog = ApprovalDialog(self.tr("Manager override"), error_text(error), ask_reason=True, parent=self)
            if self.run_dialog(dialog) == QDialog.DialogCode.Accepted:
                self._send(dialog.values())

    def run_dialog(self, dialog: QDialog) -> int:
        """Modal dialogs go through here so tests can drive them."""
        return dialog.exec()
