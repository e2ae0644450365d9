"""Keyboard first at the real bench window: arrows choose a line, F-keys act on it (else on the
last ticked), and an undo further back asks for a manager's PIN on the spot."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.services import bench
from pos.ui.approval import ApprovalDialog
from pos.ui.bench import acts as bench_page  # the acts that ask (ask_count, QInputDialog) live there
from tests.ui.keyboard import scan
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def _load(qtbot, page, number):
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted  # customer present, name right
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)


def _selected(page):
    rows = page.table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def test_arrows_choose_the_line_f7_crosses_out(qtbot, zh, bench_window, slip, monkeypatch):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    assert _selected(page) is None
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert _selected(page) == 0
    qtbot.keyClick(window, Qt.Key.Key_Down)
    qtbot.keyClick(window, Qt.Key.Key_Down)
    qtbot.keyClick(window, Qt.Key.Key_Down)  # stays on the last line
    assert _selected(page) == 2
    qtbot.keyClick(window, Qt.Key.Key_Up)
    assert _selected(page) == 1
    monkeypatch.setattr(bench_page, "ask_count", lambda *a, **k: 1)
    monkeypatch.setattr(
        bench_page.QInputDialog, "getItem", staticmethod(lambda parent, title, label, items, *a, **k: (items[0], True))
    )
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: page.current.lines[1].crossed == 1, timeout=5000)
    assert page.current.lines[0].crossed == page.current.lines[2].crossed == 0
    qtbot.waitUntil(lambda: "已划除：BD2000" in page.message.text(), timeout=5000)


def test_with_no_line_chosen_ctrl_d_acts_on_the_last_ticked(qtbot, zh, bench_window, slip, monkeypatch, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    qtbot.keyClick(window, Qt.Key.Key_F7)  # nothing chosen, nothing ticked: said, not silent
    qtbot.waitUntil(lambda: "方向键" in page.banner.text(), timeout=5000)
    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        scan(page.table, "XL5000")
    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        scan(page.table, "BD2000")
    monkeypatch.setattr(bench_page.QInputDialog, "getText", staticmethod(lambda *a, **k: ("划痕", True)))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bench.bench_view(ui_db, number).lines[1].defective == 1, timeout=5000)
    assert bench.bench_view(ui_db, number).lines[2].defective == 0


def test_a_second_undo_asks_for_the_manager_on_the_spot(qtbot, zh, bench_window, slip, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    for code in ("YJ1000", "BD2000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    asked = []

    def run_dialog(dialog):
        assert isinstance(dialog, ApprovalDialog)
        asked.append(dialog.windowTitle())
        dialog.login.setText("3001")
        dialog.pin.setText("3333")
        dialog._check()
        return dialog.result()

    page.run_dialog = run_dialog
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # their own last tick
    qtbot.waitUntil(lambda: page.current.lines[1].ticked == 0, timeout=5000)
    assert asked == [] and "BD2000" in page.message.text() and "撤销" in page.message.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # further back
    qtbot.waitUntil(lambda: page.current.lines[0].ticked == 0, timeout=5000)
    assert len(asked) == 1 and "YJ1000" in page.message.text() and not page.banner.text().startswith("李强")
    with ui_db.transaction() as s:
        details = [
            json.loads(e.detail) for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "bench.undo_tick"))
        ]
    assert [d.get("approved_by") for d in details] == [None, "3001"]  # the approver's login code, as for every approval


def test_back_to_the_queue_the_arrows_and_enter_choose_the_next_slip(qtbot, zh, bench_window, slip):
    from PySide6.QtWidgets import QApplication

    page = bench_window.bench_page
    first, second = slip(), slip()
    _load(qtbot, page, first)
    assert page.table.hasFocus()  # the lines take the arrows during a check
    page.actions["close"].trigger()  # Esc: back to the queue
    qtbot.waitUntil(lambda: page.queue_list.count() == 2, timeout=5000)
    assert page.queue_list.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert page.queue_list.currentItem().data(Qt.ItemDataRole.UserRole) == second
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current is not None and page.current.number == second, timeout=5000)
