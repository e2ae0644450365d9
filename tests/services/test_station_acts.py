"""Issue 10 Deliver 2 for the counter's other acts (the no-sale drawer, the print queue, the
customer record, settings, day end): a manager's PIN is checked inside the act's own transaction,
and a retry with the act's command id (after a lost reply) is stored once and not refused."""

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from pos.config import Settings
from pos.db.models import AuditEvent, Customer, PrintJob, Reconciliation, Staff
from pos.domain.errors import AuthError, Conflict, PermissionDenied
from pos.domain.money import Money
from pos.services import counter, customers, day_end, printing, settings_audit
from pos.services.customers import Contract
from pos.services.printing import PrintContext
from pos.services.staff import Approval
from tests.services import test_counter
from tests.services.test_counter import _uri

shop, slip = test_counter.shop, test_counter.slip  # fixtures shared with the counter's tests

MANAGER = Approval("3001", "3333")  # the manager fixture's login and PIN, typed on the spot
WRONG = Approval("3001", "0000")
CONTEXT = PrintContext(station="结算台1", archive_dir=None)


def _count(db, action):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action))


def _jobs(db, kind):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(PrintJob).where(PrintJob.kind == kind))


def _failed_attempts(db, login):
    with db.transaction() as s:
        return s.scalar(select(Staff.failed_attempts).where(Staff.login_code == login))


@pytest.fixture
def waiting_job(db, cashier, slip):
    """A slip queued for checking on a printer nobody has sent it to yet."""
    return counter.print_for_checking(db, cashier, CONTEXT, slip, "tcp://127.0.0.1:9?timeout=1")[0]


def test_the_drawer_is_opened_with_the_managers_pin_checked_in_the_act(db, cashier, manager, tmp_path):
    with pytest.raises(AuthError):
        counter.open_drawer(db, cashier, WRONG, CONTEXT, _uri(tmp_path), "换零钱")
    assert _jobs(db, "drawer") == 0 and _failed_attempts(db, "3001") == 1
    with pytest.raises(PermissionDenied):  # a cashier's own PIN does not approve it
        counter.open_drawer(db, cashier, Approval("1001", "1111"), CONTEXT, _uri(tmp_path), "换零钱")
    assert _jobs(db, "drawer") == 0 and _count(db, "staff.approval") == 0
    counter.open_drawer(db, cashier, MANAGER, CONTEXT, _uri(tmp_path), "换零钱")
    with db.transaction() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "drawer.no_sale"))
        assert json.loads(event.detail)["approved_by"] == "3001" and event.actor_id == cashier.id
    assert _jobs(db, "drawer") == 1 and _count(db, "staff.approval") == 1


def test_a_retried_drawer_opening_pulses_once(db, cashier, manager, tmp_path):
    first = counter.open_drawer(db, cashier, MANAGER, CONTEXT, _uri(tmp_path), "换零钱", command_id="d-1")
    again = counter.open_drawer(db, cashier, MANAGER, CONTEXT, _uri(tmp_path), "换零钱", command_id="d-1")
    assert first.id == again.id
    assert _jobs(db, "drawer") == 1 and _count(db, "drawer.no_sale") == 1


def test_a_print_job_is_cancelled_with_the_managers_pin_checked_in_the_act(db, cashier, manager, waiting_job):
    with pytest.raises(AuthError):
        printing.cancel_job(db, cashier, WRONG, waiting_job.id, "打印机坏了")
    with pytest.raises(PermissionDenied):
        printing.cancel_job(db, cashier, Approval("1001", "1111"), waiting_job.id, "打印机坏了")
    with db.transaction() as s:
        assert s.get(PrintJob, waiting_job.id).status == "pending"
    before = _count(db, "staff.approval")
    cancelled = printing.cancel_job(db, cashier, MANAGER, waiting_job.id, "打印机坏了，手写")
    assert cancelled.status == "cancelled" and _count(db, "staff.approval") == before + 1
    with db.transaction() as s:
        assert s.get(PrintJob, waiting_job.id).cancelled_by_id == manager.id


def test_a_cancel_refused_after_a_good_pin_leaves_no_approval(db, cashier, manager, waiting_job):
    printing.cancel_job(db, cashier, MANAGER, waiting_job.id, "打印机坏了")
    before = _count(db, "staff.approval")
    with pytest.raises(Conflict):  # cancelled already: nothing to change
        printing.cancel_job(db, cashier, MANAGER, waiting_job.id, "再取消")
    assert _count(db, "staff.approval") == before


