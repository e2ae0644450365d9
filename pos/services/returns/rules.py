"""What the return rules need to know: where the goods went (delivery) and a franchise customer's
return allowance over the contract's dates."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Customer, Order, OrderLine, ReturnLine, ReturnSlip, Shipment
from pos.domain.errors import NotFound
from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.domain.return_slips import ReturnSlipStatus
from pos.domain.returns import COLLECTED, ON_SITE, SHIPPED, Allowance
from pos.domain.times import day_start
from pos.services.returns.slips import CROSSED_AT_BENCH


def delivery(session: Session, order: Order) -> str:
    """Has the customer left with the goods, and how: still here (the order is not settled),
    collected in person, or shipped."""
    if order.status != OrderStatus.SETTLED:
        return ON_SITE
    shipped = (
        order.customer_mode == "absent"
        or session.scalar(select(Shipment.id).where(Shipment.order_id == order.id).limit(1)) is not None
    )
    return SHIPPED if shipped else COLLECTED


def _allowance(session: Session, customer: Customer) -> Allowance:
    """Over the contract's own dates: net goods (lines of orders settled in the period, less goods
    returned by slips that took effect in it) and what was returned against the allowance (slips
    made in the period, not set aside, defects aside; units crossed out at the bench never left
    the shop and are not a return against the contract). Payments play no part."""
    if customer.contract_start is None or customer.contract_end is None:
        return Allowance(customer.return_ratio_permille, Money(0), Money(0), has_contract=False)
    since, until = day_start(customer.contract_start), day_start(customer.contract_end + timedelta(days=1))
    orders = select(Order.id).where(Order.customer_id == customer.id)
    sold = (
        session.scalar(
            select(func.coalesce(func.sum(OrderLine.quantity * OrderLine.unit_price_fen), 0))
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.customer_id == customer.id, Order.settled_at >= since, Order.settled_at < until)
        )
        or 0
    )
    returned_lines = (
        select(func.coalesce(func.sum(ReturnLine.quantity * ReturnLine.unit_price_fen), 0))
        .join(ReturnSlip, ReturnSlip.id == ReturnLine.return_slip_id)
        .where(ReturnSlip.order_id.in_(orders))
    )
    returned = (
        session.scalar(
            returned_lines.where(
                ReturnSlip.status == ReturnSlipStatus.COMPLETE,
                ReturnSlip.completed_at >= since,
                ReturnSlip.completed_at < until,
            )
        )
        or 0
    )
    used = (
        session.scalar(
            returned_lines.where(
                ReturnSlip.status != ReturnSlipStatus.VOID,
                ReturnSlip.refund_method != CROSSED_AT_BENCH,
                ReturnLine.reason != "defective",
                ReturnSlip.created_at >= since,
                ReturnSlip.created_at < until,
            )
        )
        or 0
    )
    return Allowance(customer.return_ratio_permille, Money(int(sold) - int(returned)), Money(int(used)))


def allowance(db: Database, customer_number: str) -> Allowance:
    with db.transaction() as session:
        customer = session.scalar(select(Customer).where(Customer.number == customer_number))
        if customer is None:
            raise NotFound("No customer with number {number}.", number=customer_number)
        return _allowance(session, customer)
