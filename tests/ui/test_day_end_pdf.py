"""Day end whose PDF cannot be written (issue 10, finding 10): the count is stored all the same, and
the dialog says the PDF is missing instead of claiming it was saved."""

from sqlalchemy import func, select

from pos.config import archive_dir
from pos.db.models import Reconciliation
from pos.services import customers
from pos.ui.counter.day_end_dialog import DayEndDialog
from tests.ui import test_counter

counter_window = test_counter.counter_window  # fixture: the signed-in counter


def test_a_day_end_whose_pdf_cannot_be_saved_is_stored_and_says_so(qtbot, zh, counter_window, monkeypatch, tmp_path):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "elsewhere"))
    archive_dir().parent.mkdir(parents=True)
    archive_dir().write_text("a file where the archive folder should be")
    page = counter_window.counter_page
    page.set_customer(customers.search(counter_window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        page.handle_scan("YJ1000")
    page.run_dialog = lambda dialog: (
        dialog.no_packing.setChecked(True),
        dialog.cash.setText("50"),
        dialog.confirm(),
        True,
    )[-1]
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.settle()
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
