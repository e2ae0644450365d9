"""Scans typed into dialogs: routed by the application, never into a text field, never an act."""

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from pos.db.models import Customer, Payment
from pos.services import customers
from pos.ui.counter.customer_dialog import CustomerDialog
from pos.ui.counter.settle_dialog import SettleDialog
from tests.ui.keyboard import person_types, scan, scanner_types
from tests.ui.modal import when_modal
from tests.ui.test_counter import lines


def payments(db):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(Payment))


def test_a_scan_into_the_open_settle_dialog_is_refused_and_settles_nothing(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    page.status = "checked"  # as if the bench had finished (the settle flow itself is tested elsewhere)
    seen = {}

    def stray_scan(dialog):
        window.sounds.played.clear()
        scan(dialog.cash, "6971230000013")
        seen["cash"], seen["open"] = dialog.cash.text(), dialog.isVisible()
        seen["message"], seen["sounds"] = dialog.message.text(), list(window.sounds.played)
        dialog.reject()

    when_modal(stray_scan, kind=SettleDialog)
    page.settle()
    qtbot.waitUntil(lambda: "open" in seen, timeout=5000)
    assert seen["cash"] == "" and seen["open"]  # the burst never reached the field, Enter confirmed nothing
    assert seen["message"] == "扫码在此无效：请先关闭此窗口。" and seen["sounds"] == ["error"]
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert payments(window.db) == 0 and not page.is_settled


def test_a_scanner_burst_without_enter_never_becomes_an_amount(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    page.status = "checked"
    seen = {}

    def burst(dialog):
        scanner_types(dialog.cash, "6971230000013", enter=False)
        qtbot.waitUntil(lambda: bool(dialog.message.text() or dialog.cash.text()), timeout=2000)
        seen["cash"], seen["message"] = dialog.cash.text(), dialog.message.text()
        person_types(dialog.cash, "50")  # a person typing is fine
        qtbot.waitUntil(lambda: dialog.cash.text() == "50", timeout=2000)
        seen["typed"] = dialog.cash.text()
        dialog.reject()

    failures = when_modal(burst, kind=SettleDialog)
    page.settle()
    qtbot.waitUntil(lambda: "typed" in seen or bool(failures), timeout=8000)
    failures.check()
    assert seen["cash"] == "" and "不是金额" in seen["message"]
    assert seen["typed"] == "50"


def test_a_scan_into_the_customer_search_is_refused_and_opens_no_form(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    seen = {}

    def stray_scan(dialog):
        scan(dialog.search, "6971230000006")
        # had any key reached the search, its debounce would be running or a search in flight
        qtbot.waitUntil(lambda: not dialog._debounce.isActive() and window.worker.pending == 0)
        seen["search"], seen["page"] = dialog.search.text(), dialog.pages.currentIndex()
        seen["phone"] = dialog.phone.text()
        dialog.reject()

    when_modal(stray_scan, kind=CustomerDialog)
    page.choose_customer()
    qtbot.waitUntil(lambda: "page" in seen, timeout=5000)
    assert seen == {"search": "", "page": 0, "phone": ""}
    with window.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_the_code_dialog_takes_a_scan_as_its_code(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    when_modal(lambda dialog: scan(dialog, "2*YJ1000"))
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        page.actions["code"].trigger()
    assert lines(window.db) == [("YJ1000", 2)]
    assert Qt  # keys are the scanner's; nothing else typed


def test_a_burst_into_the_quantity_dialog_never_becomes_the_quantity(qtbot, zh, counter_window):
    from PySide6.QtWidgets import QInputDialog, QSpinBox

    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    seen = {}

    def burst(dialog):
        spin = dialog.findChild(QSpinBox)
        scanner_types(spin, "88", enter=True)  # too short for a scan, too fast for a person
        scanner_types(spin, "6971230000006", enter=False)
        qtbot.waitUntil(lambda: not window.scan_filter.holding, timeout=2000)  # its hold is over: dropped or delivered
        seen["value"], seen["open"] = spin.value(), dialog.isVisible()
        dialog.reject()

    failures = when_modal(burst, kind=QInputDialog)
    page.actions["quantity"].trigger()
    qtbot.waitUntil(lambda: "open" in seen or bool(failures), timeout=5000)
    failures.check()
    assert seen == {"value": 1, "open": True}
    assert lines(window.db) == [("YJ1000", 1)]
