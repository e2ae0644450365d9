"""Customer absent at the real bench window: a refused second packer leaves the slip in the queue,
and an order stuck with one packer asks for the second packer or a manager's reset when scanned."""

from PySide6.QtCore import Qt
from sqlalchemy import update

from pos.db.models import Order
from pos.services import bench, staff
from pos.ui.approval import ApprovalDialog
from pos.ui.bench.dialogs import Copy3Dialog, SecondPackerDialog, StartCheckDialog
from tests.ui.keyboard import scan
from tests.ui.look import tone
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures


def _stuck(ui_db, number):
    """What the bench used to leave behind: an absent check begun by 李强 alone."""
    bench.start_check(ui_db, staff.sign_in(ui_db, "2001", "2222"), number, "present")
    with ui_db.transaction() as s:
        s.execute(update(Order).where(Order.number == number).values(customer_mode="absent"))


def test_the_same_packer_twice_leaves_the_slip_waiting_in_the_queue(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    number = slip()
    qtbot.waitUntil(lambda: page.queue_list.count() == 1, timeout=5000)

    def run_dialog(dialog):
        assert isinstance(dialog, StartCheckDialog)
        dialog.absent.setChecked(True)
        dialog.second_login.setText("2001")  # the first packer again
        dialog.second_pin.setText("2222")
        dialog._check()
        return dialog.result()

    page.run_dialog = run_dialog
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: "另一个人" in page.banner.text(), timeout=5000)
    view = bench.bench_view(ui_db, number)
    assert page.current is None and view.status == "printed" and view.signatures == {}
    assert [(e.number, e.status) for e in bench.queue(ui_db)] == [(number, "printed")]


def test_a_wrong_pin_for_the_second_packer_leaves_the_slip_waiting(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    number = slip()

    def run_dialog(dialog):
        dialog.absent.setChecked(True)
        dialog.second_login.setText("2002")
        dialog.second_pin.setText("0000")
        dialog._check()
        return dialog.result()

    page.run_dialog = run_dialog
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.banner.isVisible() and tone(page.banner) == "refused", timeout=5000)
    assert page.current is None and bench.bench_view(ui_db, number).status == "printed"


def test_a_stuck_order_asks_for_its_second_packer(qtbot, zh, bench_window, slip, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    _stuck(ui_db, number)
    asked = []

    def run_dialog(dialog):
        if isinstance(dialog, Copy3Dialog):
            dialog.here.setChecked(True)
            dialog.login.setText("2002")
            dialog.pin.setText("2323")
            dialog._check()
            return dialog.result()
        assert isinstance(dialog, SecondPackerDialog)
        login, pin = [("2001", "2222"), ("2002", "2323")][len(asked)]  # first the same packer: refused
        asked.append(login)
        dialog.login.setText(login)
        dialog.pin.setText(pin)
        dialog._check()
        return dialog.result()

    page.run_dialog = run_dialog
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: "另一个人" in page.banner.text(), timeout=5000)
    assert asked == ["2001"] and page.current.needs_second_packer
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # sealing asks again
    qtbot.waitUntil(lambda: page.current is not None and not page.current.needs_second_packer, timeout=5000)
    assert asked == ["2001", "2002"] and "赵敏" in page.info_label.text()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.current.boxes[0].sealed, timeout=5000)
    with qtbot.waitSignal(page.completed, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_F6)
    assert bench.bench_view(ui_db, number).signatures == {"checker": "李强", "second_checker": "赵敏"}


def test_a_manager_sends_a_stuck_order_back_to_the_queue(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    number = slip()
    _stuck(ui_db, number)
    bench.tick(ui_db, staff.sign_in(ui_db, "2001", "2222"), number, "YJ1000")

    def run_dialog(dialog):
        if isinstance(dialog, SecondPackerDialog):
            return SecondPackerDialog.RESET
        assert isinstance(dialog, ApprovalDialog)
        dialog.login.setText("3001")
        dialog.pin.setText("3333")
        dialog._check()
        return dialog.result()

    page.run_dialog = run_dialog
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: "已退回待点队列" in page.message.text(), timeout=5000)
    assert page.current is None
    view = bench.bench_view(ui_db, number)
    assert view.status == "printed" and view.done_units == 0 and view.signatures == {}
    qtbot.waitUntil(lambda: page.queue_list.count() == 1 and "等待" in page.queue_list.item(0).text(), timeout=5000)


def test_the_last_box_is_not_sealed_until_both_confirm_copy3(qtbot, zh, bench_window, slip, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    answers = [("2001", "2222"), ("2002", "2323")]  # first the packer signed in here: not the other one
    asked = []

    def run_dialog(dialog):
        if isinstance(dialog, StartCheckDialog):
            dialog.absent.setChecked(True)
            dialog.second_login.setText("2002")
            dialog.second_pin.setText("2323")
            dialog._check()
            return dialog.result()
        assert isinstance(dialog, Copy3Dialog)
        login, pin = answers[len(asked)]
        asked.append(login)
        dialog.here.setChecked(True)
        dialog.login.setText(login)
        dialog.pin.setText(pin)
        dialog._check()
        return dialog.result()

    page.run_dialog = run_dialog
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "第三联" in page.banner.text(), timeout=5000)  # the same packer twice: refused
    assert not bench.bench_view(ui_db, number).boxes[0].sealed
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.current.boxes[0].sealed, timeout=5000)
    assert asked == ["2001", "2002"] and page.current.problems == ()
