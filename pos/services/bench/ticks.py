"""Ticking at the bench (check one, pack one, tick one): scans, hand ticks, undo and cross-out.

Each tick is one short transaction that bumps the line with a conditional update, so two packers
scanning the same order from two stations can never tick more than is on the slip, and a tick is
stored before the screen shows it."""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy import CursorResult, Update, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Box, BoxItem, Order, OrderLine, Product, ProductBarcode, TickEvent
from pos.domain.check import HandTickReason
from pos.domain.codes import parse_scan
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.instore_codes import InStoreRule, decode_instore
from pos.domain.money import Money
from pos.domain.roles import Role
from pos.services import audit
from pos.services.bench.matching import labelled_line, unweighed_line
from pos.services.bench.tick_path import tick_onto
from pos.services.bench.views import LIVE_BOX, BenchBox, BenchLine, RefusedScan, TickResult, _checking
from pos.services.lookup import get_line
from pos.services.staff import StaffInfo, require_role


def _open_box(session: Session, order: Order) -> Box:
    box = session.scalar(
        select(Box).where(Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_(None)).order_by(Box.number.desc())
    )
    if box is None:
        raise Conflict("Every box of order {number} is sealed: open a new box (F8).", number=order.number)
    return box


def _changed(session: Session, statement: Update) -> int:
    """The rows an UPDATE changed. Session.execute() is typed to return a plain Result, which has
    no rowcount; for an UPDATE it is a CursorResult, which has."""
    return cast(CursorResult[Any], session.execute(statement)).rowcount


def _pack(session: Session, box: Box, line: OrderLine, count: int) -> None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    table = BoxItem.__table__
    session.execute(
        insert(table)
        .values(box_id=box.id, order_line_id=line.id, quantity=count)
        .on_conflict_do_update(
            index_elements=[table.c.box_id, table.c.order_line_id], set_={"quantity": table.c.quantity + count}
        )
    )


def _tick_line(
    session: Session,
    db: Database,
    packer: StaffInfo,
    order: Order,
    line: OrderLine,
    count: int,
    *,
    manual: bool,
    station: str,
    command_id: str | None,
    scanned: str,
) -> TickResult:
    box = _open_box(session, order)
    bumped = _changed(
        session,
        update(OrderLine)
        .where(OrderLine.id == line.id, OrderLine.ticked + OrderLine.crossed + count <= OrderLine.quantity)
        .values(ticked=OrderLine.ticked + count, manual_ticks=OrderLine.manual_ticks + (count if manual else 0)),
    )
    if not bumped:
        session.refresh(line)
        raise RefusedScan(
            "{scanned}: line {position}, {code} {name}: all {quantity} are ticked or crossed already.",
            scanned=scanned,
            position=line.position,
            quantity=line.quantity,
            code=line.item_code,
            name=line.name,
        )
    _pack(session, box, line, count)
    session.add(
        TickEvent(
            command_id=command_id or uuid.uuid4().hex,
            order_id=order.id,
            order_line_id=line.id,
            box_id=box.id,
            staff_id=packer.id,
            station=station,
            quantity=count,
            manual=manual,
            created_at=db.now(),
        )
    )
    session.flush()
    return _tick_result(session, order, line.id, box)


def _tick_result(session: Session, order: Order, line_id: int, box: Box) -> TickResult:
    ln = session.get(OrderLine, line_id)
    assert ln is not None
    session.refresh(ln)
    line = BenchLine(
        ln.id,
        ln.position,
        ln.item_code,
        ln.name,
        ln.quantity,
        ln.ticked,
        ln.crossed,
        ln.manual_ticks,
        ln.defective,
        Money(ln.unit_price_fen),
    )
    items = tuple(
        sorted(
            session.execute(
                select(OrderLine.position, OrderLine.item_code, OrderLine.name, BoxItem.quantity)
                .join(BoxItem, BoxItem.order_line_id == OrderLine.id)
                .where(BoxItem.box_id == box.id)
            ).all()
        )
    )
    return TickResult(
        line, BenchBox(box.number, box.sealed_at is not None, tuple((p, c, n, q) for p, c, n, q in items))
    )


