"""The slip's lines at the bench: ordered, ticked, crossed, still to do."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pos.services.bench import BenchLine

DONE = QBrush(QColor("#c8e6c9"))  # green: every unit ticked or crossed
CROSSED = QBrush(QColor("#9e9e9e"))
LAST = QBrush(QColor("#fff59d"))

Index = QModelIndex | QPersistentModelIndex


class BenchLinesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.lines: list[BenchLine] = []
        self.rows: dict[int, int] = {}  # line id -> row
        self.highlight: int | None = None
        self._headers = [self.tr("Code"), self.tr("Item name"), self.tr("Ordered"), self.tr("Ticked"),
                         self.tr("Crossed"), self.tr("To do")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            manual = " (" + self.tr("{n} by hand").format(n=line.manual_ticks) + ")" if line.manual_ticks else ""
            return [line.item_code, line.name, str(line.quantity), f"{line.ticked}{manual}",
                    ("× " + str(line.crossed)) if line.crossed else "", str(line.remaining)][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() == self.highlight:
                return LAST
            if line.remaining == 0:
                return DONE
        if role == Qt.ItemDataRole.ForegroundRole and line.crossed and line.crossed == line.quantity:
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
        previous, self.highlight = self.highlight, row
        self.lines[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, 5))
        if previous is not None and previous != row:
            self.dataChanged.emit(self.index(previous, 0), self.index(previous, 5))
        return row
