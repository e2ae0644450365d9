"""Settlement at the counter (结算): what an order's customer owes, taking the payment, and the
receipt that goes with it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Customer, Order, Payment, ReturnLine, ReturnSlip, StockMovement
from pos.domain.callout import CallOut
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.money import Money
from pos.domain.orders import OrderStatus, transition
from pos.domain.return_slips import ReturnSlipStatus
from pos.domain.roles import Role
from pos.domain.settlement import Due, Tender
from pos.domain.settlement import settle as settle_payments
from pos.services import audit, printing
from pos.services.lookup import get_order, lock_customer
from pos.services.printing import JobInfo, PrintContext
from pos.services.staff import StaffInfo, require_role


def returns_fen(session: Session, order: Order) -> int:
    """Signed (complete) return slips only: an unsigned one has no effect on money."""
    value = session.scalar(
        select(func.coalesce(func.sum(ReturnLine.unit_price_fen * ReturnLine.quantity), 0))
        .join(ReturnSlip, ReturnSlip.id == ReturnLine.return_slip_id)
        .where(ReturnSlip.order_id == order.id, ReturnSlip.status == ReturnSlipStatus.COMPLETE)
    )
    return int(value or 0)


def order_due(session: Session, order: Order, shipping_fee: Money | None) -> Due:
    """Crossed units come off through their return slip once it is signed by all three, not
    before: an unsigned return slip changes no money."""
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    lines = sum(ln.unit_price_fen * ln.quantity for ln in order.lines)
    shipping = shipping_fee if shipping_fee is not None else Money(order.shipping_fee_fen)
    return Due(Money(lines), Money(returns_fen(session, order)), Money(customer.balance_fen), shipping)


def amount_due(db: Database, number: str, shipping_fee: Money | None = None) -> Due:
    with db.transaction() as session:
        return order_due(session, get_order(session, number), shipping_fee)


@dataclass(frozen=True)
class SettleResult:
    number: str
    due: Money
    callout: CallOut
    cash: bool
    receipt_jobs: tuple[JobInfo, ...]


@use_case
def settle(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    number: str,
    tenders: list[Tender],
    *,
    printer_uri: str,
    shipping_fee: Money | None = None,
    no_packing: bool = False,
    command_id: str | None = None,
) -> SettleResult:
    """Take payment for an order: checked at the bench (settle), or an open one the customer takes
    now, unpacked (no_packing: take_now). Nothing else is paid: an order at the bench is settled
    once it is checked. Stores the payments, settles the customer's balance, queues the receipt
    with a drawer pulse for cash. A retry with the same command_id returns the first result."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if shipping_fee is not None and shipping_fee.fen < 0:
        raise InvalidInput("A shipping fee cannot be negative.")
    ahead = None
    if no_packing:  # the slip's three copies, rendered before the write lock is taken
        ahead = printing.prerender(db, actor, context, kind="sales-slip", number=number, printer_uri=printer_uri)
    with db.transaction() as session:
        # the order, then its customer, held to the end: a second counter settling the same order
        # waits and then finds it paid; another order of the customer waits for the new balance
        order = get_order(session, number, lock=True)
        if audit.command_seen(session, command_id) is not None:
            return _settled_result(session, order)
        act = "take_now" if no_packing else "settle"
        _may_settle(order, act)
        customer = lock_customer(session, order.customer_id)
        due = order_due(session, order, shipping_fee)
        result = settle_payments(due.total, tenders, on_account_allowed=customer.customer_type == "franchise")
        order.shipping_fee_fen = due.shipping.fen
        change_left = result.change
        for index, tender in enumerate(tenders):
            change = change_left if tender.method == "cash" else Money(0)
            change_left -= change
            session.add(
                Payment(
                    command_id=f"{command_id or uuid.uuid4().hex}-{index}",
                    order_id=order.id,
                    method=tender.method,
                    amount_fen=tender.amount.fen,
                    tendered_fen=tender.tendered.fen,
                    change_fen=change.fen,
                    cashier_id=actor.id,
                    station=context.station,
                    created_at=db.now(),
                )
            )
        customer.balance_fen = sum(t.amount.fen for t in tenders if t.method == "account")
        order.status = transition(order.status, act, line_count=len(order.lines))
        order.settled_at = db.now()
        for line in order.lines:  # sold goods leave stock; crossed units come back with their return slip
            session.add(
                StockMovement(
                    product_id=line.product_id,
                    quantity=-line.quantity,
                    kind="sale",
                    order_id=order.id,
                    created_at=db.now(),
                )
            )
        session.flush()
        cash = any(t.method == "cash" for t in tenders)
        jobs = []
        if cash:  # first, and a job of its own: the change is handed over whatever the paper does
            jobs.append(printing.queue_drawer(session, db, actor, context, printer_uri))
        if no_packing:  # unpacked goods still leave with the slip: copies 1 and 2 for the custodian, 3 for the customer
            order.printed_at = db.now()
            jobs += printing.queue_sales_slip(
                session, db, actor, context, number=order.number, printer_uri=printer_uri, prerendered=ahead
            )
        jobs += printing.queue_in_session(
            session,
            db,
            actor,
            context,
            kind="receipt",
            number=order.number,
            printer_uri=printer_uri,
            copies=(1,),
        )
        audit.record(
            session,
            actor_id=actor.id,
            action="order.settle",
            entity="order",
            entity_id=order.number,
            command_id=command_id,
            at=db.now(),
            detail={
                "act": act,
                "due": due.total.fen,
                "payments": [[t.method, t.amount.fen, t.tendered.fen] for t in tenders],
                "change": result.change.fen,
                # what was sold, as settled: `pos audit verify` compares the lines with it
                "lines": [
                    [ln.position, ln.item_code, ln.quantity, ln.unit_price_fen]
                    for ln in sorted(order.lines, key=lambda ln: ln.position)
                ],
                "shipping": due.shipping.fen,
            },
        )
        callout = CallOut.for_payments(((t.method, t.amount, t.tendered) for t in tenders), result.change)
        return SettleResult(order.number, due.total, callout, cash, tuple(printing.job_info(session, j) for j in jobs))


