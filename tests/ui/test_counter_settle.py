"""F6 at the counter: the standard's way by default, a deliberate choice otherwise, and a screen that
follows what the bench does to the slip on it."""

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from pos.db.models import Payment
from pos.services import bench, counter, customers, printing, staff
from pos.services.printing import PrintContext
from pos.ui.counter.settle_dialog import SettleDialog
from tests.ui.keyboard import person_types, scan
from tests.ui.modal import when_modal


def payments(db):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(Payment))


def slip_with_a_ring(qtbot, window):
    page = window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    return page


def test_f6_on_an_unprinted_slip_does_not_settle_unpacked_by_default(qtbot, zh, counter_window):
    window = counter_window
    page = slip_with_a_ring(qtbot, window)
    seen = {}

    def pay_and_enter(dialog):
        seen["offered"], seen["ticked"] = dialog.no_packing.isVisibleTo(dialog), dialog.no_packing.isChecked()
        person_types(dialog.cash, "50", enter=True)
        seen["open"], seen["message"] = dialog.isVisible(), dialog.message.text()
        dialog.reject()

    failures = when_modal(pay_and_enter, kind=SettleDialog)
    page.actions["settle"].trigger()
    qtbot.waitUntil(lambda: "open" in seen or bool(failures), timeout=5000)
    failures.check()
    assert seen["offered"] and not seen["ticked"]
    assert seen["open"] and "打印" in seen["message"] and "F5" in seen["message"]
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert payments(window.db) == 0


def test_taking_the_goods_unpacked_is_a_choice_and_the_three_copies_still_print(qtbot, zh, counter_window):
    window = counter_window
    page = slip_with_a_ring(qtbot, window)

    def choose_unpacked(dialog):
        dialog.no_packing.setChecked(True)
        person_types(dialog.cash, "50", enter=True)

    failures = when_modal(choose_unpacked, kind=SettleDialog)
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.actions["settle"].trigger()
    failures.check()
    jobs = printing.list_jobs(window.db)
    # paid in cash: the drawer opens as a job of its own, ahead of the receipt
    assert sorted(j.kind for j in jobs) == ["drawer", "receipt", "sales-slip", "sales-slip", "sales-slip"]
    assert sorted(j.copy for j in jobs if j.kind == "sales-slip") == [1, 2, 3]  # the third for the customer


def test_a_tendered_amount_far_above_what_is_due_asks_first(qtbot, zh, counter_window):
    window = counter_window
    page = slip_with_a_ring(qtbot, window)
    seen = {}

    def answer_no(box):
        seen["question"] = box.text()
        box.defaultButton().click()  # Enter on the question: the safe answer

    def huge_amount(dialog):
        dialog.no_packing.setChecked(True)
        dialog.cash.setText("6971230000013")  # a slip of the finger, or a code typed into the wrong place
        when_modal(answer_no, kind=QMessageBox)
        dialog.confirm()
        seen["open"], seen["focus"] = dialog.isVisible(), dialog.cash.hasFocus() or dialog.cash.selectedText()
        dialog.reject()

    failures = when_modal(huge_amount, kind=SettleDialog)
    page.actions["settle"].trigger()
    qtbot.waitUntil(lambda: "open" in seen or bool(failures), timeout=5000)
    failures.check()
    assert "¥6,971,230,000,013.00" in seen["question"] and "¥35.00" in seen["question"]
    assert seen["open"]
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert payments(window.db) == 0


def test_the_slip_on_screen_follows_the_bench_and_f6_settles_once_checked(qtbot, zh, counter_window, ui_db):
    window = counter_window
    page = slip_with_a_ring(qtbot, window)
    number = page.order
    cashier = staff.sign_in(ui_db, "1001", "1111")
    counter.print_for_checking(ui_db, cashier, PrintContext(station="结算台1"), number, "file:///dev/null")
    page.load_order(number)
    qtbot.waitUntil(lambda: page.status == "printed", timeout=5000)
    admin = staff.sign_in(ui_db, "9001", "9999")
    packer = staff.add_staff(ui_db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    bench.start_check(ui_db, packer, number, "present")  # at the bench, another station
    bench.confirm_name(ui_db, packer, number)
    bench.tick(ui_db, packer, number, "YJ1000")
    bench.seal_box(ui_db, packer, PrintContext(station="打包台1"), number, 1, "file:///dev/null")
    bench.sign_customer(ui_db, packer, number, on_paper=True)
    bench.complete(ui_db, packer, number)
    qtbot.waitUntil(lambda: page.status == "checked", timeout=8000)  # no click, no scan
    assert page.status_label.text() == "已点货，可结算"

    def pay(dialog):
        person_types(dialog.cash, "50", enter=True)

    failures = when_modal(pay, kind=SettleDialog)
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.actions["settle"].trigger()
    failures.check()
    assert payments(window.db) == 1
