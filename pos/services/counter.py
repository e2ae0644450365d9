"""The settlement counter's use cases after scanning: line edits, printing the slip for checking,
settlement with its call-out, the cash drawer, and day end (日结)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import (
    Customer, Order, OrderLine, Payment, Reconciliation, ReconciliationLine, ReturnLine, ReturnSlip, StockMovement,
)
from pos.domain.callout import CallOut
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.money import Money
from pos.domain.orders import OrderStatus, lines_editable, transition
from pos.domain.roles import Role
from pos.domain.settlement import METHODS, Due, Tender, settle as settle_payments
from pos.domain.times import local_text
from pos.printing import layouts
from pos.printing.data import DayEndReport, DayEndRow, PrintMeta
from pos.printing.document import Document, DrawerPulse
from pos.printing.render import render_pdf
from pos.services import audit, printing
from pos.services.customers import CustomerInfo, info as customer_info
from pos.services.lookup import get_line, get_order, lock_customer
from pos.services.orders import list_prices
from pos.services.printing import JobInfo, PrintContext
from pos.services.staff import StaffInfo, require_role


@dataclass(frozen=True, slots=True)
class LineView:
    position: int
    item_code: str
    name: str
    unit_price_fen: int
    quantity: int
    crossed: int = 0
    defective: int = 0
    ticked: int = 0
    list_price_fen: int | None = None  # the price before a manager changed it (改价), else None

    @property
    def amount_fen(self) -> int:
        return self.unit_price_fen * (self.quantity - self.crossed)


@dataclass(frozen=True)
class OrderView:
    number: str
    status: str
    customer: CustomerInfo
    lines: tuple[LineView, ...]
    needs_packing: bool
    settled: bool

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def item_count(self) -> int:
        return sum(line.quantity - line.crossed for line in self.lines)


def _view(session: Session, order: Order) -> OrderView:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    changed = list_prices(session, order)
    lines = tuple(LineView(ln.position, ln.item_code, ln.name, ln.unit_price_fen, ln.quantity, ln.crossed,
                           ln.defective, ln.ticked, changed.get(ln.position)) for ln in order.lines)
    return OrderView(order.number, order.status, customer_info(customer), lines, order.needs_packing,
                     order.settled_at is not None)


def order_view(db: Database, number: str) -> OrderView:
    with db.transaction() as session:
        return _view(session, get_order(session, number))


def last_open_order(db: Database, station: str) -> str | None:
    """The slip this station was working on, so a restart comes back to it."""
    with db.transaction() as session:
        return session.scalar(
            select(Order.number).where(Order.station == station, Order.status == OrderStatus.OPEN,
                                       Order.settled_at.is_(None))
            .order_by(Order.id.desc()).limit(1)
        )


@dataclass(frozen=True)
class ReadyOrder:
    number: str
    customer_name: str
    checked_at: str


def ready_to_settle(db: Database, limit: int = 20) -> list[ReadyOrder]:
    """Orders the bench has finished checking and nobody has settled yet, oldest first: the counter
    shows them so no customer leaves unpaid (注意客户是否买单)."""
    with db.transaction() as session:
        rows = session.execute(
            select(Order.number, Customer.name, Order.checked_at).join(Customer, Customer.id == Order.customer_id)
            .where(Order.status == OrderStatus.CHECKED, Order.settled_at.is_(None))
            .order_by(Order.checked_at).limit(limit)
        ).all()
        return [ReadyOrder(n, c, local_text(t)) for n, c, t in rows]


@dataclass(frozen=True)
class HeldSlip:
    number: str
    customer_name: str
    units: int
    opened_at: str


def held_slips(db: Database, station: str, limit: int = 20) -> list[HeldSlip]:
    """Slips this station started and set aside unprinted (a new slip was opened over them), newest
    first: the cashier can take one up again instead of scanning it all twice."""
    with db.transaction() as session:
        rows = session.execute(
            select(Order.number, Customer.name, func.sum(OrderLine.quantity), Order.created_at)
            .join(Customer, Customer.id == Order.customer_id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.station == station, Order.status == OrderStatus.OPEN, Order.settled_at.is_(None))
            .group_by(Order.id, Order.number, Customer.name, Order.created_at)
            .order_by(Order.id.desc()).limit(limit)
        ).all()
        return [HeldSlip(n, c, int(u), local_text(t)) for n, c, u, t in rows]


def _editable_line(session: Session, number: str, position: int) -> tuple[Order, OrderLine]:
    order = get_order(session, number, lock=True)
    if not lines_editable(order.status) or order.settled_at is not None:
        raise Conflict("Order {number} is {status}: its lines can no longer change.", number=order.number,
                       status="paid" if order.settled_at else order.status)
    return order, get_line(session, order, position)


@use_case
def set_quantity(db: Database, actor: StaffInfo | None, number: str, position: int, quantity: int) -> OrderView:
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if not 1 <= quantity <= 9999:
        raise InvalidInput("Quantity must be between 1 and {maximum}.", maximum=9999)
    with db.transaction() as session:
        order, line = _editable_line(session, number, position)
        before, line.quantity = line.quantity, quantity
        audit.record(session, actor_id=actor.id, action="order.set_quantity", entity="order", entity_id=order.number,
                     detail={"position": position, "from": before, "to": quantity}, at=db.now())
        session.flush()
        return _view(session, order)


@use_case
def remove_line(db: Database, actor: StaffInfo | None, number: str, position: int) -> OrderView:
    """Before the slip is printed only; afterwards units are crossed out at the bench."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        order, line = _editable_line(session, number, position)
        audit.record(session, actor_id=actor.id, action="order.remove_line", entity="order", entity_id=order.number,
                     detail={"position": position, "code": line.item_code, "quantity": line.quantity}, at=db.now())
        order.lines.remove(line)
        session.flush()
        return _view(session, order)


