"""Small questions (a count, an amount) whose fields take a person's typing only: a scanner's burst
never becomes a quantity or a price."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QSpinBox, QWidget

from pos.ui.scan_filter import mark_typed_only


def ask_count(parent: QWidget, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(minimum, maximum)
    dialog.setIntValue(value)
    mark_typed_only(*dialog.findChildren(QSpinBox))
    return dialog.intValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


def ask_amount(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextValue(text)
    mark_typed_only(*dialog.findChildren(QLineEdit))
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None
