"""The 10,000th slip of a busy day (S…-10000) is a slip like any other: scanned at the bench or the
counter it loads, in the real windows, through the application's scan router."""

from PySide6.QtWidgets import QDialog

from pos.db.models import DayCounter
from pos.services import customers, orders, staff
from pos.ui.returns.order_prompt import ReturnOrderDialog
from tests.ui.keyboard import scan
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def _ninety_nine_ninety_nine_slips_today(db):
    with db.transaction() as s:
        s.add(DayCounter(kind="order", day=db.business_day(), last_value=9999))


def test_the_ten_thousandth_slip_loads_at_the_bench(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    _ninety_nine_ninety_nine_slips_today(ui_db)
    number = slip()
    assert number.endswith("-10000")
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert page.current.number == number and page.current.status == "checking"
    assert not page.banner.isVisible() or "不在单据" not in page.banner.text()


def test_the_ten_thousandth_slip_loads_at_the_counter(qtbot, zh, counter_window, ui_db):
    page = counter_window.counter_page
    _ninety_nine_ninety_nine_slips_today(ui_db)
    cashier = staff.sign_in(ui_db, "1001", "1111")
    number = orders.open_order(ui_db, cashier, customers.search(ui_db, "zs")[0].number)
    orders.add_scan(ui_db, cashier, number, "2*YJ1000")
    assert number.endswith("-10000")
    scan(page.table, number.lower())  # a scanner with caps lock on
    qtbot.waitUntil(lambda: page.order == number, timeout=5000)
    assert [(ln.item_code, ln.quantity) for ln in page.model.lines] == [("YJ1000", 2)]


def test_the_return_prompt_takes_the_ten_thousandth_slip(qtbot):
    dialog = ReturnOrderDialog()
    qtbot.addWidget(dialog)
    dialog.handle_scan("S20261127-10000")
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.query == "S20261127-10000"
