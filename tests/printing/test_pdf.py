"""PDFs that read like the paper (issue 12, finding 6): every document kind at 80 and 58 mm, the CJK
font embedded, text readable back, no "cut" text, and bold that does not leak into the text after it."""

import io

import pypdfium2
import pytest
from pypdf import PdfReader

from pos.printing.data import PrintMeta, SalesSlip, SlipLine
from pos.printing.document import Document, Text
from pos.printing.layouts import sales_slip
from pos.printing.pdf_render import PdfRenderer
from tests.printing.test_paper_widths import AT, DOCUMENTS


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("columns", [48, 32])
@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_every_document_renders_at_its_paper_width_with_its_text(kind, columns):
    documents = DOCUMENTS[kind](PrintMeta("ab12cd34", columns=columns, copy=1))
    pdf = PdfRenderer().render(documents)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(documents)
    for page in reader.pages:
        width_mm = float(page.mediabox.width) / 72 * 25.4
        assert round(width_mm) == (80 if columns == 48 else 58)
    text = "\n".join(_text(pdf))
    assert "作业 ab12cd34" in text.replace("\n", "")
    assert "cut" not in text.lower()


def test_the_cjk_font_is_embedded():
    slip = SalesSlip("S1", AT, "王丽", "C1", "张三", "138", "义乌", (SlipLine("YJ1000", "925银素圈戒指", 3500, 3),))
    pdf = PdfRenderer().render([sales_slip(slip, PrintMeta("x", copy=1))])
    reader = PdfReader(io.BytesIO(pdf))
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    ours = [f for f in fonts if "/FontDescriptor" in f and "WenQuanYi" in str(f["/BaseFont"])]
    assert ours and all("/FontFile2" in f["/FontDescriptor"] for f in ours)  # the glyphs are inside the PDF
    text = _text(pdf)[0]
    assert "张三" in text and "925银素圈戒" in text and "35.00" in text  # the name wraps in its column


def _ink(pdf: bytes) -> float:
    """Dark pixels in the second half of page 1: where the plain line is."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=8).to_pil().convert("L")
    lower = image.crop((0, image.height // 2, image.width, image.height))
    return sum(lower.histogram()[:128])


def test_text_after_a_bold_line_is_not_stroked():
    """The finding: bold set text render mode 2 and never reset it, so '王丽' became a blob."""
    plain = Document("p", 48, [Text("标题"), Text("王丽 352.00")])
    after_bold = Document("b", 48, [Text("标题", bold=True), Text("王丽 352.00")])
    ink_plain, ink_after_bold = _ink(PdfRenderer().render([plain])), _ink(PdfRenderer().render([after_bold]))
    assert ink_plain > 0
    assert ink_after_bold == ink_plain  # the same glyphs, the same ink: nothing stroked on top


def test_bold_is_still_bolder():
    plain = Document("p", 48, [Text("王丽 352.00"), Text("王丽 352.00")])
    bold = Document("b", 48, [Text("王丽 352.00"), Text("王丽 352.00", bold=True)])
    assert _ink(PdfRenderer().render([bold])) > _ink(PdfRenderer().render([plain]))
