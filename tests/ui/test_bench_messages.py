"""The bench's message strip at the real window: refusals name the product and the line, and a
success (tick, seal) replaces an older refusal."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.ui.keyboard import scan
from tests.ui.look import tone
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def _red(page) -> bool:
    return page.banner.isVisible() and tone(page.banner) == "refused"


def test_refusals_name_the_product_and_a_success_clears_them(qtbot, zh, bench_window, slip):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)

    scan(page.table, "ES4000")  # in the catalog, not on this slip
    qtbot.waitUntil(lambda: _red(page), timeout=5000)
    assert "ES4000" in page.banner.text() and "耳钉" in page.banner.text() and "不在单据" in page.banner.text()
    assert "耳钉" in page.message.text()
    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        scan(page.table, "XL5000")
    assert not _red(page) and "耳钉" not in page.message.text() and "XL5000" in page.message.text()

    scan(page.table, "XL5000")  # one necklace only: surplus
    qtbot.waitUntil(lambda: _red(page), timeout=5000)
    assert "第 3 行" in page.banner.text() and "925银锁骨链" in page.banner.text() and "多出" in page.banner.text()
    qtbot.keyClick(window, Qt.Key.Key_F9)  # seal box 1: confirmed, the refusal goes
    qtbot.waitUntil(lambda: page.current.boxes[0].sealed, timeout=5000)
    qtbot.waitUntil(lambda: "已封" in page.message.text(), timeout=5000)
    assert not _red(page) and "多出" not in page.message.text()

    scan(page.table, "ES4000")
    qtbot.waitUntil(lambda: _red(page), timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # a new box: confirmed, the refusal goes
    qtbot.waitUntil(lambda: "第 2 箱已开" in page.message.text(), timeout=5000)
    assert not _red(page)


def test_a_slip_checked_already_is_refused_in_words_not_codes(qtbot, zh, bench_window, slip, ui_db, tmp_path):
    from pos.services import bench, staff
    from pos.services.printing import PrintContext

    page = bench_window.bench_page
    number = slip()
    packer = staff.sign_in(ui_db, "2002", "2323")
    bench.start_check(ui_db, packer, number, "present")
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(ui_db, packer, number, code)
    bench.seal_box(ui_db, packer, PrintContext(station="打包台2"), number, 1, f"file://{tmp_path / 'l.bin'}")
    bench.complete(ui_db, packer, number, signed_on_paper=True)
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: _red(page), timeout=5000)
    assert "已点货" in page.banner.text() and "checked" not in page.banner.text()
