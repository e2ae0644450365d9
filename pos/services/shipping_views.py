"""What the shipping screen lists: the orders the bench has finished whose boxes are still to be
handed to a carrier. Read only; recording a shipment is pos.services.shipping."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select

from pos.db.database import Database
from pos.db.models import Box, Customer, Order, ShipmentBox
from pos.domain.errors import Conflict
from pos.domain.orders import OrderStatus, check_finished
from pos.domain.shipping import PICKUP, ShippingState, shipping_state
from pos.domain.times import local_text
from pos.services.lookup import get_order
from pos.services.shipping import shipped_box_ids


@dataclass(frozen=True)
class ReadyOrder:
    number: str
    customer_name: str
    phone: str
    send_by: str  # the carrier the customer asked for ("" if nobody asked, on orders from before)
    boxes: int
    shipped_boxes: int
    settled: bool
    finished_at: str  # when the bench finished it, shop time
    still_here: tuple[int, ...] = ()  # numbers of the boxes not shipped yet (read for one order)
    freight_collected_fen: int = 0  # freight the customer paid us with the order (read for one order)

    @property
    def state(self) -> ShippingState:
        return shipping_state(self.send_by, self.boxes, self.shipped_boxes)


def _query(*where: ColumnElement[bool]) -> Select[Any]:
    live = Box.discarded_at.is_(None)
    boxes = select(func.count(Box.id)).where(Box.order_id == Order.id, live).correlate(Order).scalar_subquery()
    shipped = (
        select(func.count(ShipmentBox.id))
        .join(Box, Box.id == ShipmentBox.box_id)
        .where(Box.order_id == Order.id, live)
        .correlate(Order)
        .scalar_subquery()
    )
    finished = func.coalesce(Order.checked_at, Order.settled_at, Order.created_at)
    return (
        select(Order.number, Customer.name, Customer.phone, Order.send_by, boxes, shipped, Order.status, finished)
        .join(Customer, Customer.id == Order.customer_id)
        .where(Order.status.in_((OrderStatus.CHECKED, OrderStatus.SETTLED)), boxes > shipped, *where)
        .order_by(finished, Order.id)
    )


def _ready(row: Row[Any]) -> ReadyOrder:
    number, name, phone, send_by, count, sent, status, at = tuple(row)
    settled = status == OrderStatus.SETTLED
    return ReadyOrder(number, name, phone, send_by, count, sent, settled, local_text(at, "%m-%d %H:%M"))


def ready_to_ship(db: Database, *, limit: int = 200) -> list[ReadyOrder]:
    """Checked or settled orders with boxes to go by a carrier, not every box shipped: oldest
    first, because the standard wants them out the same day or the next. (An order whose way of
    sending was never asked, from before the bench asked it, is found by scanning a box label.)"""
    with db.read() as session:
        return [_ready(row) for row in session.execute(_query(Order.send_by.not_in(("", PICKUP))).limit(limit))]


def to_ship(db: Database, number: str) -> ReadyOrder:
    """One order about to be shipped (a box label or slip scanned at the shipping screen), or why not."""
    with db.read() as session:
        order = get_order(session, number)
        row = session.execute(_query(Order.id == order.id)).first()
        if row is not None:
            shipped = shipped_box_ids(session, order)
            here = tuple(sorted(b.number for b in order.boxes if b.id not in shipped))
            return replace(_ready(row), still_here=here, freight_collected_fen=order.shipping_fee_fen)
        if not check_finished(order.status) or not order.boxes:
            raise Conflict(
                "Order {number} is not packed yet: ship it once the bench has checked it.", number=order.number
            )
        raise Conflict("Every box of order {number} has been shipped.", number=order.number)
