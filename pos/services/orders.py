"""Sales orders at the counter: open an order for a customer, add scanned items, show an order."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import AuditEvent, Customer, Order, OrderLine, Product
from pos.db.numbering import next_number
from pos.domain.codes import LARGE_QUANTITY, Scan, parse_scan
from pos.domain.customers import CustomerType
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.instore_codes import InStoreCode, InStoreRule, decode_instore, weighed_name
from pos.domain.orders import lines_editable
from pos.domain.roles import Role
from pos.services import audit
from pos.services.catalog import find_product
from pos.services.customers import get_by_number
from pos.services.lookup import get_order
from pos.services.order_details import describe
from pos.services.scan_path import scan_onto
from pos.services.scan_results import LineInfo, ScanResult
from pos.services.staff import StaffInfo, require_role


def open_order(
    db: Database, actor: StaffInfo | None, customer_number: str, *, station: str = "", command_id: str | None = None
) -> str:
    """Start an empty sales slip for a customer; returns its number (S20261127-0007). A retry with the same
    command_id (after a lost reply) returns the order the first attempt made instead of a second one.
    The counter does not use it: its first scan opens the slip (add_scan without an order number)."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        return _opened(session, db, actor, customer_number, station, command_id).number


def _opened(
    session: Session, db: Database, actor: StaffInfo, customer_number: str, station: str, command_id: str | None
) -> Order:
    """The slip opened under command_id, or a new one. The number comes from the day counter inside
    the caller's transaction, so a refused act rolls it back and the day's sequence keeps no gap."""
    done = audit.command_seen(session, command_id)
    if done is not None:
        return get_order(session, done.entity_id)
    customer = get_by_number(session, customer_number)
    number = next_number(session, "order", db.business_day())
    order = Order(number=number, customer_id=customer.id, cashier_id=actor.id, station=station, created_at=db.now())
    session.add(order)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        action="order.open",
        entity="order",
        entity_id=number,
        detail={"customer": customer.number},
        at=db.now(),
        command_id=command_id,
    )
    return order


