"""Boxes at the bench: open a new one, move items between them, seal one and print its label
(with copy 3 inside the last box when the customer is absent)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Box, BoxItem, Order, OrderLine, Signature
from pos.domain.check import Mode
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.roles import Role
from pos.services import audit, printing
from pos.services.bench.ticks import _pack
from pos.services.bench.views import (
    LIVE_BOX,
    LIVE_SIGNATURE,
    BenchView,
    Copy3NotConfirmed,
    _checking,
    _replayed,
    view,
)
from pos.services.lookup import get_line
from pos.services.printing import PrintContext
from pos.services.staff import Approval, StaffInfo, approve, require_role


@dataclass(frozen=True)
class BenchPrinters:
    """The station and its two printers: box labels, and sales slips for a revised customer's copy."""

    context: PrintContext
    labels: str
    slips: str | None = None


@use_case
def open_box(db: Database, packer: StaffInfo | None, number: str, *, command_id: str | None = None) -> BenchView:
    """A new box after the last. A retry with the same command_id opens no second one."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        empty = session.scalar(
            select(Box).where(
                Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_(None), ~Box.id.in_(select(BoxItem.box_id))
            )
        )
        if empty is not None:
            raise Conflict("Box {box} is open and still empty: pack into it first.", box=empty.number)
        last = session.scalar(select(func.max(Box.number)).where(Box.order_id == order.id, LIVE_BOX)) or 0
        session.add(Box(order_id=order.id, number=last + 1))
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.open_box",
            entity="order",
            entity_id=order.number,
            detail={"box": last + 1},
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return view(session, order)


@use_case
def move_item(
    db: Database,
    packer: StaffInfo | None,
    number: str,
    position: int,
    from_box: int,
    to_box: int,
    count: int = 1,
    *,
    command_id: str | None = None,
) -> BenchView:
    """Move `count` units of a line from one open box to another. A retry with the same command_id
    moves nothing more."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        line = get_line(session, order, position)
        boxes = {b.number: b for b in session.scalars(select(Box).where(Box.order_id == order.id, LIVE_BOX))}
        source, target = boxes.get(from_box), boxes.get(to_box)
        if source is None or target is None or source is target:
            raise InvalidInput("Choose two different boxes of this order.")
        if source.sealed_at is not None or target.sealed_at is not None:
            raise Conflict(
                "Box {box} is sealed: its contents cannot change.",
                box=source.number if source.sealed_at else target.number,
            )
        item = session.scalar(select(BoxItem).where(BoxItem.box_id == source.id, BoxItem.order_line_id == line.id))
        if item is None or item.quantity < count or count < 1:
            raise InvalidInput(
                "Box {box} holds fewer than {count} of {code}.", box=from_box, count=count, code=line.item_code
            )
        item.quantity -= count
        if item.quantity == 0:
            session.delete(item)
        session.flush()
        _pack(session, target, line, count)
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.move_item",
            entity="order",
            entity_id=order.number,
            detail={"position": position, "from": from_box, "to": to_box, "quantity": count},
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return view(session, order)