@use_case
def override_price(db: Database, actor: StaffInfo | None, approver: StaffInfo | None, number: str, position: int,
                   price: Money, reason: str) -> OrderView:
    """A different unit price for one line: a manager approves, with a reason; both are audited."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    approver = require_role(approver, Role.MANAGER)
    if price.fen < 0:
        raise InvalidInput("A price cannot be negative.")
    if not (reason or "").strip():
        raise InvalidInput("A price change needs a reason.")
    with db.transaction() as session:
        order, line = _editable_line(session, number, position)
        before, line.unit_price_fen = line.unit_price_fen, price.fen
        audit.record(session, actor_id=actor.id, action="order.override_price", entity="order", entity_id=order.number,
                     detail={"position": position, "code": line.item_code, "from": before, "to": price.fen,
                             "approved_by": approver.login_code, "reason": reason.strip()}, at=db.now())
        session.flush()
        return _view(session, order)


@use_case
def quality_swap(db: Database, actor: StaffInfo | None, number: str, position: int, note: str = "") -> OrderView:
    """问题商品不出: a defective unit is swapped for a good one of the same code; the line's count is
    unchanged, the defect is recorded against the line and logged."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        line = get_line(session, order, position)
        line.defective += 1
        audit.record(session, actor_id=actor.id, action="order.quality_swap", entity="order", entity_id=order.number,
                     detail={"position": position, "code": line.item_code, "note": note.strip()}, at=db.now())
        session.flush()
        return _view(session, order)


