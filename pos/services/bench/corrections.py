"""Taking back at the bench: undoing a tick, crossing out units the customer does not take."""

from __future__ import annotations

from sqlalchemy import select, update

from pos.db.database import Database, use_case
from pos.db.models import Box, BoxItem, OrderLine, TickEvent
from pos.domain.errors import Conflict, InvalidInput, PermissionDenied
from pos.domain.roles import Role
from pos.services import audit, returns
from pos.services.bench.shortfall import note_shortfall
from pos.services.bench.ticks import _changed
from pos.services.bench.views import BenchView, RefusedScan, _checking, _replayed, view
from pos.services.lookup import get_line
from pos.services.staff import Approval, StaffInfo, approve, require_role


@use_case
def undo_last_tick(
    db: Database,
    actor: StaffInfo | None,
    number: str,
    *,
    manager: Approval | None = None,
    command_id: str | None = None,
) -> BenchView:
    """The packer may take back the most recent tick (theirs, its box still open); anything further
    back needs a manager: the actor is one, or `manager` approves it on the spot (login and PIN,
    checked in this transaction and audited with the undo; a refusal leaves no approval behind).
    A retry with the same command_id undoes nothing more and returns the check."""
    actor = require_role(actor, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        events = session.scalars(select(TickEvent).where(TickEvent.order_id == order.id).order_by(TickEvent.id.desc()))
        latest = next(iter(events), None)
        target = session.scalar(
            select(TickEvent)
            .where(TickEvent.order_id == order.id, TickEvent.undone_at.is_(None))
            .order_by(TickEvent.id.desc())
        )
        if target is None:
            raise Conflict("There is no tick to undo.")
        box = session.get(Box, target.box_id)
        if box is None or box.sealed_at is not None:  # first: no manager is fetched for what nobody may do
            raise Conflict("Box {box} is sealed: its contents cannot change.", box=box.number if box else "?")
        if not actor.has(Role.MANAGER) and manager is None and (target is not latest or target.staff_id != actor.id):
            raise PermissionDenied(
                "{name} may not do this: it needs the {roles} role.", name=actor.name, roles="manager"
            )
        approver = approve(db, session, manager, Role.MANAGER, requester=actor) if manager is not None else None
        line = session.get(OrderLine, target.order_line_id)
        assert line is not None
        line.ticked -= target.quantity
        if target.manual:
            line.manual_ticks -= target.quantity
        item = session.scalar(select(BoxItem).where(BoxItem.box_id == box.id, BoxItem.order_line_id == line.id))
        assert item is not None
        item.quantity -= target.quantity
        if item.quantity == 0:
            session.delete(item)
        target.undone_at, target.undone_by_id = db.now(), actor.id
        detail = {"code": line.item_code, "quantity": target.quantity, "box": box.number}
        if approver is not None:
            detail["approved_by"] = approver.login_code
        audit.record(
            session,
            actor_id=actor.id,
            action="bench.undo_tick",
            entity="order",
            entity_id=order.number,
            detail=detail,
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return view(session, order)


@use_case
def cross_out(
    db: Database,
    packer: StaffInfo | None,
    number: str,
    position: int,
    count: int,
    reason: str,
    reason_text: str = "",
    *,
    command_id: str | None = None,
) -> BenchView:
    """× units the customer does not want (or defective ones with no replacement): they leave the
    total and go on the order's return slip, which takes effect once signed by all three. A retry
    with the same command_id crosses out nothing more."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    if count < 1:
        raise InvalidInput("Quantity must be between 1 and {maximum}.", maximum=9999)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        line = get_line(session, order, position)
        bumped = _changed(
            session,
            update(OrderLine)
            .where(OrderLine.id == line.id, OrderLine.ticked + OrderLine.crossed + count <= OrderLine.quantity)
            .values(crossed=OrderLine.crossed + count),
        )
        if not bumped:
            raise RefusedScan(
                "Only {remaining} of {code} {name} are left to cross out.",
                remaining=line.quantity - line.ticked - line.crossed,
                code=line.item_code,
                name=line.name,
            )
        session.refresh(line)
        slip = returns.add_crossed(session, db, packer, order, line, count, reason, reason_text)
        note_shortfall(session, db, packer, order, slip)
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.cross_out",
            entity="order",
            entity_id=order.number,
            detail={"position": position, "quantity": count, "reason": reason, "return_slip": slip.number},
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return view(session, order)
