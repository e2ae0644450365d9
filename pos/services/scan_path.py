"""The scan the counter does most, onto a slip already open, in one read and one write.

Every statement is a round trip to a PostgreSQL server across the shop's network, and on SQLite
each ORM statement costs more than the work it asks for. So the read gathers, with the order's
lock, all a scan needs: the product for the code, the customer's price, the line it may raise, the
last position, the slip's totals and the audit log's head. The write stores the line, its audit
entry and the new head: one statement on PostgreSQL (data-modifying WITH), three on SQLite, where a
statement is a call into the same process.

Anything out of the ordinary (a code to look up as typed, an inactive item, a slip no longer open,
a command already done, a log with no head yet) answers None, and orders.add_scan takes its general
path in the same transaction, so each refusal is worded exactly as it always was.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Row, Select, and_, bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session

from pos.db.database import Reread, reread_on_clash
from pos.db.models import AuditEvent, AuditHead, Customer, Order, OrderLine, Product, ProductBarcode
from pos.domain.codes import Scan
from pos.domain.customers import CustomerType
from pos.domain.orders import lines_editable
from pos.services import audit
from pos.services.scan_results import LineInfo, ScanResult

_orders, _customers, _products = Order.__table__, Customer.__table__, Product.__table__
_lines, _head, _events = OrderLine.__table__, AuditHead.__table__, AuditEvent.__table__


def _read() -> Select[Any]:
    code: BindParameter[str] = bindparam("code")
    by_barcode = select(ProductBarcode.__table__.c.product_id).where(ProductBarcode.__table__.c.barcode == code)
    by_code = _products.alias("by_code")
    product_id = func.coalesce(
        by_barcode.scalar_subquery(), select(by_code.c.id).where(by_code.c.item_code == code).scalar_subquery()
    )
    price = case(
        (_customers.c.customer_type == CustomerType.FRANCHISE.value, _products.c.franchise_price_fen),
        else_=_products.c.wholesale_price_fen,
    )
    same = _lines.alias("same")
    of_order = _lines.c.order_id == _orders.c.id
    left = _lines.c.quantity - _lines.c.crossed
    return (
        select(
            _orders.c.id.label("order_id"),
            _orders.c.number,
            _orders.c.status,
            _products.c.id.label("product_id"),
            _products.c.item_code,
            _products.c.name,
            _products.c.active,
            _products.c.after_sales_note,
            price.label("price"),
            same.c.id.label("same_id"),
            same.c.position.label("same_position"),
            same.c.quantity.label("same_quantity"),
            select(func.max(_lines.c.position)).where(of_order).scalar_subquery().label("last"),
            select(func.coalesce(func.sum(_lines.c.unit_price_fen * left), 0))
            .where(of_order)
            .scalar_subquery()
            .label("total"),
            select(func.coalesce(func.sum(left), 0)).where(of_order).scalar_subquery().label("units"),
            _head.c.seq.label("head_seq"),
            _head.c.hash.label("head_hash"),
            # NULL for no command id: `= NULL` finds nothing
            select(_events.c.seq)
            .where(_events.c.command_id == bindparam("command_id"))
            .scalar_subquery()
            .label("seen"),
        )
        .select_from(_orders)
        .join(_customers, _customers.c.id == _orders.c.customer_id)
        .outerjoin(_products, _products.c.id == product_id)
        .outerjoin(
            same,
            and_(same.c.order_id == _orders.c.id, same.c.product_id == _products.c.id, same.c.unit_price_fen == price),
        )
        .outerjoin(_head, _head.c.id == 1)
        .where(_orders.c.number == bindparam("number"))
        .order_by(same.c.position + 0)
        .limit(1)
        .with_for_update(of=_orders)  # a line's quantity is read, then raised
    )


# Built once: building statements of this size for every scan cost more than running them. Their
# parameters are named apart from every column (see audit.ENTRY).
_READ = _read()
_NEW_LINE = insert(_lines).values(
    {
        name: bindparam(f"line_{name}")
        for name in ("order_id", "position", "product_id", "item_code", "name", "unit_price_fen", "quantity")
    }
    # column defaults are not applied to an INSERT inside WITH (PostgreSQL's one write)
    | {"ticked": 0, "manual_ticks": 0, "crossed": 0, "defective": 0}
)
_RAISED_LINE = (
    update(_lines).where(_lines.c.id == bindparam("line_id")).values(quantity=_lines.c.quantity + bindparam("more"))
)


def _ordinary(row: Row[Any] | None) -> bool:
    return (
        row is not None
        and row.product_id is not None
        and row.active
        and lines_editable(row.status)
        and row.seen is None
        and row.head_seq is not None
    )


def scan_onto(
    session: Session, actor_id: int, number: str, scan: Scan, command_id: str | None, at: datetime
) -> ScanResult | None:
    row = session.execute(
        _READ, {"number": number.strip().upper(), "code": scan.code, "command_id": command_id}
    ).first()
    if row is None or not _ordinary(row):
        return None
    new_line = row.same_id is None
    if new_line:
        position, quantity = (row.last or 0) + 1, scan.quantity
        params: dict[str, Any] = {
            "line_order_id": row.order_id,
            "line_position": position,
            "line_product_id": row.product_id,
            "line_item_code": row.item_code,
            "line_name": row.name,
            "line_unit_price_fen": row.price,
            "line_quantity": quantity,
        }
    else:
        position, quantity = row.same_position, row.same_quantity + scan.quantity
        params = {"line_id": row.same_id, "more": scan.quantity}
    logged = audit.order_entry_after(
        session,
        (row.head_seq, row.head_hash),
        actor_id=actor_id,
        action="order.add_item",
        number=row.number,
        detail={"code": row.item_code, "quantity": scan.quantity, "position": position, "unit_price": row.price},
        at=at,
        command_id=command_id,
    )
    total, count = row.total, row.units
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        one = params | logged | {"order_of_totals": row.order_id}
        total, count = _write_in_one(session, new_line, one, position, quantity)
    else:
        session.execute(_NEW_LINE if new_line else _RAISED_LINE, params)
        session.execute(audit.ENTRY, logged)
        session.execute(audit.head_move(dialect), logged)
    return ScanResult(
        LineInfo(position, row.item_code, row.name, row.price, quantity),
        int(total) + row.price * scan.quantity,
        int(count) + scan.quantity,
        new_line,
        (row.after_sales_note or "").strip(),
        row.number,
    )


@functools.cache
def _one_write(new_line: bool) -> Select[Any]:
    written = (_NEW_LINE if new_line else _RAISED_LINE).returning(_lines.c.position, _lines.c.quantity).cte("line")
    of_order = _lines.c.order_id == bindparam("order_of_totals")
    left = _lines.c.quantity - _lines.c.crossed
    return select(
        select(written.c.position).scalar_subquery(),
        select(written.c.quantity).scalar_subquery(),
        select(func.coalesce(func.sum(_lines.c.unit_price_fen * left), 0)).where(of_order).scalar_subquery(),
        select(func.coalesce(func.sum(left), 0)).where(of_order).scalar_subquery(),
    ).add_cte(written, audit.ENTRY.cte("entry"), audit.head_move("postgresql").cte("head"))


def _write_in_one(
    session: Session, new_line: bool, params: dict[str, Any], position: int, quantity: int
) -> tuple[int, int]:
    """The three writes as one PostgreSQL statement, answering the line as written and the slip's
    totals before it. The read may have waited for the order's lock while another station changed
    the slip, and it saw the slip from before that wait: a new line then takes a position already
    used, and the head may have moved on: a unique key refuses the write and the act runs again. A
    raised line that another station raised or moved meanwhile is caught here."""
    with reread_on_clash():  # a position taken, or the head's next seq
        got_position, got_quantity, total, count = session.execute(_one_write(new_line), params).one()
    if (got_position, got_quantity) != (position, quantity):
        raise Reread()
    return int(total), int(count)