@use_case
def print_for_checking(db: Database, actor: StaffInfo | None, context: PrintContext, number: str,
                       printer_uri: str) -> list[JobInfo]:
    """打印单据点货: the three-copy slip goes to the printer and the order to the bench queue;
    from now on its lines change only by crossing out at the bench."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)  # a second station waits, then finds it printed
        if order.settled_at is not None:
            raise Conflict("Order {number} is paid already.", number=order.number)
        order.status = transition(order.status, "print_for_checking", line_count=len(order.lines))
        order.printed_at = db.now()
        jobs = printing.queue_in_session(session, db, actor, context, kind="sales-slip", number=order.number,
                                         printer_uri=printer_uri)
        audit.record(session, actor_id=actor.id, action="order.print_for_checking", entity="order",
                     entity_id=order.number, at=db.now())
        return [printing.job_info(session, job) for job in jobs]


VOID_REASON_MAX = 200


@use_case
def void_slip(db: Database, actor: StaffInfo | None, number: str, reason: str) -> None:
    """作废: a slip set aside and never printed (the customer left without it). Nothing was printed,
    packed or paid, so the cashier may; the reason is kept in the audit log."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Give the reason for voiding slip {number}.", number=number)
    if len(reason) > VOID_REASON_MAX:
        raise InvalidInput("The reason is {length} characters long; at most {maximum}.", length=len(reason),
                           maximum=VOID_REASON_MAX)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        if order.settled_at is not None or order.status != OrderStatus.OPEN:
            raise Conflict("Slip {number} is {status}: only a slip not yet printed can be voided at the counter.",
                           number=order.number, status="paid" if order.settled_at else order.status)
        order.status = transition(order.status, "void")
        audit.record(session, actor_id=actor.id, action="order.void", entity="order", entity_id=order.number,
                     detail={"reason": reason, "lines": len(order.lines)}, at=db.now())


def _returns_fen(session: Session, order: Order) -> int:
    """Signed (complete) return slips only: an unsigned one has no effect on money."""
    value = session.scalar(
        select(func.coalesce(func.sum(ReturnLine.unit_price_fen * ReturnLine.quantity), 0))
        .join(ReturnSlip, ReturnSlip.id == ReturnLine.return_slip_id)
        .where(ReturnSlip.order_id == order.id, ReturnSlip.status == "complete")
    )
    return int(value or 0)


def _due(session: Session, order: Order, shipping_fee: Money | None) -> Due:
    """Crossed units come off through their return slip once it is signed by all three, not
    before: an unsigned return slip changes no money."""
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    lines = sum(ln.unit_price_fen * ln.quantity for ln in order.lines)
    shipping = shipping_fee if shipping_fee is not None else Money(order.shipping_fee_fen)
    return Due(Money(lines), Money(_returns_fen(session, order)), Money(customer.balance_fen), shipping)


def amount_due(db: Database, number: str, shipping_fee: Money | None = None) -> Due:
    with db.transaction() as session:
        return _due(session, get_order(session, number), shipping_fee)


@dataclass(frozen=True)
class SettleResult:
    number: str
    due: Money
    callout: CallOut
    cash: bool
    receipt_jobs: tuple[JobInfo, ...]


