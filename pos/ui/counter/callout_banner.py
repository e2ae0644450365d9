"""The call-out above the slip's lines, in very large type."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from pos.domain.callout import PART_SEPARATOR, PART_SEPARATOR_ENGLISH, SCREEN_SEPARATOR

# Chinese text may break between any two characters, and Qt breaks after a space even next to a
# word joiner: both are needed to keep "找您 ¥20.50" on one line.
WORD_JOINER = "\u2060"
NBSP = "\u00a0"


_PARTS = re.compile(f"({PART_SEPARATOR}|{PART_SEPARATOR_ENGLISH})")


def breaking_between_halves(text: str) -> str:
    """A call-out that wraps only between its two halves (or after a mixed payment's commas), never
    between "找" and "您" or before the amount."""
    return SCREEN_SEPARATOR.join(
        "".join(
            piece if _PARTS.fullmatch(piece) else WORD_JOINER.join(piece.replace(" ", NBSP))
            for piece in _PARTS.split(half)
        )
        for half in text.split(SCREEN_SEPARATOR)
    )


class CallOutBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="callout")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.shown_text = ""
        self.hide()

    def show_text(self, text: str) -> None:
        self.shown_text = text
        self.setText(breaking_between_halves(text))
        self.show()
