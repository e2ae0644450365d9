"""The shipping screen's lists: whole rows, one chosen at a time, read only."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def table(object_name: str, headers: list[str], stretch: int) -> QTableWidget:
    view = QTableWidget(0, len(headers), objectName=object_name)
    view.setHorizontalHeaderLabels(headers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fill(view: QTableWidget, rows: list[list[str]]) -> None:
    """The rows shown; a refresh that finds them as they were changes nothing on screen (the
    columns do not jump and the chosen row stays)."""
    if getattr(view, "shown_rows", None) == rows:
        return
    view.shown_rows = rows  # type: ignore[attr-defined]
    chosen = view.currentRow()
    view.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            view.setItem(row, column, QTableWidgetItem(value))
    view.resizeColumnsToContents()
    if rows:
        view.selectRow(min(max(chosen, 0), len(rows) - 1))