@use_case
def settle(
    db: Database, actor: StaffInfo | None, context: PrintContext, number: str, tenders: list[Tender], *,
    printer_uri: str, shipping_fee: Money | None = None, no_packing: bool = False, command_id: str | None = None,
) -> SettleResult:
    """Take payment for an order: checked at the bench, or (no_packing) one the customer takes as
    it is. Stores the payments, settles the customer's balance, queues the receipt with a drawer
    pulse for cash. A retry with the same command_id returns the first result."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if shipping_fee is not None and shipping_fee.fen < 0:
        raise InvalidInput("A shipping fee cannot be negative.")
    with db.transaction() as session:
        # the order, then its customer, held to the end: a second counter settling the same order
        # waits and then finds it paid; another order of the customer waits for the new balance
        order = get_order(session, number, lock=True)
        if audit.command_seen(session, command_id) is not None:
            return _settled_result(session, order)
        if order.settled_at is not None:
            raise Conflict("Order {number} is paid already.", number=order.number)
        if order.status == OrderStatus.VOIDED:
            raise Conflict("Order {number} is voided.", number=order.number)
        if not order.lines:
            raise Conflict("Order {number} has no lines to settle.", number=order.number)
        if no_packing:
            if order.status != OrderStatus.OPEN:
                raise Conflict("Order {number} is at the bench already; settle it when checked.", number=order.number)
            order.needs_packing = False
        elif order.status != OrderStatus.CHECKED:
            raise Conflict("The bench has not finished checking order {number}.", number=order.number)
        customer = lock_customer(session, order.customer_id)
        due = _due(session, order, shipping_fee)
        result = settle_payments(due.total, tenders, on_account_allowed=customer.customer_type == "franchise")
        order.shipping_fee_fen = due.shipping.fen
        change_left = result.change
        for index, tender in enumerate(tenders):
            change = change_left if tender.method == "cash" else Money(0)
            change_left -= change
            session.add(Payment(command_id=f"{command_id or uuid.uuid4().hex}-{index}",
                                order_id=order.id, method=tender.method, amount_fen=tender.amount.fen,
                                tendered_fen=tender.tendered.fen, change_fen=change.fen, cashier_id=actor.id,
                                station=context.station, created_at=db.now()))
        customer.balance_fen = sum(t.amount.fen for t in tenders if t.method == "account")
        order.settled_at = db.now()
        for line in order.lines:  # sold goods leave stock; crossed units come back with their return slip
            session.add(StockMovement(product_id=line.product_id, quantity=-line.quantity, kind="sale",
                                      order_id=order.id, created_at=db.now()))
        session.flush()
        cash = any(t.method == "cash" for t in tenders)
        jobs = []
        if no_packing:  # unpacked goods still leave with the slip: copies 1 and 2 for the custodian, 3 for the customer
            order.printed_at = db.now()
            jobs += printing.queue_in_session(session, db, actor, context, kind="sales-slip", number=order.number,
                                              printer_uri=printer_uri)
        jobs += printing.queue_in_session(session, db, actor, context, kind="receipt", number=order.number,
                                         printer_uri=printer_uri, copies=(1,),
                                         extra=(DrawerPulse(*context.drawer),) if cash else ())
        audit.record(session, actor_id=actor.id, action="order.settle", entity="order", entity_id=order.number,
                     command_id=command_id, at=db.now(),
                     detail={"due": due.total.fen, "payments": [[t.method, t.amount.fen, t.tendered.fen] for t in tenders],
                             "change": result.change.fen})
        callout = CallOut.for_payments(((t.method, t.amount, t.tendered) for t in tenders), result.change)
        return SettleResult(order.number, due.total, callout, cash,
                            tuple(printing.job_info(session, j) for j in jobs))


def _settled_result(session: Session, order: Order) -> SettleResult:
    payments = session.scalars(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)).all()
    due = Money(sum(p.amount_fen for p in payments))
    callout = CallOut.for_payments(((p.method, Money(p.amount_fen), Money(p.tendered_fen)) for p in payments),
                                   Money(sum(p.change_fen for p in payments)))
    return SettleResult(order.number, due, callout, any(p.method == "cash" for p in payments), ())


@use_case
def open_drawer(db: Database, approver: StaffInfo | None, context: PrintContext, printer_uri: str,
                reason: str) -> JobInfo:
    """A no-sale drawer opening: a manager's, with a reason, audited."""
    approver = require_role(approver, Role.MANAGER)
    if not (reason or "").strip():
        raise InvalidInput("Opening the drawer without a sale needs a reason.")
    with db.transaction() as session:
        job = printing.queue_document(session, db, approver, context, kind="drawer", label="drawer",
                                      printer_uri=printer_uri,
                                      build=lambda meta: Document("drawer", meta.columns, [DrawerPulse(*context.drawer)]))
        audit.record(session, actor_id=approver.id, action="drawer.no_sale", entity="station", entity_id=context.station,
                     detail={"reason": reason.strip(), "job": job.id}, at=db.now())
        return printing.job_info(session, job)


