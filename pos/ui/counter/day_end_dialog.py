"""Day end (日结): count the drawer and the other channels blind, then see the differences."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.config import archive_dir
from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.domain.settlement import METHODS
from pos.services import counter
from pos.services.counter import DayEndResult
from pos.ui.i18n import error_text


class DayEndDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(parent)
        self.window_ = window
        self.result_: DayEndResult | None = None
        self.command_id = uuid.uuid4().hex  # one reconciliation, however often Save is pressed
        self.setWindowTitle(self.tr("Day end"))
        names = {"cash": self.tr("Cash in drawer"), "bank": self.tr("Bank transfer"), "wechat": self.tr("WeChat Pay"),
                 "alipay": self.tr("Alipay"), "account": self.tr("On account")}
        self.opening = QLineEdit("0", objectName="opening_float")
        self.fields = {method: QLineEdit(objectName=f"counted_{method}") for method in METHODS}
        form = QFormLayout()
        form.addRow(self.tr("Opening float"), self.opening)
        for method in METHODS:
            form.addRow(names[method], self.fields[method])
        self.outcome = QLabel(objectName="day_end_outcome")
        self.outcome.setWordWrap(True)
        self.message = QLabel("", objectName="error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Count the drawer and each channel, then save.")))
        layout.addLayout(form)
        layout.addWidget(self.outcome)
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
        uri, command = window.settings.printer_uri, self.command_id
        self.buttons.setEnabled(False)
        window.worker.submit(
            lambda: counter.day_end(db, actor, context, day=day, opening_float=opening, counted=counted,
                                    pdf_dir=archive_dir(), printer_uri=uri, command_id=command),
            self._done, self._failed)

    def _done(self, result: DayEndResult) -> None:
        self.result_ = result
        self.buttons.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        lines = [self.tr("Expected / counted / difference:")]
        for row in result.report.rows:
            lines.append(f"{row.method}: {Money(row.expected_fen).format()} / {Money(row.counted_fen).format()} / "
                         f"{Money(row.counted_fen - row.expected_fen).format()}")
        lines.append(self.tr("Total difference: {amount}").format(amount=result.difference.format()))
        lines.append(self.tr("Saved as {path}; the report is printing.").format(path=str(result.pdf_path)))
        self.outcome.setText("\n".join(lines))
        self.window_.wake_spooler()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(error))
