"""F3: an item code typed by hand, or scanned into this dialog (that is what a scan means here)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from pos.domain.codes import plain


class CodeDialog(QInputDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter code"))
        self.setLabelText(self.tr("Item code or barcode (3*CODE for three), or part of a name"))
        self.setInputMode(QInputDialog.InputMode.TextInput)

    def handle_scan(self, text: str) -> None:
        """A scanned code is the code wanted: taken as if typed and confirmed."""
        self.setTextValue(text)
        self.accept()

    def code(self) -> str:
        """What was typed, full-width forms (a Chinese input method) as plain ones."""
        return plain(self.textValue()).strip()
