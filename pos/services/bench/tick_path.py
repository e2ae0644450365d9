"""The tick the bench does most, a scanned code with units left on the slip, in one read and one
write (as the counter's scan, pos.services.scan_path, and for the same reasons).

The read gathers, with the order's lock: the first line of the code with room for the units, the
open box and what it holds, whether the code also stands for a weighed piece, and the audit log's
head; nothing summed over the order's lines, so a tick costs the same on a long order. The write
ticks the line (only if the units still fit), packs the box, records the tick event and the audit
entry and moves the head: one statement on PostgreSQL, five on SQLite.

Anything out of the ordinary (an in-store label, a weighed piece, no line with room, no open box,
an order not being checked, a command already done) answers None, and ticks.tick takes its
general path in the same transaction, so each refusal is worded as it always was.
"""

from __future__ import annotations

import functools
import json
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, bindparam, exists, func, insert, or_, select, union_all, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.db.database import Reread, reread_on_clash
from pos.db.models import AuditEvent, AuditHead, Box, BoxItem, Order, OrderLine, ProductBarcode, TickEvent
from pos.domain.codes import Scan
from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.services import audit
from pos.services.bench.views import BenchBox, BenchLine, TickResult

_orders, _lines, _boxes, _items = Order.__table__, OrderLine.__table__, Box.__table__, BoxItem.__table__
_head, _events, _ticks = AuditHead.__table__, AuditEvent.__table__, TickEvent.__table__
# the line's columns a BenchLine shows
BENCH_LINE = (
    "id",
    "position",
    "item_code",
    "name",
    "quantity",
    "ticked",
    "crossed",
    "manual_ticks",
    "defective",
    "unit_price_fen",
)


def _of_the_code(lines: Any, *where: Any) -> list[Select[Any]]:  # noqa: ANN401 - column expressions
    """The order's lines of the scanned code, by item code and by barcode: two selects, each on
    its index, not one OR that the planner answers by reading every line of the order."""
    barcodes = ProductBarcode.__table__
    by_barcode = select(barcodes.c.product_id).where(barcodes.c.barcode == bindparam("code"))
    order = lines.c.order_id == _THE_ORDER
    return [
        select(lines.c.id, lines.c.position).where(order, lines.c.item_code == bindparam("code"), *where),
        select(lines.c.id, lines.c.position).where(order, lines.c.product_id.in_(by_barcode), *where),
    ]


_THE_ORDER = select(_orders.c.id).where(_orders.c.number == bindparam("number")).scalar_subquery()


def _open_box(order_id: Any) -> Any:  # noqa: ANN401 - column expressions
    """The box a tick packs into: the last one in use and not sealed."""
    return (
        select(_boxes.c.id)
        .where(_boxes.c.order_id == order_id, _boxes.c.discarded_at.is_(None), _boxes.c.sealed_at.is_(None))
        .order_by(_boxes.c.number.desc())
        .limit(1)
        .scalar_subquery()
    )


@functools.cache
def _read(dialect: str) -> Select[Any]:
    line, candidate = _lines.alias("line"), _lines.alias("candidate")
    room = candidate.c.quantity - candidate.c.ticked - candidate.c.crossed >= bindparam("units")
    candidates = union_all(*_of_the_code(candidate, room)).subquery()
    first = select(candidates.c.id).order_by(candidates.c.position).limit(1).scalar_subquery()
    other = _lines.alias("other")
    # a line named with a weight ("…12.5g") may be a weighed piece, ticked only by its own label
    weighed = or_(*(of_code.exists() for of_code in _of_the_code(other, other.c.name.like("%g"))))
    box = _boxes.alias("box")
    packed = _lines.alias("packed")
    fields = (packed.c.position, packed.c.item_code, packed.c.name, _items.c.quantity)
    contents = (
        func.json_agg(func.json_build_array(*fields))
        if dialect == "postgresql"
        else func.json_group_array(func.json_array(*fields))
    )
    in_box = (
        select(contents)
        .select_from(_items.join(packed, packed.c.id == _items.c.order_line_id))
        .where(_items.c.box_id == box.c.id)
        .scalar_subquery()
    )
    return (
        select(
            _orders.c.id.label("order_id"),
            _orders.c.number,
            _orders.c.status,
            *(line.c[name] for name in BENCH_LINE),
            weighed.label("weighed"),
            box.c.id.label("box_id"),
            box.c.number.label("box_number"),
            in_box.label("in_box"),
            _head.c.seq.label("head_seq"),
            _head.c.hash.label("head_hash"),
            exists().where(_ticks.c.command_id == bindparam("command_id")).label("seen"),
        )
        .select_from(_orders)
        .outerjoin(line, line.c.id == first)
        .outerjoin(box, box.c.id == _open_box(_orders.c.id))
        .outerjoin(_head, _head.c.id == 1)
        .where(_orders.c.number == bindparam("number"))
        .with_for_update(of=_orders)  # two packers on one order take turns
    )


