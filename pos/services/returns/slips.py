"""A return slip as the screens see it, and the slip at the bench: units crossed out there go on
the order's open return slip."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Customer, Order, OrderLine, Payment, ReturnLine, ReturnSlip
from pos.db.numbering import next_number
from pos.domain import return_slips
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.domain.refund_callout import RefundCallOut
from pos.domain.return_slips import ReturnSlipStatus
from pos.services.lookup import get_order, lock_return_slip
from pos.services.staff import StaffInfo

REASONS = ("unwanted", "defective", "wrong_item", "other")


class ReturnRefused(Conflict):
    """The standard's return rules say no; a manager may override with a written reason."""

    code = "return_refused"


ROLES = ("handler", "customer", "manager")
OPEN = return_slips.OPEN  # the states that still take lines and signatures
# A slip of units crossed out at the bench has no refund method (nothing was paid for them yet);
# a slip made at the counter always has one. Voiding a bench slip un-crosses its units.
CROSSED_AT_BENCH = ""


@dataclass(frozen=True)
class ReturnInfo:
    number: str
    order_number: str
    status: str
    lines: tuple[tuple[str, str, int, int, str], ...]  # code, name, quantity, unit price, reason
    signed: tuple[str, ...]
    customer_name: str = ""
    refunded_by: str = ""  # once complete: how the money went back (cash, wechat..., account); '' netted or pending

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(role for role in ROLES if role not in self.signed)

    @property
    def total_fen(self) -> int:
        return sum(quantity * price for _, _, quantity, price, _ in self.lines)

    @property
    def callout(self) -> RefundCallOut | None:
        """The cash handed back, to call out; None when no cash changes hands."""
        return RefundCallOut(Money(self.total_fen)) if self.refunded_by == "cash" else None


def add_crossed(
    session: Session,
    db: Database,
    actor: StaffInfo,
    order: Order,
    line: OrderLine,
    count: int,
    reason: str,
    reason_text: str = "",
) -> ReturnSlip:
    """Crossed units go on the order's open return slip (one is started if there is none)."""
    if reason not in REASONS:
        raise InvalidInput("A return reason is one of: unwanted, defective, wrong item, other.")
    if reason == "other" and not reason_text.strip():
        raise InvalidInput("Say what the other reason is.")
    slip = session.scalar(
        select(ReturnSlip)
        .where(
            ReturnSlip.order_id == order.id, ReturnSlip.status.in_(OPEN), ReturnSlip.refund_method == CROSSED_AT_BENCH
        )
        .order_by(ReturnSlip.id.desc())
    )
    if slip is None:
        slip = ReturnSlip(
            number=next_number(session, "return", db.business_day()),
            order_id=order.id,
            status=return_slips.NEW,
            created_by_id=actor.id,
            created_at=db.now(),
        )
        session.add(slip)
        session.flush()
    existing = next((rl for rl in slip.lines if rl.order_line_id == line.id and rl.reason == reason), None)
    if existing is not None:
        existing.quantity += count
    else:
        slip.lines.append(
            ReturnLine(
                order_line_id=line.id,
                quantity=count,
                unit_price_fen=line.unit_price_fen,
                reason=reason,
                reason_text=reason_text.strip(),
            )
        )
    slip.status = return_slips.transition(slip.status, "add_lines")
    return slip


def _slip(session: Session, number: str) -> ReturnSlip:
    slip = session.scalar(select(ReturnSlip).where(ReturnSlip.number == (number or "").strip().upper()))
    if slip is None:
        raise NotFound("No return slip with number {number}.", number=number)
    return slip


def _signed_already(role: str, number: str) -> Conflict:
    # one message per role: a role's name spliced into a translated sentence would stay English
    if role == "handler":
        return Conflict("Return slip {number} is signed by the handler already.", number=number)
    if role == "customer":
        return Conflict("Return slip {number} is signed by the customer already.", number=number)
    return Conflict("Return slip {number} is signed by the manager already.", number=number)


def _open_slip(session: Session, number: str) -> ReturnSlip:
    """The slip, still open for signatures, held with its order until commit: signatures given at
    once at two stations take turns, so the third one always sees the other two."""
    slip = lock_return_slip(session, number)
    if slip.status == ReturnSlipStatus.COMPLETE:
        raise Conflict("Return slip {number} is complete: it takes no more signatures.", number=slip.number)
    if slip.status not in OPEN:
        raise Conflict("Return slip {number} was set aside: it takes no more signatures.", number=slip.number)
    return slip


def info(session: Session, slip: ReturnSlip) -> ReturnInfo:
    order_number, customer_name = session.execute(
        select(Order.number, Customer.name)
        .join(Customer, Customer.id == Order.customer_id)
        .where(Order.id == slip.order_id)
    ).one()
    lines = []
    for rl in slip.lines:
        sold = session.get(OrderLine, rl.order_line_id)
        assert sold is not None
        lines.append((sold.item_code, sold.name, rl.quantity, rl.unit_price_fen, rl.reason))
    refunded_by = ""
    if slip.status == ReturnSlipStatus.COMPLETE:
        refunded_by = session.scalar(select(Payment.method).where(Payment.command_id == _refund_command(slip))) or ""
        if not refunded_by and slip.refund_method == "account" and _settled(session, slip):
            refunded_by = "account"
    return ReturnInfo(
        slip.number,
        order_number,
        slip.status,
        tuple(lines),
        tuple(sorted(s.role for s in slip.signatures)),
        customer_name,
        refunded_by,
    )


def _refund_command(slip: ReturnSlip) -> str:
    return f"refund-{slip.number}"


def _settled(session: Session, slip: ReturnSlip) -> bool:
    return session.scalar(select(Order.status).where(Order.id == slip.order_id)) == OrderStatus.SETTLED


def get(db: Database, number: str) -> ReturnInfo:
    with db.transaction() as session:
        return info(session, _slip(session, number))


def for_order(db: Database, order_number: str) -> list[ReturnInfo]:
    with db.transaction() as session:
        order = get_order(session, order_number)
        slips = session.scalars(select(ReturnSlip).where(ReturnSlip.order_id == order.id).order_by(ReturnSlip.id))
        return [info(session, s) for s in slips]
