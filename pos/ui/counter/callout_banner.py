"""The call-out across the whole width of the counter, in very large type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class CallOutBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="callout")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("QLabel#callout { font-size: 56px; font-weight: bold; color: white;"
                           " background: #2e7d32; padding: 18px; border-radius: 8px; }")
        self.setWordWrap(True)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.show()
