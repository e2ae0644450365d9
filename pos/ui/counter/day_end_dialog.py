"""Day end (日结): count the drawer and the other channels blind, then see the differences."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.config import archive_dir
from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.domain.settlement import METHODS
from pos.services import day_end
from pos.services.day_end import DayEndResult
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.vocabulary import method_name


class DayEndDialog(QDialog):
    # emitted once the result table is shown and the dialog has grown to hold it
    result_shown = Signal()

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.result_: DayEndResult | None = None
        self.command_id = uuid.uuid4().hex  # one reconciliation, however often Save is pressed
        self.setWindowTitle(self.tr("Day end"))
        # modal to the station window only: the report it prints opens a preview beside it that
        # must stay usable (an application-modal dialog blocks every other window)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        names = {
            "cash": self.tr("Cash in drawer"),
            "bank": self.tr("Bank transfer"),
            "wechat": self.tr("WeChat Pay"),
            "alipay": self.tr("Alipay"),
            "account": self.tr("On account"),
        }
        self.opening = QLineEdit("0", objectName="opening_float")
        self.fields = {method: QLineEdit(objectName=f"counted_{method}") for method in METHODS}
        form = QFormLayout()
        form.addRow(self.tr("Opening float"), self.opening)
        for method in METHODS:
            form.addRow(names[method], self.fields[method])
        # the result as a table: one row a channel, amounts right-aligned, in the UI language
        self.table = QTableWidget(0, 4, objectName="day_end_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Method"), self.tr("Expected"), self.tr("Counted"), self.tr("Difference")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        # every column as wide as its widest cell, the dialog as wide as the table: nothing is cut
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.hide()
        self.outcome = QLabel(objectName="day_end_outcome")
        self.outcome.setWordWrap(True)
        self.message = QLabel("", objectName="error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # the count on the left, the result beside it: a 1024x768 screen is wider than tall
        result = QVBoxLayout()
        result.addWidget(self.table)
        result.addWidget(self.outcome)
        result.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(form)
        columns.addLayout(result)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Count the drawer and each channel, then save.")))
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        try:
            opening = Money.from_yuan(self.opening.text() or "0")
            counted = {m: Money.from_yuan(f.text()) for m, f in self.fields.items() if f.text().strip()}
        except PosError as exc:
            self.message.setText(error_text(exc))
            return
        window = self.window_
        db, actor, context, day = window.db, window.staff, window.print_context(), window.db.business_day()
        uri = window.settings.printer_uri
        self.buttons.setEnabled(False)
        window.worker.act(
            lambda command: day_end.day_end(
                db,
                actor,
                context,
                day=day,
                opening_float=opening,
                counted=counted,
                pdf_dir=archive_dir(),
                printer_uri=uri,
                command_id=command,
            ),
            self._done,
            self._failed,
            command_id=self.command_id,
        )

    def _done(self, result: DayEndResult) -> None:
        self.result_ = result
        self.buttons.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        rows = result.report.rows
        self.table.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for index, row in enumerate(rows):
            cells = [method_name(row.method)] + [
                Money(fen).format() for fen in (row.expected_fen, row.counted_fen, row.counted_fen - row.expected_fen)
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(right)
                self.table.setItem(index, column, item)
        self.table.show()
        # grow to show the table whole (a shown dialog keeps its size otherwise), once the table
        # has measured its new rows
        QTimer.singleShot(0, self._fit)
        # the file name is enough to find it in the archive; the whole path would widen the dialog
        saved = self.tr("Saved as {path}; the report is printing.").format(path=result.pdf_path.name)
        if result.pdf_error:  # the count is stored all the same; the PDF can be written again later
            saved = self.tr("The day end is stored and printing, but its PDF could not be saved: {error}").format(
                error=result.pdf_error
            )
        calls = result.report.open_calls
        if calls:  # printed on the report too: shipped customers nobody has reached yet
            saved += "\n" + self.tr("Customers still to call: {count}").format(count=len(calls))
            saved += "\n" + "\n".join(calls[:5]) + ("\n…" if len(calls) > 5 else "")
        self.outcome.setText(
            self.tr("Total difference: {amount}").format(amount=result.difference.format()) + "\n" + saved
        )
        self.outcome.setToolTip(str(result.pdf_path))
        self.window_.wake_spooler()

    def _fit(self) -> None:
        self.resize(self.sizeHint().expandedTo(self.size()).boundedTo(self.screen().availableSize()))
        self.result_shown.emit()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(error))
