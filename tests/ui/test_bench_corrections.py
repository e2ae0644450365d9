"""Issue 10 Deliver 2 at the real bench window (corrections): a cross-out and a manager's undo whose commit
went through but whose reply was lost are retried with their command id and stored once; the
packer sees the result, not an error."""

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from pos.db.models import AuditEvent
from pos.services import bench
from pos.ui.approval import ApprovalDialog
from pos.ui.bench import acts as bench_acts
from tests.ui.keyboard import scan
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures
from tests.ui.test_bench_keys import _load
from tests.ui.test_counter_acts import LostReplies


def _count(db, action):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action))


def test_a_cross_out_whose_reply_is_lost_crosses_out_once(qtbot, zh, bench_window, slip, monkeypatch):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    monkeypatch.setattr(bench_acts, "ask_count", lambda *a, **k: 1)
    monkeypatch.setattr(
        bench_acts.QInputDialog, "getItem", staticmethod(lambda parent, title, label, items, *a, **k: (items[0], True))
    )
    page.table.selectRow(1)  # BD2000 x2
    faults = LostReplies(window.db, every=1, thread="pos-services")
    window.db.transaction = faults
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "已划除：BD2000" in page.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)
    del window.db.transaction
    assert faults.lost == 1
    assert bench.bench_view(window.db, number).lines[1].crossed == 1
    assert _count(window.db, "bench.cross_out") == 1


def test_a_managers_undo_whose_reply_is_lost_undoes_one_tick(qtbot, zh, bench_window, slip):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _load(qtbot, page, number)
    for code in ("YJ1000", "YJ1000", "BD2000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    page.run_dialog = _manager_approves
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # their own last tick
    qtbot.waitUntil(lambda: page.current.lines[1].ticked == 0, timeout=5000)
    faults = LostReplies(window.db, every=1, thread="pos-services")
    window.db.transaction = faults
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # further back: a manager
    qtbot.waitUntil(lambda: "YJ1000" in page.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)
    del window.db.transaction
    assert faults.lost == 1
    assert bench.bench_view(window.db, number).lines[0].ticked == 1  # one of the two YJ1000 undone
    assert _count(window.db, "bench.undo_tick") == 2 and _count(window.db, "staff.approval") == 1


def _manager_approves(dialog):
    assert isinstance(dialog, ApprovalDialog)
    dialog.login.setText("3001")
    dialog.pin.setText("3333")
    dialog._check()
    return dialog.result()