def _may_settle(order: Order, act: str) -> None:
    """The refusals of settle, worded for the cashier: settle when checked, or take it now unpacked."""
    if order.status == OrderStatus.SETTLED:
        raise Conflict("Order {number} is paid already.", number=order.number)
    if order.status == OrderStatus.VOIDED:
        raise Conflict("Order {number} is voided.", number=order.number)
    if order.status == OrderStatus.AWAITING_PAYMENT:
        raise Conflict(
            "Order {number} is a remote order waiting for its transfer: record the transfer when it arrives (Ctrl+T).",
            number=order.number,
        )
    if not order.lines:
        raise Conflict("Order {number} has no lines to settle.", number=order.number)
    if act == "take_now" and order.status != OrderStatus.OPEN:
        raise Conflict("Order {number} is at the bench already; settle it when checked.", number=order.number)
    if act == "settle" and order.status == OrderStatus.OPEN:
        raise Conflict(
            "Order {number} has not been checked: settle it once the bench has checked it, "
            "or let the customer take it now unpacked.",
            number=order.number,
        )
    if act == "settle" and order.status != OrderStatus.CHECKED:
        raise Conflict("The bench has not finished checking order {number}.", number=order.number)


def _settled_result(session: Session, order: Order) -> SettleResult:
    payments = session.scalars(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)).all()
    due = Money(sum(p.amount_fen for p in payments))
    callout = CallOut.for_payments(
        ((p.method, Money(p.amount_fen), Money(p.tendered_fen)) for p in payments),
        Money(sum(p.change_fen for p in payments)),
    )
    return SettleResult(order.number, due, callout, any(p.method == "cash" for p in payments), ())
