"""The bench screen shows the order as it is now: after its own ticks (F6 knows the units are all
checked) and after changes made at another station, without a click."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pos.services import bench, staff
from tests.ui.keyboard import scan
from tests.ui.look import tone
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def _load(qtbot, page, number):
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted  # customer present, name right
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)


def test_f6_after_the_last_tick_asks_for_the_seal_not_for_units(qtbot, zh, bench_window, slip):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    assert page.progress.value() == page.progress.maximum() == 6
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.banner.isVisible() and tone(page.banner) == "refused", timeout=5000)
    assert "封" in page.banner.text() and "待点" not in page.banner.text(), page.banner.text()
    assert page.current.done_units == 6


def test_a_tick_at_another_station_shows_without_a_click(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    page.table.selectRow(2)
    other = staff.sign_in(ui_db, "2002", "2323")
    bench.tick(ui_db, other, number, "2*BD2000")  # the second bench station
    qtbot.waitUntil(lambda: page.progress.value() == 2 and page.model.lines[1].ticked == 2, timeout=8000)
    assert page.current.lines[1].ticked == 2 and page.box_label.text() == "第 1 箱：2 件"
    assert page.model.current(page.table).position == 3  # the packer's selection stays


def test_a_manager_reset_elsewhere_takes_the_slip_off_the_screen(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    bench.reset_check(ui_db, staff.sign_in(ui_db, "3001", "3333"), number)
    qtbot.waitUntil(lambda: page.current is None, timeout=8000)
    assert "退回" in page.message.text()
    qtbot.waitUntil(lambda: page.queue_list.count() == 1, timeout=5000)


def test_a_change_elsewhere_keeps_the_packers_place_in_a_long_slip(qtbot, zh, bench_window, ui_db, tmp_path):
    from pos.services import counter, customers, orders
    from pos.services.printing import PrintContext
    from tests.conftest import add_products

    page = bench_window.bench_page
    codes = [f"LS{i:04d}" for i in range(40)]
    add_products(ui_db, **{code: (f"长单商品{i}", 100 + i, 90 + i) for i, code in enumerate(codes)})
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customer = customers.create_customer(ui_db, cashier, name="李四", phone="13900139000", address="义乌")
    number = orders.open_order(ui_db, cashier, customer.number)
    for code in codes:
        orders.add_scan(ui_db, cashier, number, code)
    counter.print_for_checking(ui_db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 's.bin'}")
    _load(qtbot, page, number)
    qtbot.keyClick(bench_window, Qt.Key.Key_Up)  # nothing chosen: up goes to the last line
    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=5000)
    scrolled = bar.value()
    bench.tick(ui_db, staff.sign_in(ui_db, "2002", "2323"), number, "LS0000")  # at the other station
    qtbot.waitUntil(lambda: page.current.lines[0].ticked == 1 and page.model.lines[0].ticked == 1, timeout=8000)
    assert bar.value() == scrolled
    assert page.table.selectionModel().selectedRows()[0].row() == 39
