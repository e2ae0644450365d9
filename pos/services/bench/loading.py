"""Loading an order at the bench: the queue of printed slips, starting (or resetting) a check,
confirming or correcting the customer's name."""

from __future__ import annotations

from sqlalchemy import func, select, update

from pos.db.database import Database, use_case
from pos.db.models import Box, BoxItem, Customer, Order, OrderLine, Signature, TickEvent
from pos.domain.check import Mode
from pos.domain.customers import pinyin_key
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.orders import OrderStatus, transition
from pos.domain.remote import is_remote, late
from pos.domain.roles import Role
from pos.domain.times import local_text
from pos.services import audit
from pos.services.bench.views import LIVE_BOX, LIVE_SIGNATURE, BenchView, QueueEntry, _checking, _replayed, view
from pos.services.lookup import get_order, lock_customer
from pos.services.staff import Approval, StaffInfo, approve, require_role


def queue(db: Database) -> list[QueueEntry]:
    """Slips printed at the counter and waiting for (or in) a check, oldest first; remote orders
    (paid first) marked, and any not packed by the end of the day after it came flagged late."""
    with db.transaction() as session:
        rows = session.execute(
            select(
                Order.number,
                Order.status,
                Customer.name,
                func.coalesce(func.sum(OrderLine.quantity), 0),
                Order.printed_at,
                Order.source,
            )
            .join(Customer, Customer.id == Order.customer_id)
            .join(OrderLine, OrderLine.order_id == Order.id, isouter=True)
            .where(Order.status.in_((OrderStatus.PRINTED, OrderStatus.CHECKING)))
            .group_by(Order.id, Order.number, Order.status, Customer.name, Order.printed_at, Order.source)
            .order_by(Order.printed_at, Order.id)
        ).all()
        now = db.now()
        return [
            QueueEntry(n, s, c, int(u), local_text(p), is_remote(src), p is not None and late(p, now))
            for n, s, c, u, p, src in rows
        ]


def resume_candidate(db: Database, station: str) -> str | None:
    """The order this station was in the middle of checking (its latest tick here), so a bench that
    restarts after a crash comes back to it."""
    with db.transaction() as session:
        return session.scalar(
            select(Order.number)
            .join(TickEvent, TickEvent.order_id == Order.id)
            .where(TickEvent.station == station, Order.status == OrderStatus.CHECKING)
            .order_by(TickEvent.id.desc())
            .limit(1)
        )