# Built once (see scan_path); parameters named apart from every column (see audit.ENTRY).
_TICKED = (
    update(_lines)
    .where(
        _lines.c.id == bindparam("line_id"),
        _lines.c.ticked + _lines.c.crossed + bindparam("units") <= _lines.c.quantity,
    )
    .values(ticked=_lines.c.ticked + bindparam("units"))
)
_TICK_EVENT = insert(_ticks).values(
    {
        name: bindparam(f"tick_{name}")
        for name in (
            "command_id",
            "order_id",
            "order_line_id",
            "box_id",
            "staff_id",
            "station",
            "quantity",
            "created_at",
        )
    }
    | {"manual": False}
)


@functools.cache
def _packed(dialect: str) -> Any:  # noqa: ANN401 - the dialect's INSERT … ON CONFLICT
    upsert = (pg_insert if dialect == "postgresql" else sqlite_insert)(_items)
    return upsert.values(
        box_id=bindparam("into_box"), order_line_id=bindparam("line_id"), quantity=bindparam("units")
    ).on_conflict_do_update(
        index_elements=[_items.c.box_id, _items.c.order_line_id],
        set_={"quantity": _items.c.quantity + upsert.excluded.quantity},
    )


def _ordinary(row: Row[Any] | None) -> bool:
    return (
        row is not None
        and row.status == OrderStatus.CHECKING
        and row.id is not None
        and not row.weighed
        and row.box_id is not None
        and not row.seen
        and row.head_seq is not None
    )


def tick_onto(
    session: Session, staff_id: int, number: str, scan: Scan, command_id: str, station: str, at: datetime
) -> TickResult | None:
    dialect = session.get_bind().dialect.name
    params = {"number": number.strip().upper(), "code": scan.code, "units": scan.quantity, "command_id": command_id}
    row = session.execute(_read(dialect), params).first()
    if row is None or not _ordinary(row):
        return None
    logged = audit.order_entry_after(
        session,
        (row.head_seq, row.head_hash),
        actor_id=staff_id,
        action="bench.tick",
        number=row.number,
        detail={"code": row.item_code, "quantity": scan.quantity, "box": row.box_number},
        at=at,
    )
    line = {"line_id": row.id, "units": scan.quantity, "into_box": row.box_id}
    event = {
        "tick_command_id": command_id,
        "tick_order_id": row.order_id,
        "tick_order_line_id": row.id,
        "tick_box_id": row.box_id,
        "tick_staff_id": staff_id,
        "tick_station": station,
        "tick_quantity": scan.quantity,
        "tick_created_at": at,
    }
    if dialect == "postgresql":
        _write_in_one(session, line | event | logged, row.ticked + scan.quantity)
    else:
        session.execute(_TICKED, line)  # the order's lock is held since the read: the units still fit
        session.execute(_packed(dialect), line)
        session.execute(_TICK_EVENT, event)
        session.execute(audit.ENTRY, logged)
        session.execute(audit.head_move(dialect), logged)
    return _result(row, scan.quantity)


@functools.cache
def _one_write() -> Select[Any]:
    ticked = _TICKED.returning(_lines.c.ticked).cte("ticked")
    still_open = _open_box(bindparam("tick_order_id"))
    return select(select(ticked.c.ticked).scalar_subquery(), still_open == bindparam("into_box")).add_cte(
        ticked,
        _packed("postgresql").cte("packed"),
        _TICK_EVENT.cte("tick_event"),
        audit.ENTRY.cte("entry"),
        audit.head_move("postgresql").cte("head"),
    )


def _write_in_one(session: Session, params: dict[str, Any], ticked: int) -> None:
    """The five writes as one PostgreSQL statement. The read may have waited for the order's lock
    while the other packer ticked, sealed or opened a box, and saw the order from before: then
    the line's count or the open box is not what was read, or the audit head moved on (a unique
    key refuses the entry), and the act runs again."""
    with reread_on_clash():  # the head's next seq taken
        got, box_still_open = session.execute(_one_write(), params).one()
    if got != ticked or not box_still_open:
        raise Reread()


def _result(row: Row[Any], units: int) -> TickResult:
    line = BenchLine(
        row.id,
        row.position,
        row.item_code,
        row.name,
        row.quantity,
        row.ticked + units,
        row.crossed,
        row.manual_ticks,
        row.defective,
        Money(row.unit_price_fen),
    )
    held = row.in_box if not isinstance(row.in_box, str) else json.loads(row.in_box)
    items = {int(p): (int(p), c, n, int(q)) for p, c, n, q in held or []}
    before = items.get(row.position, (row.position, row.item_code, row.name, 0))
    items[row.position] = (*before[:3], before[3] + units)
    return TickResult(line, BenchBox(row.box_number, False, tuple(sorted(items.values()))))
