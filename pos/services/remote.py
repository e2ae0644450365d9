"""Remote orders, paid first (standard chapters 8, 9): the slip made up at the counter for a
customer on the phone, a video call or the website; the payment notice; the transfer recorded when
it arrives, which sends the order to the bench; and the settlement when the bench has checked it."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Customer, Order, Payment, StockMovement
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.money import Money
from pos.domain.orders import OrderStatus, transition
from pos.domain.remote import MAX_WANTED, NoticeLine, PaymentNotice, Source, balance_after, check_transfer, is_remote
from pos.domain.roles import Role
from pos.domain.shipping import PICKUP
from pos.printing.payment_notice import payment_notice
from pos.services import audit, printing
from pos.services.carriers import offered
from pos.services.lookup import get_order, lock_customer
from pos.services.printing import JobInfo, PrintContext
from pos.services.settle import order_due, returns_fen
from pos.services.staff import StaffInfo, require_role

NOTICE = "payment-notice"


@dataclass(frozen=True)
class RemoteOrder:
    """How a remote order was taken: the source and, for a video call, its time and the products asked for."""

    source: Source
    appointment_at: datetime | None = None  # stored (naive UTC)
    wanted: str = ""
    send_by: str = ""  # "pickup" or a carrier, asked with the freight; "" leaves the order's as it is


@dataclass(frozen=True)
class TransferResult:
    number: str
    due: Money
    transferred: Money
    balance: Money  # the customer's balance after it: positive owed, negative credit
    jobs: tuple[JobInfo, ...]


def _notice(session: Session, order: Order, accounts: tuple[str, ...], made_at: datetime) -> PaymentNotice:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    lines = tuple(
        NoticeLine(ln.item_code, ln.name, ln.quantity, ln.unit_price_fen * ln.quantity)
        for ln in sorted(order.lines, key=lambda ln: ln.position)
    )
    return PaymentNotice(
        order.number,
        customer.name,
        lines,
        customer.balance_fen,
        order.shipping_fee_fen,
        order.send_by,
        accounts,
        made_at,
    )


def _checked_how(how: RemoteOrder) -> RemoteOrder:
    if not is_remote(how.source):
        raise InvalidInput("A remote order is taken by phone, video call or the website.")
    wanted = how.wanted.strip()
    if len(wanted) > MAX_WANTED:
        raise InvalidInput(
            "The products wanted take {length} characters; at most {maximum}.", length=len(wanted), maximum=MAX_WANTED
        )
    if how.source != Source.VIDEO and how.appointment_at is not None:
        raise InvalidInput("Only a video call has an appointment time.")
    return RemoteOrder(how.source, how.appointment_at, wanted, how.send_by.strip())


def preview_notice(db: Database, number: str, accounts: tuple[str, ...], freight: Money) -> PaymentNotice:
    """The notice as it would go out now, with the freight typed (for the dialog, before sending)."""
    with db.read() as session:
        order = get_order(session, number)
        notice = _notice(session, order, accounts, db.now())
        return replace(notice, freight_fen=freight.fen)


@use_case
def send_notice(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    number: str,
    how: RemoteOrder,
    *,
    freight: Money,
    accounts: tuple[str, ...],
    printer_uri: str | None = None,
    command_id: str | None = None,
) -> PaymentNotice:
    """The slip is made up: record where the order came from, freeze its lines and make the payment
    notice (printed when printer_uri is given; the text is returned to copy). The order then waits
    for its money. A retry with the same command_id makes no second notice."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    how = _checked_how(how)
    if freight.fen < 0:
        raise InvalidInput("A shipping fee cannot be negative.")
    if not accounts:
        raise InvalidInput("There is no account to transfer to: add the shop's bank accounts in Settings first.")
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        if audit.command_seen(session, command_id) is not None:
            return _notice(session, order, accounts, order.notice_at or db.now())
        order.status = transition(order.status, "send_notice", line_count=len(order.lines))
        order.source, order.appointment_at, order.wanted = how.source.value, how.appointment_at, how.wanted
        order.shipping_fee_fen, order.notice_at = freight.fen, db.now()
        if how.send_by:  # remembered as the customer's way, as at the bench
            way = how.send_by if how.send_by == PICKUP else offered(session, how.send_by).name
            customer = session.get(Customer, order.customer_id)
            assert customer is not None
            order.send_by = customer.send_by = way
        notice = _notice(session, order, accounts, order.notice_at)
        if printer_uri:
            _print(session, db, actor, context, order, notice, printer_uri)
        audit.record(
            session,
            actor_id=actor.id,
            action="order.send_notice",
            entity="order",
            entity_id=order.number,
            detail={
                "source": how.source.value,
                "total": notice.total_fen,
                "freight": freight.fen,
                "send_by": order.send_by,
            },
            at=db.now(),
            command_id=command_id,
        )
        return notice


def _print(
    session: Session,
    db: Database,
    actor: StaffInfo,
    context: PrintContext,
    order: Order,
    notice: PaymentNotice,
    printer_uri: str,
) -> None:
    printing.queue_document(
        session,
        db,
        actor,
        context,
        kind=NOTICE,
        label=order.number,
        printer_uri=printer_uri,
        build=lambda meta: payment_notice(notice, meta),
        order_id=order.id,
    )


