"""The preview shows the document its list names: a walkthrough saw copy 2's page under the title
第3联 when the copies of a slip were printed in quick succession."""

from io import BytesIO

from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A6
from reportlab.pdfgen.canvas import Canvas

from pos.ui.preview import PreviewDialog


def _page(gray: float) -> bytes:
    """A one-page PDF filled with one shade, so what the view shows can be told by its pixels."""
    out = BytesIO()
    canvas = Canvas(out, pagesize=A6)
    canvas.setFillGray(gray)
    canvas.rect(0, 0, *A6, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _shade(view) -> float:
    """The mean lightness of the page area the view shows, 0 (black) to 1 (white)."""
    image = view.viewport().grab().toImage()
    w, h = image.width(), image.height()
    samples = [image.pixelColor(w * x // 8, h * y // 8).lightnessF() for x in range(2, 7) for y in range(1, 4)]
    return sum(samples) / len(samples)


def test_each_copy_listed_shows_its_own_page_however_fast_they_come(qtbot):
    preview = PreviewDialog(_page(0.0), "第1联")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    qtbot.waitUntil(lambda: _shade(preview.view) < 0.3)  # the black page is drawn
    for copy in range(2, 12):  # as the spooler hands them over: copy 2's page asked for, then copy 3 comes
        preview.add(_page(0.5), f"第{copy}联")
        preview.view.viewport().repaint()
        QApplication.processEvents()
        preview.add(_page(1.0), f"第{copy}联 白")
        qtbot.waitUntil(lambda: _shade(preview.view) > 0.9)
        assert preview.windowTitle().endswith("白")
        for _ in range(20):  # what is drawn stays the newest copy's, when late pages come in
            QApplication.processEvents()
            assert _shade(preview.view) > 0.9
    preview.documents.setCurrentIndex(1)
    qtbot.waitUntil(lambda: 0.35 < _shade(preview.view) < 0.65)
    assert preview.windowTitle().endswith("第2联")