@use_case
def seal_box(
    db: Database,
    packer: StaffInfo | None,
    context: PrintContext,
    number: str,
    box_number: int,
    printer_uri: str,
    *,
    copy3_confirmed_by: Approval | None = None,
    slip_printer_uri: str | None = None,
    command_id: str | None = None,
) -> BenchView:
    """Seal a box and print its label in the same transaction. An empty box cannot be sealed. When
    the customer is absent, the last box (nothing left to check, no other box open with items) is
    sealed only with copy 3 inside, confirmed by both packers: the sealing one and
    `copy3_confirmed_by`, the other, by login and PIN checked in this transaction (a refusal leaves
    no approval behind). If anything was crossed out, the copy 3 that goes in is a revision with
    the net lines, printed on `slip_printer_uri`. A retry with the same command_id seals and prints
    nothing again."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        box = session.scalar(select(Box).where(Box.order_id == order.id, LIVE_BOX, Box.number == box_number))
        if box is None:
            raise NotFound("Order {number} has no box {box}.", number=order.number, box=box_number)
        if box.sealed_at is not None:
            raise Conflict("Box {box} is sealed: its contents cannot change.", box=box_number)
        if not session.scalar(select(func.count()).select_from(BoxItem).where(BoxItem.box_id == box.id)):
            raise Conflict("Box {box} is empty: an empty box is not sealed.", box=box_number)
        if order.customer_mode == Mode.ABSENT and not session.scalar(
            select(Signature.id).where(
                Signature.order_id == order.id, LIVE_SIGNATURE, Signature.role == "second_checker"
            )
        ):
            # both packers' names go on the label, so the second signs in before the first seal
            raise Conflict("The customer is absent: the second packer signs in before a box is sealed.")
        confirmer = (
            approve(db, session, copy3_confirmed_by, Role.PACKER, Role.MANAGER, requester=None)
            if copy3_confirmed_by
            else None
        )
        if order.customer_mode == Mode.ABSENT and order.copy3_to != "box" and _last_box(session, order, box):
            _copy3_in_box(session, db, order, packer, confirmer, box_number)
            revise_copy3(session, db, packer, order, context, slip_printer_uri)
        box.sealed_at, box.sealed_by_id = db.now(), packer.id
        session.flush()
        printing.queue_in_session(
            session,
            db,
            packer,
            context,
            kind="box-label",
            number=order.number,
            printer_uri=printer_uri,
            boxes=(box_number,),
        )
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.seal_box",
            entity="order",
            entity_id=order.number,
            detail={"box": box_number},
            at=db.now(),
            command_id=command_id,
        )
        return view(session, order)


def _last_box(session: Session, order: Order, box: Box) -> bool:
    left = session.scalar(
        select(func.coalesce(func.sum(OrderLine.quantity - OrderLine.ticked - OrderLine.crossed), 0)).where(
            OrderLine.order_id == order.id
        )
    )
    others = session.scalar(
        select(func.count(Box.id)).where(
            Box.order_id == order.id,
            LIVE_BOX,
            Box.id != box.id,
            Box.sealed_at.is_(None),
            Box.id.in_(select(BoxItem.box_id)),
        )
    )
    return not left and not others


def _copy3_in_box(
    session: Session, db: Database, order: Order, packer: StaffInfo, confirmer: StaffInfo | None, box_number: int
) -> None:
    """Both packers confirm copy 3 (第三联) is in the clear bag inside the box lid; recorded."""
    packers = {
        s.staff_id: s.signer_name
        for s in session.scalars(
            select(Signature).where(
                Signature.order_id == order.id, LIVE_SIGNATURE, Signature.role.in_(("checker", "second_checker"))
            )
        )
    }
    if confirmer is None or {packer.id, confirmer.id} != set(packers):
        raise Copy3NotConfirmed.of(
            Conflict(
                "Customer absent: both packers ({names}) confirm copy 3 is in box {box}.",
                names="、".join(packers.values()),
                box=box_number,
            )
        )
    order.copy3_to = "box"
    audit.record(
        session,
        actor_id=packer.id,
        action="bench.copy3_in_box",
        entity="order",
        entity_id=order.number,
        detail={"box": box_number, "confirmed_by": sorted(packers.values()), "approved_by": confirmer.login_code},
        at=db.now(),
    )


def revise_copy3(
    session: Session, db: Database, packer: StaffInfo, order: Order, context: PrintContext, printer_uri: str | None
) -> bool:
    """The customer's copy printed for checking still lists what was crossed out since: a numbered
    revision with the net lines and total replaces it (in the box, or in the customer's hand).
    Nothing crossed out, or no slip printer given: nothing to print."""
    crossed = session.scalar(
        select(func.coalesce(func.sum(OrderLine.crossed), 0)).where(OrderLine.order_id == order.id)
    )
    if not crossed or printer_uri is None:
        return False
    printing.queue_in_session(
        session, db, packer, context, kind=printing.REVISION, number=order.number, printer_uri=printer_uri
    )
    return True
