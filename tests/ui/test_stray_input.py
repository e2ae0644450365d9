"""Stray input: scanner bursts and key presses while each dialog of the counter is open in turn.
Afterwards nothing stored has changed (no payment, line, signature, setting), except what the
dialog's own declared meaning of a scan does (F3: the scanned code goes on the slip)."""

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pos.db.models.base import Base
from pos.services import customers
from pos.ui.counter.code_dialog import CodeDialog
from tests.ui.keyboard import scan, scanner_types
from tests.ui.modal import when_modal
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures

STRAY_CODES = [
    "YJ1000",
    "6971230000006",
    "BD2000",
    "3*YJ1000",
    "S20261128-0001",
    "6971230000013",
    "1200",
    "88",
    "R20261128-0001",
    "zs",
]
# keys a person might hit by accident while a dialog is open; Enter and Space would be a decision
STRAY_KEYS = [
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_F2,
    Qt.Key.Key_F5,
    Qt.Key.Key_F9,
] + [ord(c) for c in "0123456789ABC"]


def stored(db):
    """Every row of every table, as plain tuples; of print jobs, which exist (the station's spooler
    sends them meanwhile, changing their state)."""
    with db.transaction() as session:
        return {
            table.name: sorted(
                map(
                    repr,
                    session.execute(
                        select(table.c.id, table.c.kind) if table.name == "print_jobs" else select(table)
                    ).all(),
                )
            )
            for table in Base.metadata.sorted_tables
        }


def stray_input(qtbot, window, dialog, rng):
    for _ in range(6):
        target = QApplication.focusWidget() or dialog
        if rng.random() < 0.5:
            scanner_types(target, rng.choice(STRAY_CODES), enter=rng.random() < 0.8)
        else:
            qtbot.keyClick(target, rng.choice(STRAY_KEYS))
        # a person's pace: the next key comes once the filter has let this one through (or made
        # its scan, or dropped it) and what it started has come back
        qtbot.waitUntil(lambda: not window.scan_filter.holding and window.worker.pending == 0, timeout=5000)
        if QApplication.activeModalWidget() is not dialog:
            return  # the dialog's declared meaning closed it (F3 takes a scan as its code)


# the counter's actions that open a dialog
ACTIONS = ["customer", "code", "quantity", "print", "settle", "remove", "price", "swap", "drawer", "day_end", "help"]


@pytest.mark.parametrize("action", ACTIONS)
def test_stray_input_in_each_counter_dialog_changes_nothing_it_does_not_declare(qtbot, zh, counter_window, action):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    page.setFocus()
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    page.status = "checked" if action == "settle" else page.status  # the settle dialog opens
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    before, saved_before = stored(window.db), list(window._save.calls) if hasattr(window._save, "calls") else None
    rng = random.Random(f"stray-{action}")
    opened = []

    def in_dialog(dialog):
        opened.append(type(dialog).__name__)
        stray_input(qtbot, window, dialog, rng)
        if QApplication.activeModalWidget() is dialog:
            dialog.reject()

    failures = when_modal(in_dialog)
    page.actions[action].trigger()
    qtbot.waitUntil(lambda: bool(opened) or bool(failures), timeout=5000)
    failures.check()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None and window.worker.pending == 0, timeout=5000)
    after = stored(window.db)
    if opened == [CodeDialog.__name__]:
        # its declared meaning: a scanned code goes on the slip, and nothing else changes
        changed = {name for name in after if after[name] != before[name]}
        assert changed <= {"order_lines", "audit_events", "audit_head"}, changed
    else:
        assert after == before, (
            opened,
            {k: sorted(set(after[k]) ^ set(before[k])) for k in after if after[k] != before[k]},
        )
    assert saved_before is None or window._save.calls == saved_before


WINDOW_ACTIONS = ["print_queue_action", "returns_action", "settings_action"]


@pytest.mark.parametrize("action", WINDOW_ACTIONS)
def test_stray_input_in_each_window_dialog_changes_nothing(qtbot, zh, counter_window, action):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    page.setFocus()
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    saved = []
    window._save = saved.append
    before = stored(window.db)
    rng = random.Random(f"stray-{action}")
    opened = []

    def in_dialog(dialog):
        opened.append(type(dialog).__name__)
        stray_input(qtbot, window, dialog, rng)
        while (top := QApplication.activeModalWidget()) is not None:  # a question opened by a stray key too
            top.reject()

    failures = when_modal(in_dialog)
    getattr(window, action).trigger()
    qtbot.waitUntil(lambda: bool(opened) or bool(failures), timeout=5000)
    failures.check()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None and window.worker.pending == 0, timeout=5000)
    assert stored(window.db) == before, opened
    assert saved == []


# F8, F9 and a packer's own undo act at once, without a dialog; a further undo asks for a manager
BENCH_ACTIONS = ["manual", "cross", "finish", "undo", "move", "swap", "name"]


@pytest.mark.parametrize("action", BENCH_ACTIONS)
def test_stray_input_in_each_bench_dialog_changes_nothing(qtbot, zh, bench_window, slip, ui_db, action):
    from pos.services import bench, staff
    from pos.services.printing import PrintContext

    window, page = bench_window, bench_window.bench_page
    number = slip()
    packer = staff.sign_in(ui_db, "2001", "2222")
    bench.start_check(ui_db, packer, number, "present")
    bench.tick(ui_db, packer, number, "YJ1000")
    if action == "move":
        bench.open_box(ui_db, packer, number)
    if action == "finish":  # everything packed: F6 asks for the customer's signature
        for code in ("2*YJ1000", "2*BD2000", "XL5000"):
            bench.tick(ui_db, packer, number, code)
        bench.seal_box(ui_db, packer, PrintContext(station="打包台1"), number, 1, "file:///dev/null")
    if action == "undo":  # the packer's own tick is undone at once; the one before needs a manager
        bench.tick(ui_db, packer, number, "BD2000")
        bench.undo_last_tick(ui_db, packer, number)
    page.load(number)
    qtbot.waitUntil(lambda: page.current is not None and page.current.number == number, timeout=5000)
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    before = stored(ui_db)
    rng = random.Random(f"stray-bench-{action}")
    opened = []

    def in_dialog(dialog):
        opened.append(type(dialog).__name__)
        stray_input(qtbot, window, dialog, rng)
        while (top := QApplication.activeModalWidget()) is not None:
            top.reject()

    failures = when_modal(in_dialog)
    page.table.selectRow(0)  # the packer chose the first line with the arrows
    page.actions[action].trigger()
    qtbot.waitUntil(lambda: bool(opened) or bool(failures), timeout=3000)
    failures.check()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None and window.worker.pending == 0, timeout=5000)
    assert stored(ui_db) == before, opened