@use_case
def start_check(
    db: Database,
    packer: StaffInfo | None,
    number: str,
    mode: str,
    second: Approval | None = None,
    *,
    command_id: str | None = None,
) -> BenchView:
    """The packer signs as checker (点货人), confirms the customer's name and chooses customer present
    or absent; when absent, the second packer (their login and PIN, checked here, a different
    person) signs too. All of it in one transaction with the approval: a refusal leaves the order
    waiting in the queue and no approval behind. Loading an order already being checked (after a
    restart, or at a second station) resumes it as it is. A retry with the same command_id starts
    nothing again and returns the check."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    mode = Mode(mode).value
    if mode == Mode.ABSENT and second is None:
        raise InvalidInput("The customer is absent: the second packer signs in too.")
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = get_order(session, number, lock=True)
        if order.status == OrderStatus.CHECKING:
            return view(session, order)
        if is_remote(order.source) and mode != Mode.ABSENT:
            raise Conflict(
                "Order {number} is a remote order: the customer is not here, so two packers check it "
                "(customer absent).",
                number=order.number,
            )
        order.status = transition(order.status, "start_check")
        checker2: StaffInfo | None = None
        if mode == Mode.ABSENT and second is not None:
            # after the order's lock: every act takes the audit log's head (the approval's entry) last
            checker2 = approve(db, session, second, Role.PACKER, Role.MANAGER, requester=None)
            if checker2.id == packer.id:
                raise Conflict("The second packer must be a different person from the first.")
        now = db.now()
        order.customer_mode, order.check_started_at, order.name_confirmed_at = mode, now, now
        session.add(
            Signature(
                order_id=order.id,
                role="checker",
                method="pin",
                staff_id=packer.id,
                signer_name=packer.name,
                signed_at=now,
            )
        )
        if checker2 is not None:
            session.add(
                Signature(
                    order_id=order.id,
                    role="second_checker",
                    method="pin",
                    staff_id=checker2.id,
                    signer_name=checker2.name,
                    signed_at=now,
                )
            )
        if not session.scalar(select(Box.id).where(Box.order_id == order.id, LIVE_BOX).limit(1)):
            session.add(Box(order_id=order.id, number=1))
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.start_check",
            entity="order",
            entity_id=order.number,
            detail={
                "mode": mode,
                "name_confirmed": True,
                **({"second_checker": checker2.name, "approved_by": checker2.login_code} if checker2 else {}),
            },
            at=now,
            command_id=command_id,
        )
        session.flush()
        return view(session, order)


@use_case
def reset_check(
    db: Database,
    actor: StaffInfo | None,
    number: str,
    *,
    manager: Approval | None = None,
    command_id: str | None = None,
) -> None:
    """A manager sends a check that cannot go on (customer absent with one packer) back to the
    queue: checking starts again from zero. The actor is a manager, or `manager` approves it on
    the spot (login and PIN, checked in this transaction: a refusal leaves no approval behind).
    Nothing is deleted: its ticks are marked undone by the manager, its boxes set aside (their
    contents unpacked) and its signatures superseded; the audit entry says what was cleared and who
    approved. Refused once anything is crossed out or a box sealed: those left paper behind (a
    return slip, a label). A retry with the same command_id resets nothing again."""
    actor = require_role(actor, Role.PACKER, Role.MANAGER) if manager is not None else require_role(actor, Role.MANAGER)
    with db.transaction() as session:
        if _replayed(session, number, command_id) is not None:
            return
        order = get_order(session, number, lock=True)
        order.status = transition(order.status, "reset_check")
        lines = list(session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)))
        if any(line.crossed for line in lines) or session.scalar(
            select(Box.id).where(Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_not(None)).limit(1)
        ):
            raise Conflict(
                "Order {number} has crossed-out items or a sealed box: it cannot go back to the queue.",
                number=order.number,
            )
        approver = approve(db, session, manager, Role.MANAGER, requester=actor) if manager is not None else actor
        now = db.now()
        cleared = {ln.item_code: ln.ticked for ln in lines if ln.ticked}
        signers = {
            s.role: s.signer_name
            for s in session.scalars(select(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE))
        }
        session.execute(
            update(TickEvent)
            .where(TickEvent.order_id == order.id, TickEvent.undone_at.is_(None))
            .values(undone_at=now, undone_by_id=approver.id)
        )
        session.execute(
            update(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE).values(superseded_at=now)
        )
        box_ids = select(Box.id).where(Box.order_id == order.id, LIVE_BOX)
        # box_items are what a box holds now, not a record: the goods come out of the set-aside
        # boxes; what was packed when stays in the tick records
        session.execute(BoxItem.__table__.delete().where(BoxItem.box_id.in_(box_ids)))
        session.execute(update(Box).where(Box.order_id == order.id, LIVE_BOX).values(discarded_at=now))
        for line in lines:
            line.ticked = line.manual_ticks = 0
        order.customer_mode, order.check_started_at, order.name_confirmed_at = Mode.PRESENT.value, None, None
        audit.record(
            session,
            actor_id=actor.id,
            action="bench.reset_check",
            entity="order",
            entity_id=order.number,
            detail={
                "ticked": cleared,
                "signatures": signers,
                **({"approved_by": approver.login_code} if manager is not None else {}),
            },
            at=now,
            command_id=command_id,
        )
        if signers:
            audit.record(
                session,
                actor_id=actor.id,
                action="signature.superseded",
                entity="order",
                entity_id=order.number,
                detail={"roles": sorted(signers), "reason": "reset_check"},
                at=now,
            )


@use_case
def confirm_name(db: Database, packer: StaffInfo | None, number: str, *, command_id: str | None = None) -> BenchView:
    """The packer confirms the customer's name again (start_check already does when the check
    begins). A retry with the same command_id is recorded once."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        order.name_confirmed_at = db.now()
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.confirm_name",
            entity="order",
            entity_id=order.number,
            at=db.now(),
            command_id=command_id,
        )
        return view(session, order)


@use_case
def correct_name(
    db: Database,
    actor: StaffInfo | None,
    number: str,
    new_name: str,
    *,
    cashier: Approval | None = None,
    command_id: str | None = None,
) -> BenchView:
    """ "The name is wrong": a cashier-role user corrects the customer record; audited. The actor
    is one, or (a packer at the bench) `cashier` approves it on the spot: login and PIN, checked in
    this transaction and audited with the correction. A retry with the same command_id is recorded
    once."""
    if cashier is None:
        actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    else:
        actor = require_role(actor, Role.PACKER, Role.CASHIER, Role.MANAGER)
    new_name = (new_name or "").strip()
    if not new_name or len(new_name) > 100:
        raise InvalidInput("The customer's name is required.")
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = get_order(session, number, lock=True)
        customer = lock_customer(session, order.customer_id)
        approver = (
            approve(db, session, cashier, Role.CASHIER, Role.MANAGER, requester=actor) if cashier is not None else actor
        )
        old, customer.name = customer.name, new_name
        customer.name_pinyin, customer.name_initials = pinyin_key(new_name)
        audit.record(
            session,
            actor_id=actor.id,
            action="customer.correct_name",
            entity="customer",
            entity_id=customer.number,
            detail={
                "from": old,
                "to": new_name,
                "order": order.number,
                **({"approved_by": approver.login_code} if cashier is not None else {}),
            },
            at=db.now(),
            command_id=command_id,
        )
        return view(session, order)
