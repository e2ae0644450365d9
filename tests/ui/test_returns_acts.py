"""Issue 10 Deliver 2 on the returns screen: a return act is one service call with a command id,
retried with the same id when the database does not answer, so a reply lost after the commit
stores the return (and its manager's approval) once."""

import threading
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from pos.config import Settings
from pos.db.models import AuditEvent, ReturnSlip
from pos.devices.speech import Speaker
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.services import counter, customers, orders, returns, staff
from pos.services.printing import PrintContext
from pos.ui.feedback import Sounds
from pos.ui.main_window import MainWindow
from pos.ui.returns.new_return import NewReturnDialog
from pos.ui.returns_dialog import ReturnsDialog
from tests.conftest import add_products


class FirstReplyLost:
    """transaction() whose first writing transaction on the services' worker commits, then loses
    its reply (the connection drops after COMMIT)."""

    def __init__(self, db):
        self.inner, self.lost = db.transaction, 0

    @contextmanager
    def __call__(self):
        with self.inner() as session:
            flushed = []
            event.listen(session, "after_flush", lambda *_: flushed.append(1))
            yield session
        if flushed and not self.lost and threading.current_thread().name.startswith("pos-services"):
            self.lost += 1
            raise OperationalError("COMMIT", {}, ConnectionError("server closed the connection unexpectedly"))


def _count(db, model, *where):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_an_overridden_return_whose_reply_is_lost_is_stored_once(qtbot, zh, ui_db, tmp_path, monkeypatch):
    admin = staff.sign_in(ui_db, "9001", "9999")
    staff.add_staff(ui_db, admin, login_code="3001", name="陈经理", roles="manager", pin="3333")
    add_products(ui_db, "YJ1000")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customer = customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "YJ1000")
    counter.settle(
        ui_db,
        cashier,
        PrintContext(station="结算台1"),
        number,
        [Tender("cash", Money(3500), Money(3500))],
        printer_uri=f"file://{tmp_path / 'r.bin'}",
        no_packing=True,
    )  # collected in person: returning it unwanted needs a manager's override
    settings = Settings(station_name="结算台1", printer_uri=f"file://{tmp_path / 'out.bin'}")
    window = MainWindow(ui_db, settings, save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker())
    qtbot.addWidget(window)
    window._signed_in(cashier)
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    commands = []
    create = returns.create_return

    def recorded(*args, **kwargs):
        commands.append(kwargs.get("command_id"))
        return create(*args, **kwargs)

    monkeypatch.setattr(returns, "create_return", recorded)

    def approve(d):
        d.login.setText("3001")
        d.pin.setText("3333")
        d.reason.setText("商品未拆封，经理同意")
        return QDialog.DialogCode.Accepted

    def run_dialog(d):
        assert isinstance(d, NewReturnDialog)
        d.run_dialog = approve
        d.show()
        d.table.item(0, 4).setData(Qt.ItemDataRole.EditRole, 1)
        d._check()  # refused, the manager approves, and the override is sent
        qtbot.waitUntil(lambda: d.result() == QDialog.DialogCode.Accepted, timeout=10000)
        return d.result()

    dialog.run_dialog = run_dialog
    view = counter.order_view(ui_db, number)
    faults = FirstReplyLost(ui_db)
    monkeypatch.setattr(ui_db, "transaction", faults)
    dialog._ask_lines(view)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)
    monkeypatch.undo()
    assert faults.lost == 1  # the override's reply was lost, after its commit
    refused, override, retried = commands  # the refusal, then the override and its one retry
    assert override == retried and override not in (None, refused)
    assert _count(ui_db, ReturnSlip) == 1
    assert _count(ui_db, AuditEvent, AuditEvent.action == "staff.approval") == 1
    assert _count(ui_db, AuditEvent, AuditEvent.action == "return.override") == 1
    assert dialog.message.text() == ""
    window.worker.shutdown()
