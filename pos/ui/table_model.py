"""A read-only table model over a Python list of rows; subclasses say how a row is shown."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from pos.ui.style import text_size

Index = QModelIndex | QPersistentModelIndex
COLUMN_GAP = 12  # pixels beside a column's widest entry, so numbers in neighbouring columns don't run together


def lines_table(model: QAbstractTableModel, object_name: str) -> QTableView:
    """A slip's lines as both stations show them: whole rows, one at a time, read-only, large type."""
    table = QTableView(objectName=object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    text_size(table, "medium")
    _fit_name_column(table)
    return table


def _fit_name_column(table: QTableView, name_column: int = 1) -> None:
    """Codes and numbers as wide as they need, the item name takes the rest: on a 1024-pixel screen
    evenly sized columns cut the name to three characters. Columns are sized when a slip loads or
    gains a line, not at every tick: sizing to contents on each change doubled the time from tick
    to row; a change measures only the rows it touched."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(name_column, QHeaderView.ResizeMode.Stretch)

    def fit() -> None:
        for column in range(header.count()):
            if column != name_column:
                table.resizeColumnToContents(column)
                header.resizeSection(column, header.sectionSize(column) + COLUMN_GAP)

    def widen_for(_parent: QModelIndex, first: int, last: int) -> None:
        # only the new rows are measured: a scan into a 300-line slip stays fast
        model = table.model()
        for column in range(header.count()):
            if column == name_column:
                continue
            needed = COLUMN_GAP + max(
                table.sizeHintForIndex(model.index(row, column)).width() for row in range(first, last + 1)
            )
            if needed > header.sectionSize(column):
                header.resizeSection(column, needed)

    table.model().modelReset.connect(fit)
    table.model().rowsInserted.connect(widen_for)  # a new line at the counter may bring a longer code
    # a changed line may be longer too (the bench's by-hand marker): widened, never cut off
    table.model().dataChanged.connect(
        lambda top, bottom, roles=(): (
            (not roles or Qt.ItemDataRole.DisplayRole in roles) and widen_for(QModelIndex(), top.row(), bottom.row())
        )
    )
    fit()


class ListTableModel(QAbstractTableModel):
    def __init__(self, headers: list[str], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.headers = headers
        self.lines: list = []
        self.highlight: int | None = None  # the row the last scan changed

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def line_at(self, row: int | None):  # noqa: ANN201
        return self.lines[row] if row is not None and 0 <= row < len(self.lines) else None

    def row_of(self, position: int) -> int | None:
        return next((row for row, line in enumerate(self.lines) if line.position == position), None)

    def current(self, view: QTableView):  # noqa: ANN201
        """The line a key like F4 or F7 acts on: the selected row, else the one last scanned."""
        rows = view.selectionModel().selectedRows()
        return self.line_at(rows[0].row() if rows else self.highlight)

    def move_highlight(self, row: int, *, shown_changed: bool = True) -> None:
        """Highlight `row`; `shown_changed` when its text changed too. A row just inserted was
        measured for its columns then: only its colour changes here, and it is not measured twice."""
        previous, self.highlight = self.highlight, row
        last = self.columnCount() - 1
        roles = [] if shown_changed else [Qt.ItemDataRole.BackgroundRole]
        self.dataChanged.emit(self.index(row, 0), self.index(row, last), roles)
        if previous is not None and previous != row and previous < len(self.lines):  # only its colour changed
            self.dataChanged.emit(self.index(previous, 0), self.index(previous, last), [Qt.ItemDataRole.BackgroundRole])
