"""Scans typed into the bench's own dialogs go through the application's scan router: none of them
declares a meaning for a scan, so each refuses it visibly and audibly, and the burst never lands in
a login or PIN field nor presses the dialog's default button."""

from sqlalchemy import update

from pos.db.models import Order
from pos.services import bench, staff
from pos.services.staff import Approval
from pos.ui.bench.dialogs import Copy3Dialog, SecondPackerDialog, StartCheckDialog
from tests.ui.keyboard import scan
from tests.ui.modal import when_modal
from tests.ui.test_bench import bench_window, label_printer, slip  # noqa: F401 - fixtures

REFUSED = "扫码在此无效：请先关闭此窗口。"


def _stray_scans(window, fields, seen):
    """Scan a product and another slip into each field of the open dialog, then close it."""

    def act(dialog):
        for name in fields:
            field = getattr(dialog, name)
            field.setFocus()
            window.sounds.played.clear()
            for code in ("6971230000006", "S20261128-0099"):
                scan(field, code)
            seen[name] = (field.text(), dialog.isVisible(), dialog.message.text(), list(window.sounds.played))
        dialog.reject()

    return act


def test_a_scan_into_the_start_check_dialog_is_refused(qtbot, zh, bench_window, slip, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    seen = {}

    def absent_then_scan(dialog):
        dialog.absent.setChecked(True)
        _stray_scans(window, ("second_login", "second_pin"), seen)(dialog)

    failures = when_modal(absent_then_scan, kind=StartCheckDialog)
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: len(seen) == 2 or bool(failures), timeout=8000)
    failures.check()
    for text, still_open, message, sounds in seen.values():
        assert (text, still_open, message) == ("", True, REFUSED) and sounds == ["error", "error"]
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert page.current is None and bench.bench_view(ui_db, number).status == "printed"


def test_a_scan_into_the_second_packer_and_copy3_dialogs_is_refused(qtbot, zh, bench_window, slip, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    first = staff.sign_in(ui_db, "2001", "2222")
    bench.start_check(ui_db, first, number, "present")
    with ui_db.transaction() as s:  # stuck as the bench used to leave it: absent, one packer
        s.execute(update(Order).where(Order.number == number).values(customer_mode="absent"))
    seen = {}
    failures = when_modal(_stray_scans(window, ("login", "pin"), seen), kind=SecondPackerDialog)
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: len(seen) == 2 or bool(failures), timeout=8000)
    failures.check()
    assert all(v[:3] == ("", True, REFUSED) for v in seen.values()), seen
    assert page.current.needs_second_packer and bench.bench_view(ui_db, number).done_units == 0

    bench.sign_second_checker(ui_db, first, Approval("2002", "2323"), number)
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(ui_db, first, number, code)
    qtbot.waitUntil(lambda: page.current.done_units == 6 and not page.current.needs_second_packer, timeout=8000)
    seen.clear()
    failures = when_modal(_stray_scans(window, ("login", "pin"), seen), kind=Copy3Dialog)
    page.seal_box()
    qtbot.waitUntil(lambda: len(seen) == 2 or bool(failures), timeout=8000)
    failures.check()
    assert all(v[:3] == ("", True, REFUSED) for v in seen.values()), seen
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert not bench.bench_view(ui_db, number).boxes[0].sealed


def test_a_burst_into_the_hand_tick_count_never_becomes_the_count(qtbot, zh, bench_window, slip, ui_db):
    from PySide6.QtWidgets import QDialog, QInputDialog, QSpinBox

    from tests.ui.keyboard import scanner_types

    window, page = bench_window, bench_window.bench_page
    number = slip()
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted  # start the check: customer present
    scan(page.queue_list, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    page.table.selectRow(0)
    seen = {}

    def burst(dialog):
        spin = dialog.findChild(QSpinBox)
        scanner_types(spin, "3", enter=True)  # too short for a scan, too fast for a person
        scanner_types(spin, "6971230000006", enter=False)
        qtbot.waitUntil(lambda: not window.scan_filter.holding, timeout=2000)  # its hold is over: dropped or delivered
        seen["value"], seen["open"] = spin.value(), dialog.isVisible()
        dialog.reject()

    failures = when_modal(burst, kind=QInputDialog)
    page.manual_tick()
    qtbot.waitUntil(lambda: "open" in seen or bool(failures), timeout=5000)
    failures.check()
    assert seen == {"value": 1, "open": True}
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert bench.bench_view(ui_db, number).done_units == 0
