"""Issue 10 Deliver 2 in the real counter window: the no-sale drawer, a new customer, cancelling a
print job and the day end are each one act with one command id; when the database commits but its
reply is lost, the window retries with the same id, shows no error, and the act is stored once."""

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Customer, PrintJob, Reconciliation
from pos.services import printing, staff
from pos.services.printing import PrintContext
from pos.ui.counter import till
from pos.ui.counter.customer_dialog import CustomerDialog
from pos.ui.counter.day_end_dialog import DayEndDialog
from pos.ui.print_queue import PrintQueueDialog
from tests.ui import test_counter_acts
from tests.ui.modal import when_modal
from tests.ui.test_counter_acts import LostReplies

counter_window = test_counter_acts.counter_window  # the counter, signed in, 张三 on the slip


def _count(db, model, *where):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def manager(counter_window):
    admin = staff.sign_in(counter_window.db, "9001", "9999")
    return staff.add_staff(counter_window.db, admin, login_code="3001", name="陈经理", roles="manager", pin="3333")


@pytest.fixture
def lost_replies(counter_window):
    """The reply of every act that writes is lost once, after its COMMIT went through."""
    faults = LostReplies(counter_window.db, every=1, thread="pos-services")
    counter_window.db.transaction = faults
    yield faults
    del counter_window.db.transaction


class ManagerApproves:
    def __init__(self, *args, **kwargs):
        pass

    def exec(self):
        return QDialog.DialogCode.Accepted

    def values(self):
        return "3001", "3333", "换零钱"


def test_a_drawer_opening_whose_reply_is_lost_pulses_once(qtbot, zh, counter_window, manager, monkeypatch):
    monkeypatch.setattr(till, "ApprovalDialog", ManagerApproves)
    page = counter_window.counter_page
    faults = LostReplies(counter_window.db, every=1, thread="pos-services")
    counter_window.db.transaction = faults
    page.open_drawer()
    qtbot.waitUntil(lambda: counter_window.worker.pending == 0, timeout=10000)
    del counter_window.db.transaction
    assert faults.lost == 1 and page.message.text() == "正在打开钱箱。"
    assert _count(counter_window.db, PrintJob, PrintJob.kind == "drawer") == 1


def test_a_new_customer_whose_reply_is_lost_is_created_once(qtbot, zh, counter_window, lost_replies):
    dialog = CustomerDialog(counter_window)
    qtbot.addWidget(dialog)
    dialog.show_create()
    dialog.name.setText("张三丰")
    dialog.phone.setText("139 0013 9000")
    dialog.address.setText("武当山")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.chosen is not None, timeout=10000)
    assert lost_replies.lost == 1 and dialog.message.text() == ""
    assert dialog.chosen.name == "张三丰"
    assert _count(counter_window.db, Customer) == 2


def test_a_print_job_cancel_whose_reply_is_lost_is_done_once(qtbot, zh, counter_window, manager, monkeypatch):
    cashier = counter_window.staff
    printing.print_document(
        counter_window.db,
        cashier,
        PrintContext(station="结算台1"),
        kind="sales-slip",
        number=_slip(counter_window),
        printer_uri="tcp://127.0.0.1:9",
        copies=(1,),
    )
    monkeypatch.setattr("pos.ui.print_queue.ApprovalDialog", ManagerApproves)
    dialog = PrintQueueDialog(counter_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dialog.table.selectRow(0)
    faults = LostReplies(counter_window.db, every=1, thread="pos-services")
    counter_window.db.transaction = faults
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10000)
    del counter_window.db.transaction
    assert faults.lost == 1 and dialog.message.text() == ""
    assert _count(counter_window.db, AuditEvent, AuditEvent.action == "print.cancel") == 1


def _slip(window):
    from pos.services import orders

    number = orders.open_order(window.db, window.staff, window.counter_page.customer.number, station="结算台1")
    orders.add_scan(window.db, window.staff, number, "YJ1000")
    return number


def test_a_day_end_whose_reply_is_lost_is_counted_once(qtbot, zh, counter_window, lost_replies, monkeypatch, tmp_path):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    shown = {}

    def count_and_save(dialog):
        dialog.opening.setText("200")
        dialog.fields["cash"].setText("200")
        with qtbot.waitSignal(dialog.result_shown, timeout=10000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        shown["message"] = dialog.message.text()
        dialog.reject()

    failures = when_modal(count_and_save, kind=DayEndDialog)
    counter_window.counter_page.day_end()
    failures.check()
    assert lost_replies.lost == 1 and shown["message"] == ""
    assert _count(counter_window.db, Reconciliation) == 1
    assert _count(counter_window.db, AuditEvent, AuditEvent.action == "day_end.reconcile") == 1
