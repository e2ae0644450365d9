"""The drawer on its own (issue 12, finding 4): a real-time pulse of its own, sent at settlement
whatever the paper says, ahead of waiting jobs, and never later than a few seconds after asked."""

import json

from sqlalchemy import select

from pos.db.models import AuditEvent, PrintJob
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.escpos_decode import decode
from pos.printing.spooler import DRAWER_DEADLINE, Spooler
from pos.services import counter, customers, orders, printing
from pos.services.staff import Approval
from tests.printing.fake_printer import FakePrinter

FAST = (0.05,)
PULSE = b"\x10\x14\x01\x00\x01"  # DLE DC4 1: pin 2, 100 ms


def _cash_sale(db, cashier, context, uri):
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "YJ1000")
    due = counter.amount_due(db, number)
    counter.settle(
        db,
        cashier,
        context,
        number,
        [Tender("cash", due.total, Money.from_yuan("50"))],
        printer_uri=uri,
        no_packing=True,
    )
    return number


def _by_kind(db):
    with db.transaction() as s:
        return {kind: status for kind, status in s.execute(select(PrintJob.kind, PrintJob.status))}


def test_with_the_paper_out_at_settlement_the_drawer_still_opens_and_the_receipt_waits(
    db, cashier, context, catalog, clock
):
    printer = FakePrinter("paper_out")
    try:
        _cash_sale(db, cashier, context, printer.uri)
        spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
        spooler.process_due()
        kinds = _by_kind(db)
        assert kinds["drawer"] == "done"  # the change is handed over now
        assert kinds["receipt"] == kinds["sales-slip"] == "pending"  # refused, nothing sent: waits for paper
        printer.settled()
        assert printer.jobs == [PULSE]  # the pulse alone, real-time: no ESC @, no ESC p waiting for paper
        printer.behaviour = "ok"  # paper loaded
        clock.advance(seconds=1)
        spooler.process_due()
        assert set(_by_kind(db).values()) == {"done"}
        printer.settled()
        assert all(decode(raw).drawer_pulses == 0 for raw in printer.jobs[1:])  # it does not pop open again
    finally:
        printer.stop()


def test_a_no_sale_opening_goes_ahead_of_waiting_jobs(db, cashier, manager, context, order_number, clock):
    probe = FakePrinter()
    port = probe.port
    probe.stop()
    uri = f"tcp://127.0.0.1:{port}?timeout=1"
    slips = printing.print_document(db, cashier, context, kind="sales-slip", number=order_number, printer_uri=uri)
    spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
    spooler.process_due()  # printer unreachable: the slips wait
    drawer = counter.open_drawer(db, cashier, Approval("3001", "3333"), context, uri, "换零钱")
    back = FakePrinter(port=port)
    try:
        clock.advance(seconds=1)
        assert spooler.due_jobs(db.now())[0] == drawer.id
        spooler.process_due()
        assert printing.get_job(db, drawer.id).status == "done"
        assert [printing.get_job(db, j.id).status for j in slips] == ["done"] * 3
        back.settled()
        assert back.jobs[0] == PULSE
    finally:
        back.stop()


def test_a_drawer_opening_not_sent_in_time_is_dropped_and_audited_never_fired_later(
    db, cashier, context, catalog, clock
):
    probe = FakePrinter()
    port = probe.port
    probe.stop()
    uri = f"tcp://127.0.0.1:{port}?timeout=1"
    _cash_sale(db, cashier, context, uri)
    spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
    spooler.process_due()
    assert _by_kind(db)["drawer"] == "pending"
    clock.advance(seconds=DRAWER_DEADLINE.total_seconds() + 1)
    back = FakePrinter(port=port)  # the printer comes back later: the drawer must not pop open now
    try:
        spooler.process_due()
        kinds = _by_kind(db)
        assert kinds["drawer"] == "cancelled" and kinds["receipt"] == "done"
        back.settled()
        assert back.jobs and all(decode(raw).drawer_pulses == 0 for raw in back.jobs)
        with db.transaction() as s:
            entry = s.scalars(select(AuditEvent).where(AuditEvent.action == "drawer.expired")).one()
            reason = s.scalar(select(PrintJob.cancel_reason).where(PrintJob.kind == "drawer"))
        assert json.loads(entry.detail)["station"] == "counter-1" and "never opens unattended" in reason
    finally:
        back.stop()
