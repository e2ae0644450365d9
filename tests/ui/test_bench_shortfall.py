"""A remote order's shortfall at the real bench window: F7 offers what the bench finds short (out of
stock, another colour, a price changed), the call to the customer lists it, and F6 waits for the
customer to be reached."""

from PySide6.QtCore import Qt
from sqlalchemy import update

from pos.db.models import Order
from pos.services import bench, call_tasks, returns, staff
from pos.ui.bench import acts as bench_acts
from pos.ui.bench.dialogs import StartCheckDialog
from tests.conftest import approval_of
from tests.ui.keyboard import activate, scan
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def test_a_shortfall_is_offered_listed_for_the_call_and_holds_the_finish(qtbot, zh, bench_window, slip, monkeypatch):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    with window.db.transaction() as s:  # taken on the phone (the counter's part is tested on its own)
        s.execute(update(Order).where(Order.number == number).values(source="phone"))

    def start(dialog):
        assert isinstance(dialog, StartCheckDialog) and dialog.absent.isChecked() and not dialog.present.isEnabled()
        dialog.second_login.setText("2002")
        dialog.second_pin.setText("2323")
        dialog._check()
        return dialog.result()

    page.run_dialog = start
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    offered = []
    monkeypatch.setattr(bench_acts, "ask_count", lambda *a, **k: 1)
    monkeypatch.setattr(
        bench_acts.QInputDialog,
        "getItem",
        staticmethod(lambda parent, title, label, items, *a, **k: (offered.extend(items), (items[1], True))[1]),
    )
    page.table.selectRow(1)  # BD2000 x2
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "Shift+F11" in page.message.text(), timeout=5000)
    assert offered[:3] == ["缺货", "只有其他颜色", "价格有变"]
    (task,) = call_tasks.open_tasks(window.db)
    assert task.kind == "shortfall" and "BD2000" in task.script and "只有其他颜色" in task.script
    for code in ("3*YJ1000", "BD2000", "XL5000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    packer, manager = staff.sign_in(window.db, "2001", "2222"), staff.sign_in(window.db, "3001", "3333")
    (slip_number,) = bench.bench_view(window.db, number).open_returns
    returns.sign(window.db, packer, slip_number, "handler", signer=approval_of(packer))
    returns.sign(window.db, packer, slip_number, "customer", method="paper")
    returns.sign(window.db, packer, slip_number, "manager", signer=approval_of(manager))
    page.run_dialog = lambda dialog: (
        dialog.here.setChecked(True),
        dialog.login.setText("2002"),
        dialog.pin.setText("2323"),
        dialog._check(),
        dialog.result(),
    )[-1]
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.current.boxes[0].sealed, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "先联系客户" in page.banner.text() or "先联系客户" in page.message.text(), timeout=5000)
    assert bench.bench_view(window.db, number).status == "checking"
    call_tasks.record_call(window.db, packer, task.id, "reached")
    with qtbot.waitSignal(page.completed, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_F6)
