"""Finding stored things by the numbers people read off paper."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models import Order, OrderLine
from pos.domain.errors import NotFound


def get_order(session: Session, number: str, *, lock: bool = False) -> Order:
    """The order with this slip number (typed or scanned; case and spaces forgiven), or NotFound.
    `lock` holds the row until commit, for changes two stations might make at once."""
    query = select(Order).where(Order.number == (number or "").strip().upper())
    if lock:
        query = query.with_for_update()
    order = session.scalar(query)
    if order is None:
        raise NotFound("No order with number {number}.", number=number)
    return order


def get_line(session: Session, order: Order, position: int) -> OrderLine:
    """Line `position` of the order (the number shown beside it), or NotFound."""
    line = session.scalar(select(OrderLine).where(OrderLine.order_id == order.id, OrderLine.position == position))
    if line is None:
        raise NotFound("Order {number} has no line {position}.", number=order.number, position=position)
    return line
