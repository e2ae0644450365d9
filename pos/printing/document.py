"""The document model: what a slip, receipt or label says, independent of how it is printed.

Layouts build Documents; renderers (ESC/POS, PDF, plain-text preview) turn them into output.
Widths are in printer cells (Latin character = 1, CJK character = 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]

PAPER_COLUMNS = {80: 48, 58: 32}  # paper width in mm -> cells of font A


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph; wraps to the paper width. `size` 2 doubles width and height (GS !)."""

    text: str
    bold: bool = False
    size: int = 1
    align: Align = "left"
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Columns:
    """One table row. `widths` in cells, summing to at most the paper width; a cell that does not
    fit wraps within its column (an item name over two lines), the other cells stay on the first."""

    cells: tuple[str, ...]
    widths: tuple[int, ...]
    aligns: tuple[Align, ...] = ()
    bold: bool = False
    struck: bool = False  # a crossed-out line (×): shown struck through / marked

    def align(self, index: int) -> Align:
        return self.aligns[index] if index < len(self.aligns) else "left"


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class Barcode:
    data: str
    symbology: Literal["CODE128", "EAN13"] = "CODE128"
    height: int = 64  # dots
    show_text: bool = True


@dataclass(frozen=True, slots=True)
class QRCode:
    data: str
    size: int = 6  # module size in dots, 1..16


@dataclass(frozen=True, slots=True)
class Image:
    """A monochrome picture (a drawn signature): PNG bytes, printed at most `max_width` dots wide."""

    png: bytes
    max_width: int = 384


@dataclass(frozen=True, slots=True)
class SignatureLine:
    """A signature box: caption and a line to sign on; filled in when signed electronically."""

    caption: str
    signer: str = ""
    signed_at: str = ""


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    partial: bool = False


@dataclass(frozen=True, slots=True)
class DrawerPulse:
    pin: int = 2  # 2 or 5
    on_ms: int = 50
    off_ms: int = 500


Element = Text | Columns | Rule | Barcode | QRCode | Image | SignatureLine | Feed | Cut | DrawerPulse


@dataclass
class Document:
    title: str
    columns: int = 48
    elements: list[Element] = field(default_factory=list)

    def add(self, *elements: Element) -> Document:
        self.elements.extend(elements)
        return self
