"""Tables sized to what they hold, dialogs sized to their content and never beyond the screen:
at 1024x768 a dialog that opens at its default size hides columns and buttons."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QTableWidget, QWidget

COLUMN_GAP = 16  # beside a column's widest entry, so neighbouring numbers don't run together
MARGIN = 48  # the dialog's frame and layout margins around the table
MIN_WRAPPED = 120  # a wrapped name column keeps at least this much


def screen_size(widget: QWidget) -> QSize:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def fit_table(table: QTableWidget, max_rows: int = 10, wrap_column: int | None = None) -> None:
    """Every column as wide as its widest entry; the table asks for room for all columns and up
    to `max_rows` rows, as far as the screen allows (more rows scroll). When that is wider than the
    screen, `wrap_column` (a name) gives up the difference and wraps onto more lines, so nothing
    scrolls sideways and no column is cut."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        header.resizeSection(column, header.sectionSize(column) + COLUMN_GAP)
    frame = 2 * table.frameWidth()
    width = sum(table.columnWidth(c) for c in range(table.columnCount())) + frame
    width += table.verticalScrollBar().sizeHint().width() if table.rowCount() > max_rows else 0
    if table.verticalHeader().isVisible():
        width += table.verticalHeader().sizeHint().width()
    room = screen_size(table)
    excess = width - (room.width() - MARGIN)
    if wrap_column is not None and excess > 0:
        table.setWordWrap(True)
        header.resizeSection(wrap_column, max(header.sectionSize(wrap_column) - excess, MIN_WRAPPED))
        width -= excess
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(min(table.rowCount(), max_rows)))
    height = header.sizeHint().height() + rows + frame
    table.setMinimumSize(min(width, room.width() - MARGIN), min(height, room.height() // 2))
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)


def fit_to_screen(dialog: QWidget) -> None:
    """The dialog at its content's size, inside the screen."""
    room = screen_size(dialog)
    hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    dialog.resize(min(hint.width(), room.width()), min(hint.height(), room.height()))
