"""Documents to PDF (reportlab): the archive copy of every print, the `preview:` printer, and
anything sent to an office printer. One page per document, as wide as its paper (80 or 58 mm) and
as long as the roll would be.

Text uses the CJK font the project ships (resources/fonts, a GBK subset of WenQuanYi Micro Hei Mono,
Apache 2.0), embedded in each PDF (reportlab embeds the glyphs used), so an archive copy reads the
same on any machine in years to come. Bold is the glyph filled and thinly stroked, reset after
each bold run."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, eanbc, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from pos.bundled import resources_dir
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
from pos.printing.text_render import signature_lines
from pos.printing.textlayout import wrap

FONT = "PosCJK"
FONT_FILE = "fonts/WenQuanYiMicroHeiMono-GBK.ttf"
MARGIN = 4 * mm
PAPER_MM = {48: 80, 32: 58}  # a document's columns -> the paper it is laid out for
BOLD_STROKE = 0.04  # of the font size: enough to read as bold, thin enough that small text stays open
_registered = False

Op = Callable[[canvas.Canvas, float], None]  # draws with its top at y


def _font() -> str:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / FONT_FILE)))
        _registered = True
    return FONT


class PdfRenderer:
    def __init__(self, paper_mm: int = 80) -> None:
        self.paper_mm = paper_mm

    def render(self, documents: Iterable[Document]) -> bytes:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pageCompression=1)
        font = _font()
        for document in documents:
            self.page_width = PAPER_MM.get(document.columns, self.paper_mm) * mm
            cell = (self.page_width - 2 * MARGIN) / document.columns
            size = cell * 2  # a CJK glyph is 1 em wide and takes two cells
            ops, height = self._layout(document, cell, size)
            page_height = height + 2 * MARGIN
            pdf.setPageSize((self.page_width, page_height))
            pdf.setTitle(document.title)
            y = page_height - MARGIN
            for op_height, op in ops:
                pdf.setFont(font, size)
                op(pdf, y)
                y -= op_height
            pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    # layout -------------------------------------------------------------------------------------
    def _layout(self, document: Document, cell: float, size: float) -> tuple[list[tuple[float, Op]], float]:
        ops: list[tuple[float, Op]] = []
        line_height = size * 1.35
        left, right = MARGIN, self.page_width - MARGIN

        def text_op(
            line: str, x_cells: int, width_cells: int, align: str, font_size: float, bold: bool, struck: bool = False
        ) -> Op:
            def draw(pdf: canvas.Canvas, y: float) -> None:
                baseline = y - font_size
                x0 = left + x_cells * cell
                x1 = x0 + width_cells * cell
                width = pdfmetrics.stringWidth(line, FONT, font_size)
                x = x1 - width if align == "right" else (x0 + x1 - width) / 2 if align == "center" else x0
                # the render mode and line width are graphics state that outlives the text object:
                # saved and restored, so bold never leaks into the text after it
                pdf.saveState()
                text = pdf.beginText(x, baseline)
                text.setFont(FONT, font_size)
                if bold:  # one face only: fill and stroke thinly
                    pdf.setLineWidth(font_size * BOLD_STROKE)
                    text.setTextRenderMode(2)
                text.textOut(line)
                if bold:
                    text.setTextRenderMode(0)
                pdf.drawText(text)
                pdf.restoreState()
                if struck:
                    pdf.line(x0, baseline + font_size * 0.35, x1, baseline + font_size * 0.35)

            return draw

        for element in document.elements:
            if isinstance(element, Text):
                font_size = size * element.size
                wrap_cells = max(1, document.columns // element.size)
                for line in wrap(element.text, wrap_cells):
                    ops.append(
                        (
                            line_height * element.size,
                            text_op(line, 0, document.columns, element.align, font_size, element.bold),
                        )
                    )
            elif isinstance(element, Columns):
                wrapped = [wrap(c, w) or [""] for c, w in zip(element.cells, element.widths, strict=True)]
                rows = max(len(w) for w in wrapped)
                offsets = [sum(element.widths[:i]) for i in range(len(element.widths))]
                for r in range(rows):
                    parts = [
                        text_op(
                            w[r],
                            offsets[i],
                            element.widths[i],
                            element.align(i),
                            size,
                            element.bold,
                            element.struck and r == 0,
                        )
                        for i, w in enumerate(wrapped)
                        if r < len(w) and w[r]
                    ]
                    ops.append((line_height, _all(parts)))
            elif isinstance(element, Rule):
                ops.append((line_height, _rule(left, right, dashed=element.char != "=", size=size)))
            elif isinstance(element, SignatureLine):
                for line in signature_lines(element, document.columns):
                    ops.append((line_height * 1.3, text_op(line, 0, document.columns, "left", size, False)))
            elif isinstance(element, Barcode):
                height, op = _barcode_op(element, left, right)
                ops.append((height + 2 * mm, op))
            elif isinstance(element, QRCode):
                side = 28 * mm
                widget = qr.QrCodeWidget(element.data, barLevel="M")
                x0, y0, x1, y1 = widget.getBounds()
                drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
                drawing.add(widget)
                ops.append((side + 2 * mm, _drawing_op(drawing, left, right)))
            elif isinstance(element, Image):
                reader = ImageReader(io.BytesIO(element.png))
                w, h = reader.getSize()
                width = min(right - left, element.max_width / 203 * 25.4 * mm)
                height = width * h / w
                ops.append((height + 2 * mm, _image_op(reader, left, right, width, height)))
            elif isinstance(element, Feed):
                ops.append((line_height * element.lines, _nothing))
            elif isinstance(element, (Cut, DrawerPulse)):
                continue  # the page ends where the paper is cut; the drawer prints nothing
        return ops, sum(h for h, _ in ops)


def _nothing(pdf: canvas.Canvas, y: float) -> None:
    return None


def _all(parts: list[Op]) -> Op:
    def draw(pdf: canvas.Canvas, y: float) -> None:
        for part in parts:
            part(pdf, y)

    return draw


def _rule(left: float, right: float, *, dashed: bool, size: float) -> Op:
    def draw(pdf: canvas.Canvas, y: float) -> None:
        middle = y - size * 0.7
        pdf.setLineWidth(0.5)
        if dashed:
            pdf.setDash(2, 2)
        pdf.line(left, middle, right, middle)
        pdf.setDash()

    return draw


def _barcode_op(element: Barcode, left: float, right: float) -> tuple[float, Op]:
    if element.symbology == "EAN13":
        widget = eanbc.Ean13BarcodeWidget(element.data[:12])
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(x1 - x0, y1 - y0)
        drawing.add(widget)
        return drawing.height, _drawing_op(drawing, left, right)
    barcode = code128.Code128(element.data, barHeight=10 * mm, barWidth=0.3 * mm, humanReadable=element.show_text)
    scale = min(1.0, (right - left) / barcode.width)
    text_room = 3 * mm if element.show_text else 0

    def draw(pdf: canvas.Canvas, y: float) -> None:
        pdf.saveState()
        pdf.translate(left + (right - left - barcode.width * scale) / 2, y - (barcode.height + text_room) * scale)
        pdf.scale(scale, scale)
        barcode.drawOn(pdf, 0, text_room)
        pdf.restoreState()

    return (barcode.height + text_room) * scale, draw


def _drawing_op(drawing: Drawing, left: float, right: float) -> Op:
    def draw(pdf: canvas.Canvas, y: float) -> None:
        renderPDF.draw(drawing, pdf, left + (right - left - drawing.width) / 2, y - drawing.height)

    return draw


def _image_op(reader: ImageReader, left: float, right: float, width: float, height: float) -> Op:
    def draw(pdf: canvas.Canvas, y: float) -> None:
        pdf.drawImage(reader, left + (right - left - width) / 2, y - height, width, height, mask="auto")

    return draw
