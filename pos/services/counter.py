"""The settlement counter's use cases after scanning: line edits, printing the slip for checking,
voiding and the cash drawer. Settlement with its call-out is in pos.services.settle (re-exported
here), day end (日结) in pos.services.day_end; what the counter shows in pos.services.counter_views (also
re-exported)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Order, OrderLine, PrintJob
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.money import Money
from pos.domain.orders import OrderStatus, lines_editable, transition
from pos.domain.roles import Role
from pos.services import audit, printing
from pos.services.counter_views import (
    HeldSlip,
    LineView,
    OrderView,
    ReadyOrder,
    _view,
    held_slips,
    last_open_order,
    order_view,
    ready_to_settle,
)
from pos.services.lookup import get_line, get_order
from pos.services.printing import JobInfo, PrintContext

# settlement lives in pos.services.settle; callers keep saying counter.settle
from pos.services.settle import SettleResult, amount_due, settle
from pos.services.staff import Approval, StaffInfo, approve, require_role

__all__ = [
    "HeldSlip",
    "LineView",
    "OrderView",
    "ReadyOrder",
    "SettleResult",
    "VOID_REASON_MAX",
    "amount_due",
    "held_slips",
    "last_open_order",
    "open_drawer",
    "order_view",
    "override_price",
    "print_for_checking",
    "quality_swap",
    "ready_to_settle",
    "remove_line",
    "set_quantity",
    "settle",
    "void_slip",
]


def _editable_line(session: Session, number: str, position: int) -> tuple[Order, OrderLine]:
    order = get_order(session, number, lock=True)
    if not lines_editable(order.status):
        raise Conflict(
            "Order {number} is {status}: its lines can no longer change.", number=order.number, status=order.status
        )
    return order, get_line(session, order, position)


def _replayed(session: Session, number: str, command_id: str | None) -> OrderView | None:
    """The slip as it is now when this command was done already (a retry after a lost reply):
    the act is not done twice, and it is not refused either because the first attempt changed
    what it checks."""
    if audit.command_seen(session, command_id) is None:
        return None
    return _view(session, get_order(session, number))


@use_case
def set_quantity(
    db: Database, actor: StaffInfo | None, number: str, position: int, quantity: int, *, command_id: str | None = None
) -> OrderView:
    """A retry with the same command_id sets nothing again and returns the slip."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if not 1 <= quantity <= 9999:
        raise InvalidInput("Quantity must be between 1 and {maximum}.", maximum=9999)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order, line = _editable_line(session, number, position)
        before, line.quantity = line.quantity, quantity
        audit.record(
            session,
            actor_id=actor.id,
            action="order.set_quantity",
            entity="order",
            entity_id=order.number,
            detail={"position": position, "from": before, "to": quantity},
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return _view(session, order)


@use_case
def remove_line(
    db: Database, actor: StaffInfo | None, number: str, position: int, *, command_id: str | None = None
) -> OrderView:
    """Before the slip is printed only; afterwards units are crossed out at the bench. A retry with
    the same command_id removes nothing more (not the line that moved up into its place)."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order, line = _editable_line(session, number, position)
        audit.record(
            session,
            actor_id=actor.id,
            action="order.remove_line",
            entity="order",
            entity_id=order.number,
            detail={"position": position, "code": line.item_code, "quantity": line.quantity},
            at=db.now(),
            command_id=command_id,
        )
        order.lines.remove(line)
        session.flush()
        return _view(session, order)


@use_case
def override_price(
    db: Database,
    actor: StaffInfo | None,
    approval: Approval,
    number: str,
    position: int,
    price: Money,
    reason: str,
    *,
    command_id: str | None = None,
) -> OrderView:
    """A different unit price for one line: a manager approves on the spot (login and PIN, checked
    in this transaction), with a reason; both are audited. A retry with the same command_id is
    recorded once."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if price.fen < 0:
        raise InvalidInput("A price cannot be negative.")
    if not (reason or "").strip():
        raise InvalidInput("A price change needs a reason.")
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order, line = _editable_line(session, number, position)
        # after the order's lock: the approval's audit entry takes the log's head, which every act takes last
        approver = approve(db, session, approval, Role.MANAGER, requester=actor)
        before, line.unit_price_fen = line.unit_price_fen, price.fen
        audit.record(
            session,
            actor_id=actor.id,
            action="order.override_price",
            entity="order",
            entity_id=order.number,
            detail={
                "position": position,
                "code": line.item_code,
                "from": before,
                "to": price.fen,
                "approved_by": approver.login_code,
                "reason": reason.strip(),
            },
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return _view(session, order)


@use_case
def quality_swap(
    db: Database, actor: StaffInfo | None, number: str, position: int, note: str = "", *, command_id: str | None = None
) -> OrderView:
    """问题商品不出: a defective unit is swapped for a good one of the same code; the line's count is
    unchanged, the defect is recorded against the line and logged. A retry with the same command_id
    counts the defect once."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = get_order(session, number, lock=True)
        line = get_line(session, order, position)
        line.defective += 1
        audit.record(
            session,
            actor_id=actor.id,
            action="order.quality_swap",
            entity="order",
            entity_id=order.number,
            detail={"position": position, "code": line.item_code, "note": note.strip()},
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return _view(session, order)


@use_case
def print_for_checking(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    number: str,
    printer_uri: str,
    *,
    command_id: str | None = None,
) -> list[JobInfo]:
    """打印单据点货: the three-copy slip goes to the printer and the order to the bench queue;
    from now on its lines change only by crossing out at the bench. A retry with the same
    command_id prints nothing more (and is not refused as a reprint): it returns the jobs queued."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    # rendered before the write lock is taken: three copies of a long slip take a tenth of a second
    ahead = printing.prerender(db, actor, context, kind="sales-slip", number=number, printer_uri=printer_uri)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)  # a second station waits, then finds it printed
        if audit.command_seen(session, command_id) is not None:
            queued = session.scalars(
                select(PrintJob)
                .where(PrintJob.order_id == order.id, PrintJob.kind == "sales-slip", PrintJob.reprint == 0)
                .order_by(PrintJob.id)
            )
            return [printing.job_info(session, job) for job in queued]
        order.status = transition(order.status, "print_for_checking", line_count=len(order.lines))
        order.printed_at = db.now()
        jobs = printing.queue_sales_slip(
            session, db, actor, context, number=order.number, printer_uri=printer_uri, prerendered=ahead
        )
        audit.record(
            session,
            actor_id=actor.id,
            action="order.print_for_checking",
            entity="order",
            entity_id=order.number,
            at=db.now(),
            command_id=command_id,
        )
        return [printing.job_info(session, job) for job in jobs]


VOID_REASON_MAX = 200


@use_case
def void_slip(
    db: Database, actor: StaffInfo | None, number: str, reason: str, *, command_id: str | None = None
) -> None:
    """作废: a slip set aside and never printed (the customer left without it). Nothing was printed,
    packed or paid, so the cashier may; the reason is kept in the audit log. A retry with the same
    command_id is not refused as voiding a voided slip."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Give the reason for voiding slip {number}.", number=number)
    if len(reason) > VOID_REASON_MAX:
        raise InvalidInput(
            "The reason is {length} characters long; at most {maximum}.", length=len(reason), maximum=VOID_REASON_MAX
        )
    with db.transaction() as session:
        if audit.command_seen(session, command_id) is not None:
            return
        order = get_order(session, number, lock=True)
        # a remote order waiting for money that never came: nothing was paid or packed either
        if order.status not in (OrderStatus.OPEN, OrderStatus.AWAITING_PAYMENT):
            raise Conflict(
                "Slip {number} is {status}: only a slip not yet printed can be voided at the counter.",
                number=order.number,
                status=order.status,
            )
        order.status = transition(order.status, "void")
        audit.record(
            session,
            actor_id=actor.id,
            action="order.void",
            entity="order",
            entity_id=order.number,
            detail={"reason": reason, "lines": len(order.lines)},
            at=db.now(),
            command_id=command_id,
        )


@use_case
def open_drawer(
    db: Database,
    actor: StaffInfo | None,
    approval: Approval,
    context: PrintContext,
    printer_uri: str,
    reason: str,
    *,
    command_id: str | None = None,
) -> JobInfo:
    """A no-sale drawer opening: a manager approves on the spot (login and PIN, checked in this
    transaction), with a reason; audited. A retry with the same command_id pulses the drawer once."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if not (reason or "").strip():
        raise InvalidInput("Opening the drawer without a sale needs a reason.")
    with db.transaction() as session:
        if (done := audit.command_seen(session, command_id)) is not None:
            return printing.job_info(session, session.get_one(PrintJob, int(json.loads(done.detail)["job"])))
        approver = approve(db, session, approval, Role.MANAGER, requester=actor)
        job = printing.queue_drawer(session, db, approver, context, printer_uri)
        audit.record(
            session,
            actor_id=actor.id,
            action="drawer.no_sale",
            entity="station",
            entity_id=context.station,
            detail={"reason": reason.strip(), "job": job.id, "approved_by": approver.login_code},
            at=db.now(),
            command_id=command_id,
        )
        return printing.job_info(session, job)