@use_case
def add_scan(
    db: Database,
    actor: StaffInfo | None,
    order_number: str | None,
    scanned: str,
    *,
    command_id: str | None = None,
    instore_rules: tuple[InStoreRule, ...] = (),
    large_quantity_confirmed: bool = False,
    customer_number: str | None = None,
    station: str = "",
    open_command_id: str | None = None,
) -> ScanResult:
    """Add what a scan stands for: `[QTY*]CODE`. The same code again raises the line's quantity.
    In-store codes (prefix 20-29) carrying a price or weight are read by `instore_rules`: each
    becomes a line of its own at the embedded price (weight x price per gram).
    Refuses unknown or inactive items and orders whose slip is already printed; a refused scan
    changes nothing. A retried scan (same command_id) is counted once. A quantity of
    LARGE_QUANTITY or more is refused unless the caller has had it confirmed: a scan cannot ask,
    so the cashier scans once and sets the count with F4, which does.

    Without an order number the scan is the slip's first: it opens a slip for `customer_number` at
    `station` and adds the line in the same transaction, so a refused first scan leaves no order and
    uses no number of the day's sequence. Every first scan sent before the slip's number came back
    carries the same `open_command_id` (made once when the slip is started) and lands on the slip
    the first of them opened, never on a second one.

    Kept to a handful of indexed queries: it runs on every scan of a slip of hundreds of lines."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if order_number is None and not customer_number:
        raise InvalidInput("Choose the customer before the first scan of a slip.")
    scan = parse_scan(scanned)
    if scan.quantity >= LARGE_QUANTITY and not large_quantity_confirmed:
        raise InvalidInput(
            "{quantity} × {code}: a quantity of {large} or more must be confirmed. Scan the item once, "
            "then set the quantity with F4.",
            quantity=scan.quantity,
            code=scan.code,
            large=LARGE_QUANTITY,
        )
    embedded = decode_instore(scan.code, instore_rules)
    # Another first scan of this slip may open it at the same moment (PostgreSQL, two connections)
    # and take open_command_id: ours then fails on the unique id and rolls back with its number, and
    # use_case runs it once more, when it finds that slip.
    return _add_scan(
        db, actor, order_number, scan, embedded, command_id, customer_number or "", station, open_command_id
    )


def _add_scan(
    db: Database,
    actor: StaffInfo,
    order_number: str | None,
    scan: Scan,
    embedded: InStoreCode | None,
    command_id: str | None,
    customer_number: str,
    station: str,
    open_command_id: str | None,
) -> ScanResult:
    with db.transaction() as session:
        if order_number is not None and embedded is None:
            quick = scan_onto(session, actor.id, order_number, scan, command_id, db.now())
            if quick is not None:
                return quick
        done = audit.command_seen(session, command_id)
        if done is not None:
            order = get_order(session, done.entity_id)
            position = json.loads(done.detail)["position"]
            line = session.scalar(
                select(OrderLine).where(OrderLine.order_id == order.id, OrderLine.position == position)
            )
            assert line is not None
            note = session.scalar(select(Product.after_sales_note).where(Product.id == line.product_id)) or ""
            return _result(session, order, line, new_line=False, note=note)
        if order_number is None:
            order = _opened(session, db, actor, customer_number, station, open_command_id)
        else:
            order = get_order(session, order_number, lock=True)  # a line's quantity is read, then raised
        if not lines_editable(order.status):
            raise Conflict(
                "Order {number} is {status}: its lines can no longer change.", number=order.number, status=order.status
            )
        product = find_product(session, embedded.item if embedded else scan.code)
        if product is None and embedded is None and scan.typed != scan.code:
            product = find_product(session, scan.typed)  # a code kept in lower case in the catalog
        if product is None:
            raise NotFound("No item with code {code}.", code=scan.code)
        if not product.active:
            raise Conflict("Item {code} {name} is no longer sold.", code=product.item_code, name=product.name)
        customer_type = session.scalar(select(Customer.customer_type).where(Customer.id == order.customer_id))
        price = product.franchise_price_fen if customer_type == CustomerType.FRANCHISE else product.wholesale_price_fen
        name = product.name
        if embedded is not None:
            price, name = _embedded_price(embedded, price, name)
        line = None
        if embedded is None:
            line = session.scalar(
                select(OrderLine).where(
                    OrderLine.order_id == order.id,
                    OrderLine.product_id == product.id,
                    OrderLine.unit_price_fen == price,
                )
            )
        new_line = line is None
        if line is None:
            last = session.scalar(select(func.max(OrderLine.position)).where(OrderLine.order_id == order.id)) or 0
            line = OrderLine(
                order_id=order.id,
                position=last + 1,
                product_id=product.id,
                item_code=product.item_code,
                name=name,
                unit_price_fen=price,
                quantity=scan.quantity,
            )
            session.add(line)
        else:
            line.quantity += scan.quantity
        session.flush()
        audit.record(
            session,
            actor_id=actor.id,
            action="order.add_item",
            entity="order",
            entity_id=order.number,
            detail={
                "code": product.item_code,
                "quantity": scan.quantity,
                "position": line.position,
                "unit_price": line.unit_price_fen,
            },
            at=db.now(),
            command_id=command_id,
        )
        return _result(session, order, line, new_line=new_line, note=product.after_sales_note)


def _embedded_price(code: InStoreCode, unit_price: int, name: str) -> tuple[int, str]:
    if code.kind == "price":
        return code.value, name
    # weight-priced items keep their price per gram in the catalog
    amount = (code.grams * unit_price).quantize(Decimal(1), ROUND_HALF_UP)
    return int(amount), weighed_name(name, code.grams)


def line_info(line: OrderLine) -> LineInfo:
    return LineInfo(line.position, line.item_code, line.name, line.unit_price_fen, line.quantity)


def _result(session: Session, order: Order, line: OrderLine, *, new_line: bool, note: str = "") -> ScanResult:
    total, count = session.execute(
        select(
            func.coalesce(func.sum(OrderLine.unit_price_fen * (OrderLine.quantity - OrderLine.crossed)), 0),
            func.coalesce(func.sum(OrderLine.quantity - OrderLine.crossed), 0),
        ).where(OrderLine.order_id == order.id)
    ).one()
    return ScanResult(line_info(line), int(total), int(count), new_line, (note or "").strip(), order.number)


def list_prices(session: Session, order: Order) -> dict[int, int]:
    """Lines whose unit price a manager changed (counter.override_price): position -> the price
    before the first change. The audit log is the record of an override; a line changed back to
    its first price is not listed."""
    events = session.scalars(
        select(AuditEvent.detail)
        .where(
            AuditEvent.action == "order.override_price",
            AuditEvent.entity == "order",
            AuditEvent.entity_id == order.number,
        )
        .order_by(AuditEvent.seq)
    )
    first: dict[int, int] = {}
    for detail in events:
        change = json.loads(detail)
        first.setdefault(int(change["position"]), int(change["from"]))
    now = {line.position: line.unit_price_fen for line in order.lines}
    return {position: price for position, price in first.items() if position in now and now[position] != price}


def order_details(db: Database, number: str) -> dict[str, Any]:
    """Everything about one order as plain JSON-ready data (for `pos order show --json`)."""
    with db.read() as session:
        return describe(session, get_order(session, number))