def test_retried_print_queue_acts_are_done_once_and_not_refused(db, cashier, manager, waiting_job, tmp_path):
    for _ in range(2):
        printing.retry_job(db, cashier, waiting_job.id, command_id="r-1")
        printing.redirect_job(db, cashier, CONTEXT, waiting_job.id, _uri(tmp_path), command_id="m-1")
    assert _count(db, "print.retry") == 1 and _count(db, "print.redirect") == 1
    first = printing.cancel_job(db, cashier, MANAGER, waiting_job.id, "打印机坏了", command_id="c-1")
    again = printing.cancel_job(db, cashier, MANAGER, waiting_job.id, "打印机坏了", command_id="c-1")
    assert first == again and again.status == "cancelled" and _count(db, "print.cancel") == 1


def test_a_customer_created_by_a_retried_act_is_created_once(db, cashier):
    values = dict(name="张三", phone="13800138000", address="浙江省义乌市")
    first = customers.create_customer(db, cashier, **values, command_id="k-1")
    # without the id the retry was refused (phone on file) or, confirmed, made a second record
    again = customers.create_customer(db, cashier, **values, allow_duplicate_phone=True, command_id="k-1")
    assert first == again
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def _franchise(db, cashier):
    return customers.create_customer(
        db, cashier, name="李丽饰品店", phone="13900139000", address="义乌", customer_type="franchise"
    )


def _edit(db, cashier, number, **kw):
    values = dict(name="李丽饰品总店", phone="13900139000", address="义乌", customer_type="franchise")
    return customers.update_customer(db, cashier, number, **values, **kw)


def test_a_contract_is_approved_by_a_pin_checked_in_the_edit(db, cashier, manager):
    shop = _franchise(db, cashier)
    year = db.business_day().year
    contract = Contract(db.business_day().replace(month=1, day=1), db.business_day().replace(month=12, day=31), 50)
    with pytest.raises(AuthError):
        _edit(db, cashier, shop.number, contract=contract, approval=WRONG)
    assert customers.search(db, shop.number)[0].name == "李丽饰品店"  # the name was not saved either
    changed = _edit(db, cashier, shop.number, contract=contract, approval=MANAGER)
    assert changed.name == "李丽饰品总店" and changed.contract_start.year == year
    assert _count(db, "staff.approval") == 1


def test_a_contract_refused_after_a_good_pin_leaves_no_approval(db, cashier, manager):
    shop = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    contract = Contract(db.business_day(), db.business_day(), 50)
    with pytest.raises(Conflict):  # not a franchise customer: no contract
        customers.update_customer(
            db,
            cashier,
            shop.number,
            name="张三",
            phone="13800138000",
            address="义乌",
            customer_type="wholesale",
            contract=contract,
            approval=MANAGER,
        )
    assert _count(db, "staff.approval") == 0


def test_a_retried_customer_edit_is_recorded_once(db, cashier):
    shop = _franchise(db, cashier)
    for _ in range(2):
        _edit(db, cashier, shop.number, command_id="e-1")
    assert _count(db, "customer.update") == 1


def test_money_settings_are_approved_by_a_pin_checked_in_the_save(db, cashier, manager):
    old = Settings()
    new = replace(old, drawer_pin="5")
    with pytest.raises(AuthError):
        settings_audit.record_change(db, cashier, WRONG, old, new, command_id="s-1")
    assert _count(db, "settings.change") == 0 and _failed_attempts(db, "3001") == 1
    settings_audit.record_change(db, cashier, MANAGER, old, new, command_id="s-1")
    settings_audit.record_change(db, cashier, MANAGER, old, new, command_id="s-1")
    assert _count(db, "settings.change") == 1 and _count(db, "staff.approval") == 1


def test_a_retried_day_end_is_stored_and_printed_once(db, cashier, tmp_path):
    def count():
        return day_end.day_end(
            db,
            cashier,
            CONTEXT,
            day=db.business_day(),
            opening_float=Money.from_yuan("500"),
            counted={"cash": Money.from_yuan("500")},
            pdf_dir=tmp_path / "pdf",
            printer_uri=_uri(tmp_path),
            command_id="day-1",
        )

    first = count()
    again = count()  # the reply was lost: the cashier's Save is sent again with the same id
    assert again.reconciliation_id == first.reconciliation_id and again.report == first.report
    assert again.pdf_path.read_bytes().startswith(b"%PDF")
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Reconciliation)) == 1
    assert _jobs(db, "report") == 1 and _count(db, "day_end.reconcile") == 1
