"""Sales orders at the counter: open an order for a customer, add scanned items, show an order."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Customer, Order, OrderLine
from pos.db.numbering import next_number
from pos.domain.codes import parse_scan
from pos.domain.customers import CustomerType
from pos.domain.errors import Conflict, NotFound
from pos.domain.money import Money
from pos.domain.orders import lines_editable
from pos.domain.roles import Role
from pos.services import audit
from pos.services.catalog import find_product
from pos.services.customers import get_by_number
from pos.services.order_details import describe
from pos.services.staff import StaffInfo, require_role


@dataclass(frozen=True, slots=True)
class LineInfo:
    position: int
    item_code: str
    name: str
    unit_price_fen: int
    quantity: int

    @property
    def amount(self) -> Money:
        return Money(self.unit_price_fen) * self.quantity


def open_order(
    db: Database, actor: StaffInfo | None, customer_number: str, *, station: str = "", command_id: str | None = None
) -> str:
    """Start a sales slip for a customer; returns its number (S20261127-0007). A retry with the same
    command_id (after a lost reply) returns the order the first attempt made instead of a second one."""
    require_role(actor, Role.CASHIER, Role.MANAGER)
    assert actor is not None
    with db.transaction() as session:
        done = audit.command_seen(session, command_id)
        if done is not None:
            return done.entity_id
        customer = get_by_number(session, customer_number)
        number = next_number(session, "order", db.business_day())
        order = Order(number=number, customer_id=customer.id, cashier_id=actor.id, station=station,
                      created_at=db.now())
        session.add(order)
        session.flush()
        audit.record(session, actor_id=actor.id, action="order.open", entity="order", entity_id=number,
                     detail={"customer": customer.number}, at=db.now(), command_id=command_id)
        return number


def add_scan(
    db: Database, actor: StaffInfo | None, order_number: str, scanned: str, *, command_id: str | None = None
) -> LineInfo:
    """Add what a scan stands for: `[QTY*]CODE`. The same code again raises the line's quantity.
    Refuses unknown or inactive items and orders whose slip is already printed. A retried scan
    (same command_id) is counted once."""
    require_role(actor, Role.CASHIER, Role.MANAGER)
    assert actor is not None
    scan = parse_scan(scanned)
    with db.transaction() as session:
        order = _get_order(session, order_number)
        done = audit.command_seen(session, command_id)
        if done is not None:
            position = json.loads(done.detail)["position"]
            line = next(ln for ln in order.lines if ln.position == position)
            return LineInfo(line.position, line.item_code, line.name, line.unit_price_fen, line.quantity)
        if not lines_editable(order.status):
            raise Conflict(
                "Order {number} is {status}: its lines can no longer change.",
                number=order.number,
                status=order.status,
            )
        product = find_product(session, scan.code)
        if product is None:
            raise NotFound("No item with code {code}.", code=scan.code)
        if not product.active:
            raise Conflict("Item {code} {name} is no longer sold.", code=product.item_code, name=product.name)
        customer = session.get(Customer, order.customer_id)
        assert customer is not None
        price = (
            product.franchise_price_fen
            if customer.customer_type == CustomerType.FRANCHISE
            else product.wholesale_price_fen
        )
        line = next((ln for ln in order.lines if ln.product_id == product.id and ln.unit_price_fen == price), None)
        if line is None:
            line = OrderLine(
                position=len(order.lines) + 1, product_id=product.id, item_code=product.item_code,
                name=product.name, unit_price_fen=price, quantity=scan.quantity,
            )
            order.lines.append(line)
        else:
            line.quantity += scan.quantity
        session.flush()
        audit.record(session, actor_id=actor.id, action="order.add_item", entity="order",
                     entity_id=order.number,
                     detail={"code": product.item_code, "quantity": scan.quantity, "position": line.position},
                     at=db.now(), command_id=command_id)
        return LineInfo(line.position, line.item_code, line.name, line.unit_price_fen, line.quantity)


def _get_order(session: Session, number: str) -> Order:
    order = session.scalar(select(Order).where(Order.number == number.strip().upper()))
    if order is None:
        raise NotFound("No order with number {number}.", number=number)
    return order


def order_details(db: Database, number: str) -> dict:
    """Everything about one order as plain JSON-ready data (for `pos order show --json`)."""
    with db.transaction() as session:
        return describe(session, _get_order(session, number))

