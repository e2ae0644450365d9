"""Weighed silver at the real bench window (issue 10 finding 8): two bangles of one item, each
weighed and labelled at the counter, are checked by their own labels in whatever order the packer
picks them up; the item's bare code is refused with what to scan instead."""

import dataclasses

from PySide6.QtWidgets import QDialog

from pos.domain.codes import with_check_digit
from pos.domain.instore_codes import InStoreRule
from pos.services import bench, counter, customers, orders, staff
from pos.services.printing import PrintContext
from tests.conftest import add_products
from tests.ui.keyboard import scan
from tests.ui.look import tone
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures

RULES = "22:5:weight:1"  # the station's setting, as at the counter: prefix 22, weight in tenths of a gram
LIGHT, HEAVY = with_check_digit("22" + "00123" + "00123"), with_check_digit("22" + "00123" + "00456")


def _bangles(db, tmp_path) -> str:
    add_products(db, **{"00123": ("足银手镯", 650, 600)})
    cashier = staff.sign_in(db, "1001", "1111")
    customer = customers.search(db, "张三")[0]
    number = orders.open_order(db, cashier, customer.number)
    for label in (LIGHT, HEAVY):  # 12.3 g, then 45.6 g
        orders.add_scan(db, cashier, number, label, instore_rules=(InStoreRule.parse(RULES),))
    counter.print_for_checking(db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 's.bin'}")
    return number


def test_two_weighed_pieces_are_checked_by_their_own_labels(qtbot, zh, bench_window, slip, ui_db, tmp_path):
    window, page = bench_window, bench_window.bench_page
    slip()  # the staff, the customer and the catalog
    window.settings = dataclasses.replace(window.settings, instore_rules=RULES)
    number = _bangles(ui_db, tmp_path)
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None and page.current.number == number, timeout=5000)

    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        scan(page.table, HEAVY)  # the heavier bangle, line 2, comes to hand first
    assert [(ln.name, ln.ticked) for ln in page.model.lines] == [("足银手镯 12.3g", 0), ("足银手镯 45.6g", 1)]
    assert "足银手镯 45.6g" in page.message.text()

    scan(page.table, "00123")  # the item code: which bangle is it?
    qtbot.waitUntil(lambda: tone(page.banner) == "refused", timeout=5000)
    assert "逐件称重" in page.banner.text() and "标签" in page.banner.text()
    assert window.sounds.played[-1] == "error"

    scan(page.table, HEAVY)  # the same bangle again
    qtbot.waitUntil(lambda: "多出的不能再点" in page.banner.text(), timeout=5000)

    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        scan(page.table, LIGHT)
    assert [(ln.name, ln.ticked) for ln in page.model.lines] == [("足银手镯 12.3g", 1), ("足银手镯 45.6g", 1)]
    assert page.progress.value() == 2 and bench.bench_view(ui_db, number).done_units == 2
