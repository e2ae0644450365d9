"""What the settlement counter shows: the slip on screen, the orders waiting to be settled and the
slips set aside unprinted. Read only; the acts that change them are in pos.services.counter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from pos.db.database import Database
from pos.db.models import Customer, Order, OrderLine
from pos.domain.orders import OrderStatus, check_finished
from pos.domain.times import local_text
from pos.services.customers import CustomerInfo
from pos.services.customers import info as customer_info
from pos.services.lookup import get_order
from pos.services.orders import list_prices
from pos.services.shipping import order_state


@dataclass(frozen=True, slots=True)
class LineView:
    position: int
    item_code: str
    name: str
    unit_price_fen: int
    quantity: int
    crossed: int = 0
    defective: int = 0
    ticked: int = 0
    list_price_fen: int | None = None  # the price before a manager changed it (改价), else None

    @property
    def amount_fen(self) -> int:
        return self.unit_price_fen * (self.quantity - self.crossed)


@dataclass(frozen=True)
class OrderView:
    number: str
    status: str
    customer: CustomerInfo
    lines: tuple[LineView, ...]
    send_by: str = ""  # "pickup", a carrier, or "" (not asked yet)
    shipping: str = ""  # ShippingState once the bench is done with the order, else ""
    source: str = "counter"  # where it was taken (pos.domain.remote.Source): a remote one is paid first

    @property
    def settled(self) -> bool:
        return self.status == OrderStatus.SETTLED

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def item_count(self) -> int:
        return sum(line.quantity - line.crossed for line in self.lines)


def _view(session: Session, order: Order) -> OrderView:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    changed = list_prices(session, order)
    lines = tuple(
        LineView(
            ln.position,
            ln.item_code,
            ln.name,
            ln.unit_price_fen,
            ln.quantity,
            ln.crossed,
            ln.defective,
            ln.ticked,
            changed.get(ln.position),
        )
        for ln in order.lines
    )
    shipping = order_state(session, order) if check_finished(order.status) else ""
    return OrderView(order.number, order.status, customer_info(customer), lines, order.send_by, shipping, order.source)


def order_view(db: Database, number: str) -> OrderView:
    with db.read() as session:
        return _view(session, get_order(session, number))


def last_open_order(db: Database, station: str) -> str | None:
    """The slip this station was working on, so a restart comes back to it."""
    with db.read() as session:
        return session.scalar(
            select(Order.number)
            .where(Order.station == station, Order.status == OrderStatus.OPEN)
            .order_by(Order.id.desc())
            .limit(1)
        )


@dataclass(frozen=True)
class ReadyOrder:
    number: str
    customer_name: str
    checked_at: str  # or when the payment notice went out
    awaiting_transfer: bool = False


def ready_to_settle(db: Database, limit: int = 20) -> list[ReadyOrder]:
    """Orders the bench has finished checking and nobody has settled yet, oldest first: the counter
    shows them so no customer leaves unpaid (注意客户是否买单). Then remote orders waiting for their
    transfer, so the cashier finds the one whose money just came in."""
    with db.read() as session:

        def oldest(
            status: OrderStatus, since: InstrumentedAttribute[datetime | None]
        ) -> list[tuple[str, str, datetime | None]]:
            found = session.execute(
                select(Order.number, Customer.name, since)
                .join(Customer, Customer.id == Order.customer_id)
                .where(Order.status == status)
                .order_by(since)
                .limit(limit)
            )
            return [(number, name, at) for number, name, at in found]

        checked = oldest(OrderStatus.CHECKED, Order.checked_at)
        waiting = oldest(OrderStatus.AWAITING_PAYMENT, Order.notice_at)
        return [ReadyOrder(n, c, local_text(t)) for n, c, t in checked] + [
            ReadyOrder(n, c, local_text(t), awaiting_transfer=True) for n, c, t in waiting
        ]


@dataclass(frozen=True)
class HeldSlip:
    number: str
    customer_name: str
    units: int
    opened_at: str


def held_slips(db: Database, station: str, limit: int = 20) -> list[HeldSlip]:
    """Slips this station started and set aside unprinted (a new slip was opened over them), newest
    first: the cashier can take one up again instead of scanning it all twice."""
    with db.read() as session:
        rows = session.execute(
            select(Order.number, Customer.name, func.sum(OrderLine.quantity), Order.created_at)
            .join(Customer, Customer.id == Order.customer_id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.station == station, Order.status == OrderStatus.OPEN)
            .group_by(Order.id, Order.number, Customer.name, Order.created_at)
            .order_by(Order.id.desc())
            .limit(limit)
        ).all()
        return [HeldSlip(n, c, int(u), local_text(t)) for n, c, u, t in rows]
