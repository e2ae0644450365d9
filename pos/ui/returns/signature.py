"""The customer's signature on a return slip (退货单): what comes back and the refund, at the
customer's eye level, above the pad. Not the bench's "everything is in the boxes" signature."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from pos.domain.money import Money
from pos.services.returns import ReturnInfo
from pos.ui.returns.fit import fit_table, fit_to_screen
from pos.ui.returns.labels import reason_labels
from pos.ui.signature_pad import SigningDialog
from pos.ui.style import text_size

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReturnSignatureDialog(SigningDialog):
    """The customer checks the returned items and the refund total, then signs on the pad or on
    paper (`on_paper`)."""

    def __init__(self, slip: ReturnInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slip = slip
        self.setWindowTitle(self.tr("Return slip {number}: customer signature").format(number=slip.number))
        heading = QLabel(
            self.tr("{name}: please check the items returned and sign.").format(name=slip.customer_name),
            objectName="return_signature_heading",
        )
        text_size(heading, "large", strong=True)
        heading.setWordWrap(True)
        self.table = QTableWidget(len(slip.lines), 5, objectName="returned_items")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Item name"), self.tr("Qty"), self.tr("Amount"), self.tr("Reason")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(36)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        text_size(self.table, "body")
        reasons = reason_labels()
        for row, (code, name, quantity, price, reason) in enumerate(slip.lines):
            cells = [
                (code, None),
                (name, None),
                (str(quantity), RIGHT),
                (Money(quantity * price).format(), RIGHT),
                (reasons.get(reason, reason), None),
            ]
            for column, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                self.table.setItem(row, column, item)
        fit_table(self.table, max_rows=8)
        total = Money(slip.total_fen)
        self.total = QLabel(
            self.tr("Refund total: {amount} ({capitals})").format(amount=total.format(), capitals=total.capitals()),
            objectName="return_signature_total",
        )
        text_size(self.total, "heading", strong=True)
        self.lay_out(heading, self.table, self.total, pad_stretch=1)
        fit_to_screen(self)
