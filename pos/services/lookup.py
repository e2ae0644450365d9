"""Finding stored things by the numbers people read off paper."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models import Customer, Order, OrderLine, ReturnSlip
from pos.domain.errors import NotFound


def get_order(session: Session, number: str, *, lock: bool = False) -> Order:
    """The order with this slip number (typed or scanned; case and spaces forgiven), or NotFound.
    `lock` holds the row until commit, for changes two stations might make at once."""
    query = select(Order).where(Order.number == (number or "").strip().upper())
    if lock:
        # populate_existing: an order read earlier in this transaction is refreshed from the locked row
        query = query.with_for_update().execution_options(populate_existing=True)
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


# Locks are taken in one order everywhere, so two acts never wait on each other in a circle:
# the order, then its customer, then its return slip (and the audit head last, when appending).


def lock_customer(session: Session, customer_id: int) -> Customer:
    """The customer row, held until commit: balances change only under this lock."""
    customer = session.scalar(
        select(Customer).where(Customer.id == customer_id).with_for_update().execution_options(populate_existing=True)
    )
    assert customer is not None
    return customer


def lock_return_slip(session: Session, number: str) -> ReturnSlip:
    """The return slip with this number and its order, both held until commit (order first), or
    NotFound."""
    number = (number or "").strip().upper()
    order_id = session.scalar(select(ReturnSlip.order_id).where(ReturnSlip.number == number))
    if order_id is None:
        raise NotFound("No return slip with number {number}.", number=number)
    session.scalar(select(Order.id).where(Order.id == order_id).with_for_update())
    slip = session.scalar(
        select(ReturnSlip)
        .where(ReturnSlip.number == number)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert slip is not None
    session.expire(slip, ["signatures", "lines"])  # collections read before the lock are read again
    return slip
