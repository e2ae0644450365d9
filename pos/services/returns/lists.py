"""Lists for the returns screen: return slips, past orders to return from, stock movements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import func, select

from pos.db.database import Database
from pos.db.models import Customer, Order, Product, ReturnSlip, StockMovement
from pos.domain.orders import OrderStatus
from pos.domain.times import local_text
from pos.services.customers import search as customer_search
from pos.services.returns.slips import ROLES


@dataclass(frozen=True)
class SlipSummary:
    number: str
    order_number: str
    customer_name: str
    status: str
    total_fen: int
    missing: tuple[str, ...]
    created_at: str


def list_slips(
    db: Database, *, status: str = "", today_only: bool = False, customer: str = "", limit: int = 200
) -> list[SlipSummary]:
    """The returns screen: filter by state (awaiting signatures...), today, customer name/number."""
    with db.transaction() as session:
        query = (
            select(ReturnSlip, Order.number, Customer.name)
            .join(Order, Order.id == ReturnSlip.order_id)
            .join(Customer, Customer.id == Order.customer_id)
            .order_by(ReturnSlip.id.desc())
            .limit(limit)
        )
        if status:
            query = query.where(ReturnSlip.status == status)
        if today_only:
            midnight = datetime.combine(db.business_day(), time.min).astimezone(UTC).replace(tzinfo=None)
            query = query.where(ReturnSlip.created_at >= midnight)
        text = customer.strip()
        if text:
            query = query.where((Customer.name.contains(text, autoescape=True)) | (Customer.number == text.upper()))
        out = []
        for slip, order_number, name in session.execute(query).all():
            signed = {s.role for s in slip.signatures}
            out.append(
                SlipSummary(
                    slip.number,
                    order_number,
                    name,
                    slip.status,
                    sum(rl.unit_price_fen * rl.quantity for rl in slip.lines),
                    tuple(r for r in ROLES if r not in signed),
                    local_text(slip.created_at, "%m-%d %H:%M"),
                )
            )
        return out


@dataclass(frozen=True)
class PastOrder:
    number: str
    customer_name: str
    created_at: str
    status: str

    @property
    def settled(self) -> bool:
        return self.status == OrderStatus.SETTLED


def past_orders(db: Database, query: str, *, limit: int = 30) -> list[PastOrder]:
    """Orders to return from, found by customer (phone, name, pinyin, number), newest first."""
    found = customer_search(db, query, limit=10)
    if not found:
        return []
    with db.transaction() as session:
        rows = session.execute(
            select(Order.number, Customer.name, Order.created_at, Order.status)
            .join(Customer, Customer.id == Order.customer_id)
            .where(Customer.number.in_([c.number for c in found]), Order.status != OrderStatus.VOIDED)
            .order_by(Order.id.desc())
            .limit(limit)
        ).all()
        return [PastOrder(n, c, local_text(t, "%Y-%m-%d"), st) for n, c, t, st in rows]


def stock_movement(db: Database, item_code: str) -> int:
    """Net units in (+) or out (-) of stock for a product, from sales and returns that took effect."""
    with db.transaction() as session:
        product = select(Product.id).where(Product.item_code == item_code).scalar_subquery()
        value = session.scalar(
            select(func.coalesce(func.sum(StockMovement.quantity), 0)).where(StockMovement.product_id == product)
        )
        return int(value or 0)
