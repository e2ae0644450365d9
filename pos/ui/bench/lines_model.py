"""The slip's lines at the bench: ordered, ticked, crossed, still to do."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pos.services.bench import BenchLine
from pos.ui import style
from pos.ui.table_model import ListTableModel

DONE = QBrush(QColor(style.DONE_GREEN))  # every unit ticked (some may be crossed)
CROSSED = QBrush(QColor(style.CROSSED_GREY))  # grey text on grey: every unit crossed out (×)
CROSSED_BACKGROUND = QBrush(QColor(style.CROSSED_PALE))
LAST = QBrush(QColor(style.LAST_SCANNED))

Index = QModelIndex | QPersistentModelIndex


class BenchLinesModel(ListTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(
            [
                self.tr("Code"),
                self.tr("Item name"),
                self.tr("Unit price"),
                self.tr("Ordered"),
                self.tr("Ticked"),
                self.tr("Crossed"),
                self.tr("To do"),
            ],
            parent,
        )
        self.lines: list[BenchLine] = []
        self.rows: dict[int, int] = {}  # line id -> row

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            manual = " (" + self.tr("{n} by hand").format(n=line.manual_ticks) + ")" if line.manual_ticks else ""
            return [
                line.item_code,
                line.name,
                line.unit_price.plain(),
                str(line.quantity),
                f"{line.ticked}{manual}",
                ("× " + str(line.crossed)) if line.crossed else "",
                str(line.remaining),
            ][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() == self.highlight:
                return LAST
            if line.crossed == line.quantity:
                return CROSSED_BACKGROUND
            if line.remaining == 0:
                return DONE
        if role == Qt.ItemDataRole.ForegroundRole and line.crossed == line.quantity:
            return CROSSED
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_lines(self, lines) -> None:  # noqa: ANN001
        self.beginResetModel()
        self.lines = list(lines)
        self.rows = {line.id: row for row, line in enumerate(self.lines)}
        self.highlight = None
        self.endResetModel()

    def update_line(self, line: BenchLine) -> int:
        row = self.rows[line.id]
        self.lines[row] = line
        self.move_highlight(row)
        return row

    def refresh_lines(self, lines) -> None:  # noqa: ANN001
        """The same lines read again: updated in place, so the selection, the highlight and the
        scroll position stay where the packer left them. Other lines: a reset."""
        lines = list(lines)
        if [line.id for line in lines] != [line.id for line in self.lines]:
            self.set_lines(lines)
            return
        self.lines = lines
        if lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(lines) - 1, self.columnCount() - 1))
