"""Which bytes a printer gets: ESC/POS for devices, PDF for the preview printer."""

from __future__ import annotations

from pos.printing.connections import PrinterConfig
from pos.printing.document import Document

# The renderers are imported when something is first printed: python-escpos reads its printer
# profiles and reportlab its fonts on import, half a second that the first window must not wait for.


def render_for(config: PrinterConfig, documents: list[Document]) -> bytes:
    from pos.printing.escpos_render import EscposOptions, EscposRenderer
    from pos.printing.pdf_render import PdfRenderer

    if config.is_preview:
        return PdfRenderer(config.paper).render(documents)
    options = EscposOptions(encoding=config.encoding, profile=config.profile, dots_per_line=config.dots)
    return EscposRenderer(options).render_all(documents)


def render_pdf(documents: list[Document], paper: int = 80) -> bytes:
    from pos.printing.pdf_render import PdfRenderer

    return PdfRenderer(paper).render(documents)