@use_case
def print_notice(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    number: str,
    accounts: tuple[str, ...],
    printer_uri: str,
) -> PaymentNotice:
    """The notice of an order still waiting for its money, again (the customer lost it, or asks
    for it on paper too): with the balance as it stands now."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        order = get_order(session, number)
        if order.status != OrderStatus.AWAITING_PAYMENT:
            raise Conflict("Order {number} is not waiting for a transfer.", number=order.number)
        notice = _notice(session, order, accounts, order.notice_at or db.now())
        _print(session, db, actor, context, order, notice, printer_uri)
        return notice


def notice_of(db: Database, number: str, accounts: tuple[str, ...]) -> PaymentNotice:
    with db.read() as session:
        order = get_order(session, number)
        return _notice(session, order, accounts, order.notice_at or db.now())


@use_case
def reopen(db: Database, actor: StaffInfo | None, number: str, *, command_id: str | None = None) -> None:
    """Before the money comes, the customer changes their mind: the slip is open again for changes,
    and a new notice goes out after them."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        if audit.command_seen(session, command_id) is not None:
            return
        order.status = transition(order.status, "reopen")
        order.notice_at = None
        audit.record(
            session,
            actor_id=actor.id,
            action="order.reopen",
            entity="order",
            entity_id=order.number,
            at=db.now(),
            command_id=command_id,
        )


@use_case
def record_transfer(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    number: str,
    *,
    method: str,
    bank: str,
    reference: str,
    amount: Money,
    printer_uri: str,
    command_id: str | None = None,
) -> TransferResult:
    """The customer's transfer arrived: store it, leave any difference on the customer's balance
    (less: owed; more: credit), and print the slip for checking, which sends the order to the bench
    queue as remote, customer absent. One transfer is recorded once: its reference on a second
    order is refused. A retry with the same command_id returns the first result."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    check_transfer(method, reference, amount)
    reference, bank = reference.strip(), bank.strip()[:60]
    ahead = printing.prerender(db, actor, context, kind="sales-slip", number=number, printer_uri=printer_uri)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        if (seen := audit.command_seen(session, command_id)) is not None:
            detail = json.loads(seen.detail)
            return TransferResult(
                order.number, Money(detail["due"]), Money(detail["transferred"]), Money(detail["balance"]), ()
            )
        if order.status != OrderStatus.AWAITING_PAYMENT:
            raise Conflict("Order {number} is not waiting for a transfer.", number=order.number)
        used = session.scalar(
            select(Order.number)
            .join(Payment, Payment.order_id == Order.id)
            .where(Payment.method == method, Payment.reference == reference)
            .limit(1)
        )
        if used is not None:
            raise Conflict(
                "Transfer {reference} is recorded already, on order {number}.", reference=reference, number=used
            )
        customer = lock_customer(session, order.customer_id)
        due = order_due(session, order, None).total
        session.add(
            Payment(
                command_id=command_id or f"transfer-{order.number}-{reference}",
                order_id=order.id,
                method=method,
                amount_fen=amount.fen,
                bank=bank,
                reference=reference,
                cashier_id=actor.id,
                station=context.station,
                created_at=db.now(),
            )
        )
        balance = balance_after(due, amount)
        customer.balance_fen = balance.fen
        order.status = transition(order.status, "record_transfer", line_count=len(order.lines))
        order.printed_at = db.now()
        jobs = printing.queue_sales_slip(
            session, db, actor, context, number=order.number, printer_uri=printer_uri, prerendered=ahead
        )
        audit.record(
            session,
            actor_id=actor.id,
            action="order.settle",  # the money of the order: `pos audit verify` checks payments against it
            entity="order",
            entity_id=order.number,
            command_id=command_id,
            at=db.now(),
            detail={
                "act": "transfer",
                "due": due.fen,
                "transferred": amount.fen,
                "balance": balance.fen,
                "payments": [[method, amount.fen, 0]],
                "reference": reference,
                "lines": [
                    [ln.position, ln.item_code, ln.quantity, ln.unit_price_fen]
                    for ln in sorted(order.lines, key=lambda ln: ln.position)
                ],
                "shipping": order.shipping_fee_fen,
            },
        )
        return TransferResult(order.number, due, amount, balance, tuple(printing.job_info(session, j) for j in jobs))


def settle_paid(session: Session, db: Database, order: Order) -> bool:
    """A checked remote order was paid before it was packed: it is settled as the check completes,
    and its goods leave stock. What the bench crossed out (signed off on its return slip) was paid
    for and not sent: it becomes the customer's credit. False for any other order (it is settled
    at the counter)."""
    if not is_remote(order.source) or not order.payments:
        return False
    customer = lock_customer(session, order.customer_id)
    customer.balance_fen -= returns_fen(session, order)
    order.status = transition(order.status, "settle", line_count=len(order.lines))
    order.settled_at = db.now()
    for line in order.lines:
        session.add(
            StockMovement(
                product_id=line.product_id, quantity=-line.quantity, kind="sale", order_id=order.id, created_at=db.now()
            )
        )
    return True
