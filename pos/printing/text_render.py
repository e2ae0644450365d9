"""Plain-text rendering: the on-screen preview, and the line layout the ESC/POS renderer shares."""

from __future__ import annotations

from pos.printing.document import (
    Barcode,
    Columns,
    Cut,
    Document,
    DrawerPulse,
    Feed,
    Image,
    QRCode,
    Rule,
    SignatureLine,
    Text,
)
from pos.printing.textlayout import cells, pad, wrap


def text_lines(element: Text, columns: int) -> list[str]:
    """Lines of a paragraph, padded for alignment, in cells of its own size."""
    width = max(1, columns // element.size)
    return [pad(line, width, element.align).rstrip() for line in wrap(element.text, width)]


def row_lines(row: Columns) -> list[str]:
    """A table row as physical lines: each cell wrapped within its column."""
    wrapped = [wrap(cell, width) or [""] for cell, width in zip(row.cells, row.widths, strict=True)]
    height = max(len(w) for w in wrapped)
    lines = []
    for i in range(height):
        parts = [
            pad(w[i] if i < len(w) else "", width, row.align(index))
            for index, (w, width) in enumerate(zip(wrapped, row.widths, strict=True))
        ]
        lines.append("".join(parts).rstrip())
    return lines


def signature_lines(element: SignatureLine, columns: int) -> list[str]:
    label = f"{element.caption}："
    if element.signer:
        return wrap(f"{label}{element.signer}  {element.signed_at}".rstrip(), columns)
    if cells(label) + 4 > columns:  # a long caption: the line to sign on gets a row of its own
        return ["", *wrap(label, columns), "_" * columns]
    return ["", label + "_" * (columns - cells(label))]


def render_lines(document: Document) -> list[str]:
    out: list[str] = []
    width = document.columns
    for element in document.elements:
        if isinstance(element, Text):
            out.extend(text_lines(element, width))
        elif isinstance(element, Columns):
            out.extend(row_lines(element))
        elif isinstance(element, Rule):
            out.append(element.char * width)
        elif isinstance(element, Barcode):
            out.append(pad(f"||| {element.data} |||", width, "center").rstrip())
        elif isinstance(element, QRCode):
            out.append(pad(f"[QR {element.data}]", width, "center").rstrip())
        elif isinstance(element, Image):
            out.append(pad("[image]", width, "center").rstrip())
        elif isinstance(element, SignatureLine):
            out.extend(signature_lines(element, width))
        elif isinstance(element, Feed):
            out.extend([""] * element.lines)
        elif isinstance(element, Cut):
            out.append("✂" + "-" * (width - 2))
        elif isinstance(element, DrawerPulse):
            pass  # opens the drawer; prints nothing
    return out


def render_text(document: Document) -> str:
    return "\n".join(render_lines(document)) + "\n"