def _utc_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)
    return start, start + timedelta(days=1)


def expected_takings(db: Database, station: str, day: date, opening_float: Money) -> dict[str, Money]:
    """What the drawer and each payment channel should show for the day at this station:
    cash = opening float + cash taken - cash refunded (refunds are negative cash payments)."""
    start, end = _utc_bounds(day)
    with db.transaction() as session:
        rows = session.execute(
            select(Payment.method, func.sum(Payment.amount_fen))
            .where(Payment.station == station, Payment.created_at >= start, Payment.created_at < end)
            .group_by(Payment.method)
        ).all()
    expected = {method: Money(0) for method in METHODS}
    for method, amount in rows:
        expected[method] = Money(int(amount))
    expected["cash"] += opening_float
    return expected


@dataclass(frozen=True)
class DayEndResult:
    report: DayEndReport
    pdf_path: Path
    job: JobInfo | None

    @property
    def difference(self) -> Money:
        return Money(sum(row.counted_fen - row.expected_fen for row in self.report.rows))


@use_case
def day_end(
    db: Database, actor: StaffInfo | None, context: PrintContext, *, day: date, opening_float: Money,
    counted: dict[str, Money], pdf_dir: Path, printer_uri: str | None = None, command_id: str,
) -> DayEndResult:
    """日结: store the count against what was expected, per method, print it and keep a PDF."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    unknown = set(counted) - set(METHODS)
    if unknown:
        raise InvalidInput("Unknown payment method '{method}'.", method=sorted(unknown)[0])
    if opening_float.fen < 0 or any(m.fen < 0 for m in counted.values()):
        raise InvalidInput("Counted amounts cannot be negative.")
    expected = expected_takings(db, context.station, day, opening_float)
    start, end = _utc_bounds(day)
    with db.transaction() as session:
        sales = session.execute(
            select(func.count(func.distinct(Payment.order_id)),
                   func.coalesce(func.sum(Payment.amount_fen).filter(Payment.amount_fen > 0), 0),
                   func.coalesce(func.sum(Payment.amount_fen).filter(Payment.amount_fen < 0), 0))
            .where(Payment.station == context.station, Payment.created_at >= start, Payment.created_at < end)
        ).one()
        methods = [m for m in METHODS if expected[m] or m in counted]
        rows = tuple(DayEndRow(m, expected[m].fen, counted.get(m, Money(0)).fen) for m in methods)
        report = DayEndReport(day.isoformat(), context.station, actor.name, int(sales[0]), int(sales[1]),
                              -int(sales[2]), rows)
        record = Reconciliation(command_id=command_id, station=context.station, day=day, cashier_id=actor.id,
                                opening_float_fen=opening_float.fen, created_at=db.now())
        record.lines = [ReconciliationLine(method=r.method, expected_fen=r.expected_fen, counted_fen=r.counted_fen)
                        for r in rows]
        session.add(record)
        job = None
        if printer_uri:
            job = printing.queue_document(session, db, actor, context, kind="report", label=f"day-end-{day}",
                                          printer_uri=printer_uri, build=lambda meta: layouts.day_end(report, meta))
        session.flush()
        audit.record(session, actor_id=actor.id, action="day_end.reconcile", entity="station", entity_id=context.station,
                     detail={"day": day.isoformat(), "rows": [[r.method, r.expected_fen, r.counted_fen] for r in rows]},
                     command_id=command_id, at=db.now())
        pdf_path = pdf_dir / f"day-end-{context.station}-{day.isoformat()}-{record.id}.pdf"
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
        pdf_path.write_bytes(render_pdf([layouts.day_end(report, PrintMeta(job_ref=f"R{record.id}",
                                                                           shop_name=context.shop_name))]))
        return DayEndResult(report, pdf_path, printing.job_info(session, job) if job else None)

