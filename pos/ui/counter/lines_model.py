"""The slip's lines as a Qt table model. A scan updates or appends one row, never reloads the
slip: with hundreds of lines the scan-to-screen path stays short."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pos.domain.money import Money
from pos.services.counter import LineView
from pos.services.orders import LineInfo
from pos.ui import style
from pos.ui.table_model import ListTableModel

LAST_SCANNED = QBrush(QColor(style.LAST_SCANNED))  # the row the last scan changed
CROSSED = QBrush(QColor(style.CROSSED_GREY))  # grey, as at the bench: every unit crossed out (×)
CROSSED_BACKGROUND = QBrush(QColor(style.CROSSED_PALE))
PRICE_CHANGED = QBrush(QColor(style.PRICE_CHANGED))  # not the catalog price, a manager approved it

Index = QModelIndex | QPersistentModelIndex


class LinesModel(ListTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(
            [self.tr("Code"), self.tr("Item name"), self.tr("Unit price"), self.tr("Qty"), self.tr("Amount")], parent
        )
        self.lines: list[LineView] = []

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("× " if line.crossed >= line.quantity else "") + line.item_code
            if column == 1:
                return line.name + (f"  (× {line.crossed})" if 0 < line.crossed < line.quantity else "")
            if column == 2:
                price = Money(line.unit_price_fen).plain()
                return price if line.list_price_fen is None else self.tr("changed") + " " + price
            if column == 3:
                return str(line.quantity)
            return Money(line.amount_fen).plain()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self.highlight:
            return LAST_SCANNED
        if role == Qt.ItemDataRole.BackgroundRole and line.crossed >= line.quantity:
            return CROSSED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and line.crossed >= line.quantity:
            return CROSSED
        if line.list_price_fen is not None and column == 2:
            if role == Qt.ItemDataRole.ForegroundRole:
                return PRICE_CHANGED
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Price changed from {price}").format(price=Money(line.list_price_fen).format())
        return None

    def set_lines(self, lines: tuple[LineView, ...] | list[LineView]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.highlight = None
        self.endResetModel()

    def apply(self, info: LineInfo) -> int:
        """Put one line as the service returned it; returns its row (highlighted)."""
        for row, line in enumerate(self.lines):
            if line.position == info.position:
                self.lines[row] = LineView(
                    line.position,
                    line.item_code,
                    line.name,
                    info.unit_price_fen,
                    info.quantity,
                    line.crossed,
                    line.defective,
                    line.ticked,
                    line.list_price_fen,
                )
                break
        else:
            row = len(self.lines)
            self.beginInsertRows(QModelIndex(), row, row)
            self.lines.append(LineView(info.position, info.item_code, info.name, info.unit_price_fen, info.quantity))
            self.endInsertRows()
            self.move_highlight(row, shown_changed=False)
            return row
        self.move_highlight(row)
        return row
