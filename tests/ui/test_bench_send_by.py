"""The way of sending, asked at the latest when the check starts: the customer's choice last time
is offered first, the one chosen is stored on the order and shown in the bench's header."""

from PySide6.QtWidgets import QDialog

from pos.domain.shipping import PICKUP
from pos.services import counter, shipping
from pos.ui.bench.dialogs import StartCheckDialog
from tests.ui.keyboard import scan
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def test_the_check_asks_how_the_goods_go_and_remembers_the_customers_choice(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    asked = []

    def choose(way):
        def run_dialog(dialog):
            assert isinstance(dialog, StartCheckDialog)
            offered = [dialog.send_by.itemData(i) for i in range(dialog.send_by.count())]
            asked.append((offered, dialog.way_of_sending))
            dialog.send_by.setCurrentIndex(dialog.send_by.findData(way))
            return QDialog.DialogCode.Accepted

        return run_dialog

    first = slip()
    page.run_dialog = choose("顺丰")
    scan(page, first)
    qtbot.waitUntil(lambda: page.current is not None and page.current.send_by == "顺丰", timeout=5000)
    assert "发货：顺丰" in page.info_label.text()
    offered, default = asked[0]
    assert offered[0] == PICKUP and {"中铁快运", "顺丰", "申通", "公路运输"} <= set(offered)
    assert default == PICKUP  # a customer never asked before: pickup until someone chooses
    assert counter.order_view(ui_db, first).send_by == "顺丰"

    page.unload()
    second = slip()
    page.run_dialog = choose("申通")
    scan(page, second)
    qtbot.waitUntil(lambda: page.current is not None and page.current.number == second, timeout=5000)
    qtbot.waitUntil(lambda: page.current.send_by == "申通", timeout=5000)
    assert asked[1][1] == "顺丰"  # last time's way comes first
    assert shipping.customer_send_by(ui_db, counter.order_view(ui_db, second).customer.number) == "申通"


def test_the_way_said_at_the_counter_is_offered_at_the_bench(qtbot, zh, bench_window, slip, ui_db, tmp_path):
    page = bench_window.bench_page
    number = slip()
    shipping.set_send_by(ui_db, bench_window.staff, number, "公路运输")
    seen = []

    def run_dialog(dialog):
        seen.append(dialog.way_of_sending)
        return QDialog.DialogCode.Accepted

    page.run_dialog = run_dialog
    scan(page, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert seen == ["公路运输"] and page.current.send_by == "公路运输"
