"""Station actions: each one a keyboard shortcut and a large button showing the key, so nothing
needs the mouse and everything can still be touched."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

Spec = tuple[str, str, str, Callable[[], None]]  # name, label, key, slot


def button_text(label: str) -> str:
    """ "F2 Customer" on two lines, the key above what it does: the button stays narrow enough for
    six in a row on a 1024-pixel screen, English included, and the key is easy to spot."""
    key, _, what = label.partition(" ")
    return f"{key}\n{what}" if what else label


def key_actions(
    owner: QWidget, specs: list[Spec], *, columns: int = 2, button_height: int = 52
) -> tuple[dict[str, QAction], QGridLayout]:
    """Actions live on `owner` with window-wide shortcuts, which Qt honours only while the owner
    is visible: the same key means the counter's action on the counter and the bench's at the bench."""
    actions: dict[str, QAction] = {}
    grid = QGridLayout()
    for index, (name, label, key, slot) in enumerate(specs):
        action = QAction(label, owner)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        actions[name] = action
        button = QPushButton(button_text(label), objectName=f"key_{name}")
        button.setMinimumHeight(button_height)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays where scans and keys arrive
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        grid.addWidget(button, index // columns, index % columns)
    return actions, grid
