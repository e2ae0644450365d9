"""Day end whose PDF cannot be written (issue 10, finding 10): the count is stored all the same, and
the dialog says the PDF is missing instead of claiming it was saved."""

from sqlalchemy import func, select

from pos.config import archive_dir
from pos.db.models import Reconciliation
from pos.ui.counter.day_end_dialog import DayEndDialog
from tests.ui.sales import sell_in_cash


def test_a_day_end_whose_pdf_cannot_be_saved_is_stored_and_says_so(qtbot, zh, counter_window, monkeypatch, tmp_path):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "elsewhere"))
    archive_dir().parent.mkdir(parents=True)
    archive_dir().write_text("a file where the archive folder should be")
    sell_in_cash(qtbot, counter_window)
    dialog = DayEndDialog(counter_window)
    qtbot.addWidget(dialog)
    dialog.opening.setText("200")
    dialog.fields["cash"].setText("234")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=5000)
    assert "差额合计：-¥1.00" in dialog.outcome.text()
    assert "日结已保存并在打印，但 PDF 未能保存" in dialog.outcome.text()
    assert dialog.message.text() == ""
    with counter_window.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Reconciliation)) == 1
