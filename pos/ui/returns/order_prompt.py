"""Return of a past order: which order? Scan the sales slip's barcode, or type its number or the
customer's phone or name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.slip_numbers import order_number


class ReturnOrderDialog(QDialog):
    """A scan here means a sales slip number: it fills the field and goes on to that order. Any
    other scan is refused, loudly, and changes nothing."""

    def __init__(self, parent: QWidget | None = None, refused_sound: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.refused_sound = refused_sound or (lambda: None)
        self.setWindowTitle(self.tr("New return"))
        self.field = QLineEdit(objectName="return_order_query")
        self.field.setMinimumWidth(360)
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Order number (scan the slip), or the customer's phone or name")))
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.field.setFocus()

    @property
    def query(self) -> str:
        return self.field.text().strip()

    def handle_scan(self, text: str) -> None:
        """Called by the application's scan router with a scanner burst."""
        number = order_number(text)
        if number is None:
            self.message.setText(
                self.tr("{code} is not a sales slip number: scan the barcode on the sales slip.").format(
                    code=text.strip()
                )
            )
            self.refused_sound()
            return
        self.field.setText(number)
        self.accept()

    def _check(self) -> None:
        if not self.query:
            self.message.setText(self.tr("Scan the sales slip, or type its number or the customer's phone or name."))
            return
        self.accept()
