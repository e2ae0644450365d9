"""What the real bench window shows: the unit price, the customer's phone and number beside the
name, crossed lines grey, the by-hand marker whole; F3 asks why and the reason is kept."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.ui.bench import acts as bench_page  # the acts that ask (ask_count, QInputDialog) live there
from pos.ui.bench.lines_model import CROSSED_BACKGROUND, DONE
from pos.ui.style import CROSSED_GREY
from tests.ui.keyboard import scan
from tests.ui.look import painted_colour, tone
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def _load(qtbot, page, number):
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)


def test_price_phone_and_customer_number_are_shown(qtbot, zh, bench_window, slip):
    page = bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    assert page.name_label.text() == "张三"
    assert "13800138000" in page.customer_label.text() and page.current.customer_number in page.customer_label.text()
    assert page.customer_label.isVisible()
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert "单价" in headers
    price = headers.index("单价")
    assert [page.model.index(r, price).data() for r in range(3)] == ["35.00", "128.00", "99.00"]


def test_a_hand_tick_asks_why_and_shows_its_marker_whole(qtbot, zh, bench_window, slip, monkeypatch, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    asked = []
    monkeypatch.setattr(bench_page, "ask_count", lambda *a, **k: 1)

    def get_item(parent, title, label, items, *a, **k):
        asked.append((label, list(items)))
        return items[1], True

    monkeypatch.setattr(bench_page.QInputDialog, "getItem", staticmethod(get_item))
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F3)
    assert asked == [("为什么手工点货？", ["没有标签", "标签损坏或无法扫描", "商品有瑕疵"])]
    ticked = page.model.index(2, 4)
    assert "手工 1" in ticked.data()
    assert page.table.columnWidth(4) >= page.table.sizeHintForIndex(ticked).width()
    with ui_db.transaction() as s:
        detail = json.loads(s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "bench.manual_tick")))
    assert (detail["code"], detail["reason"]) == ("XL5000", "damaged_label")


def test_a_crossed_line_is_grey_not_green(qtbot, zh, bench_window, slip, monkeypatch):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        scan(page.table, "XL5000")
    monkeypatch.setattr(bench_page, "ask_count", lambda *a, **k: 2)
    monkeypatch.setattr(
        bench_page.QInputDialog, "getItem", staticmethod(lambda parent, title, label, items, *a, **k: (items[0], True))
    )
    page.table.selectRow(1)
    qtbot.keyClick(window, Qt.Key.Key_F7)  # the customer takes neither pendant
    qtbot.waitUntil(lambda: page.current.lines[1].crossed == 2, timeout=5000)
    # the cross-out is confirmed in grey, not in a tick's green
    assert page.message.text().startswith("已划除：")
    assert tone(page.banner) == "crossed" and painted_colour(page.banner) == CROSSED_GREY
    page.table.clearSelection()
    background = Qt.ItemDataRole.BackgroundRole
    assert page.model.index(1, 0).data(background) == CROSSED_BACKGROUND
    page.model.highlight = None  # the necklace, ticked last, is otherwise shown yellow
    assert page.model.index(2, 0).data(background) == DONE
