"""Station screens not built yet show who is signed in and the function keys (the packing bench
arrives with its own issue; the counter lives in pos/ui/counter)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def function_keys() -> list[tuple[str, str]]:
    """The keys mean the same on both stations."""
    return [
        ("F1", QCoreApplication.translate("FunctionKeys", "Help")),
        ("F2", QCoreApplication.translate("FunctionKeys", "Customer")),
        ("F3", QCoreApplication.translate("FunctionKeys", "Enter code")),
        ("F4", QCoreApplication.translate("FunctionKeys", "Quantity")),
        ("F5", QCoreApplication.translate("FunctionKeys", "Print slip")),
        ("F6", QCoreApplication.translate("FunctionKeys", "Settle")),
        ("F7", QCoreApplication.translate("FunctionKeys", "Cross out")),
        ("F8", QCoreApplication.translate("FunctionKeys", "New box")),
        ("F9", QCoreApplication.translate("FunctionKeys", "Seal box")),
        ("F10", QCoreApplication.translate("FunctionKeys", "Print queue")),
        ("F11", QCoreApplication.translate("FunctionKeys", "Returns")),
        ("F12", QCoreApplication.translate("FunctionKeys", "Sign out")),
    ]


class StationPage(QWidget):
    def __init__(self, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(title, objectName="title", alignment=Qt.AlignmentFlag.AlignCenter)
        self.person = QLabel("", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(hint, alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        keys = "    ".join(f"{key} {name}" for key, name in function_keys())
        self.keys = QLabel(keys, objectName="keys", alignment=Qt.AlignmentFlag.AlignCenter)
        self.keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.person)
        layout.addWidget(self.hint)
        layout.addStretch(2)
        layout.addWidget(self.keys)

    def set_person(self, text: str) -> None:
        self.person.setText(text)


class BenchPage(StationPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Packing bench"),
            self.tr("Scan a slip's barcode to load it; check one, pack one, tick one."),
            parent,
        )