@use_case
def tick(
    db: Database,
    packer: StaffInfo | None,
    number: str,
    scanned: str,
    *,
    station: str = "",
    command_id: str | None = None,
    instore_rules: tuple[InStoreRule, ...] = (),
) -> TickResult:
    """A scan at the bench ticks one unit (or QTY*) of the matching line and packs it into the open
    box. A code not on the slip, or beyond what remains, is refused and changes nothing.

    An in-store label (prefix 20-29, read by the station's `instore_rules` as at the counter) ticks
    the line of that very piece: same item and the label's weight or price. The bare item code of
    a weighed item is refused while only weighed pieces of it are left to match: each piece is
    checked by its own label ("点一样，装一样，钩一样": code, price and quantity exactly right)."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    scan = parse_scan(scanned)
    label = decode_instore(scan.code, instore_rules)
    with db.transaction() as session:
        if label is None:
            quick = tick_onto(session, packer.id, number, scan, command_id or uuid.uuid4().hex, station, db.now())
            if quick is not None:
                return quick
        order = _checking(session, number)
        if command_id and session.scalar(select(TickEvent.id).where(TickEvent.command_id == command_id)):
            return _replayed(session, order, command_id)
        # Only the lines the code stands for are read, so a tick costs the same on an order of
        # 2,000 lines as on one of 20.
        product_ids = select(ProductBarcode.product_id).where(ProductBarcode.barcode == scan.code)
        candidates = list(
            session.scalars(
                select(OrderLine)
                .where(
                    OrderLine.order_id == order.id,
                    (OrderLine.item_code == scan.code) | OrderLine.product_id.in_(product_ids),
                )
                .order_by(OrderLine.position)
            )
        )
        if label is not None:
            candidates = [labelled_line(session, order, label, scan)]  # or refused: not on the slip
        if not candidates:
            known = session.execute(
                select(Product.item_code, Product.name)
                .where((Product.item_code == scan.code) | Product.id.in_(product_ids))
                .limit(1)
            ).first()
            if known is not None and known.item_code == scan.code:  # the packer sees what was picked up
                raise RefusedScan(
                    "{code} {name} is not on slip {number}.", code=known.item_code, name=known.name, number=order.number
                )
            if known is not None:  # a barcode: its item code too
                raise RefusedScan(
                    "{scanned}: {code} {name} is not on slip {number}.",
                    scanned=scan.code,
                    code=known.item_code,
                    name=known.name,
                    number=order.number,
                )
            raise RefusedScan("{scanned} is not on slip {number}.", scanned=scan.code, number=order.number)
        line = candidates[0] if label is not None else unweighed_line(session, candidates, scan)
        result = _tick_line(
            session,
            db,
            packer,
            order,
            line,
            scan.quantity,
            manual=False,
            station=station,
            command_id=command_id,
            scanned=scan.code,
        )
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.tick",
            entity="order",
            entity_id=order.number,
            detail={
                "code": line.item_code,
                "quantity": scan.quantity,
                "box": result.box_number,
                **({"position": line.position, "label": scan.code} if label else {}),
            },
            at=db.now(),
        )
        return result


def _replayed(session: Session, order: Order, command_id: str) -> TickResult:
    event = session.scalar(select(TickEvent).where(TickEvent.command_id == command_id))
    assert event is not None
    box = session.get(Box, event.box_id)
    assert box is not None
    return _tick_result(session, order, event.order_line_id, box)


@use_case
def manual_tick(
    db: Database,
    packer: StaffInfo | None,
    number: str,
    position: int,
    count: int,
    *,
    reason: str,
    station: str = "",
    command_id: str | None = None,
) -> TickResult:
    """For an item whose label cannot be scanned: tick `count` units by hand (marked manual), with
    the reason (no label, damaged label, defect), which the audit entry keeps for the area lead.
    A retry with the same command_id (after a lost reply) ticks nothing more: it returns the first result."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    if not 1 <= count <= 9999:
        raise InvalidInput("Quantity must be between 1 and {maximum}.", maximum=9999)
    if reason not in {r.value for r in HandTickReason}:
        raise InvalidInput("Say why the item is ticked by hand.")
    with db.transaction() as session:
        order = _checking(session, number)
        if command_id and session.scalar(select(TickEvent.id).where(TickEvent.command_id == command_id)):
            return _replayed(session, order, command_id)
        line = get_line(session, order, position)
        result = _tick_line(
            session,
            db,
            packer,
            order,
            line,
            count,
            manual=True,
            station=station,
            command_id=command_id,
            scanned=line.item_code,
        )
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.manual_tick",
            entity="order",
            entity_id=order.number,
            detail={
                "position": position,
                "code": line.item_code,
                "quantity": count,
                "box": result.box_number,
                "reason": reason,
            },
            at=db.now(),
        )
        return result
