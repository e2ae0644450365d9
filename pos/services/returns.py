"""Return slips (退货单): they take effect only when the handler (经手人), the customer (客户) and a
department manager (部门经理) have all signed, and the handler and the manager are different people.
Until then a slip changes nothing: not the money, not the settlement."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Customer, Order, OrderLine, ReturnLine, ReturnSlip, Signature
from pos.db.numbering import next_number
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.roles import Role
from pos.services import audit
from pos.services.staff import StaffInfo, require_role

REASONS = ("unwanted", "defective", "wrong_item", "other")
ROLES = ("handler", "customer", "manager")
OPEN = ("draft", "awaiting_signatures")


@dataclass(frozen=True)
class ReturnInfo:
    number: str
    order_number: str
    status: str
    lines: tuple[tuple[str, str, int, int, str], ...]  # code, name, quantity, unit price, reason
    signed: tuple[str, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(role for role in ROLES if role not in self.signed)

    @property
    def total_fen(self) -> int:
        return sum(quantity * price for _, _, quantity, price, _ in self.lines)


def add_crossed(session: Session, db: Database, actor: StaffInfo, order: Order, line: OrderLine, count: int,
                reason: str, reason_text: str = "") -> ReturnSlip:
    """Crossed units go on the order's open return slip (one is started if there is none)."""
    if reason not in REASONS:
        raise InvalidInput("A return reason is one of: unwanted, defective, wrong item, other.")
    if reason == "other" and not reason_text.strip():
        raise InvalidInput("Say what the other reason is.")
    slip = session.scalar(select(ReturnSlip).where(ReturnSlip.order_id == order.id, ReturnSlip.status.in_(OPEN))
                          .order_by(ReturnSlip.id.desc()))
    if slip is None:
        slip = ReturnSlip(number=next_number(session, "return", db.business_day()), order_id=order.id,
                          status="awaiting_signatures", created_by_id=actor.id, created_at=db.now())
        session.add(slip)
        session.flush()
    existing = next((rl for rl in slip.lines if rl.order_line_id == line.id and rl.reason == reason), None)
    if existing is not None:
        existing.quantity += count
    else:
        slip.lines.append(ReturnLine(order_line_id=line.id, quantity=count, unit_price_fen=line.unit_price_fen,
                                     reason=reason, reason_text=reason_text.strip()))
    slip.status = "awaiting_signatures"
    return slip


def _slip(session: Session, number: str) -> ReturnSlip:
    slip = session.scalar(select(ReturnSlip).where(ReturnSlip.number == (number or "").strip().upper()))
    if slip is None:
        raise NotFound("No return slip with number {number}.", number=number)
    return slip


def info(session: Session, slip: ReturnSlip) -> ReturnInfo:
    order_number = session.scalar(select(Order.number).where(Order.id == slip.order_id)) or ""
    lines = []
    for rl in slip.lines:
        sold = session.get(OrderLine, rl.order_line_id)
        assert sold is not None
        lines.append((sold.item_code, sold.name, rl.quantity, rl.unit_price_fen, rl.reason))
    return ReturnInfo(slip.number, order_number, slip.status, tuple(lines), tuple(sorted(s.role for s in slip.signatures)))


def get(db: Database, number: str) -> ReturnInfo:
    with db.transaction() as session:
        return info(session, _slip(session, number))


def for_order(db: Database, order_number: str) -> list[ReturnInfo]:
    with db.transaction() as session:
        order = session.scalar(select(Order).where(Order.number == order_number))
        if order is None:
            raise NotFound("No order with number {number}.", number=order_number)
        slips = session.scalars(select(ReturnSlip).where(ReturnSlip.order_id == order.id).order_by(ReturnSlip.id))
        return [info(session, s) for s in slips]


def sign(
    db: Database, actor: StaffInfo | None, number: str, role: str, *, signer: StaffInfo | None = None,
    method: str = "pin", customer_name: str = "", image_png: bytes | None = None,
) -> ReturnInfo:
    """Record one signature. Staff sign by PIN (`signer`, already authenticated); the customer
    signs on the pad (image) or on paper (recorded by `actor`). The third signature makes the slip
    complete: from then on it counts in the settlement."""
    require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    assert actor is not None
    if role not in ROLES:
        raise InvalidInput("A return slip is signed by the handler, the customer and a manager.")
    with db.transaction() as session:
        slip = _slip(session, number)
        if slip.status not in OPEN:
            raise Conflict("Return slip {number} is {status}: it takes no more signatures.", number=slip.number,
                           status=slip.status)
        if any(s.role == role for s in slip.signatures):
            raise Conflict("Return slip {number} is signed by the {role} already.", number=slip.number, role=role)
        staff_id, name = None, customer_name.strip()
        if role in ("handler", "manager"):
            if signer is None:
                raise InvalidInput("Staff sign with their login code and PIN.")
            if role == "manager":
                require_role(signer, Role.MANAGER)
            other = next((s for s in slip.signatures if s.role in ("handler", "manager") and s.role != role), None)
            if other is not None and other.staff_id == signer.id:
                raise Conflict("The handler and the manager must be different people.")
            staff_id, name, method = signer.id, signer.name, "pin"
        else:
            if method not in ("pad", "paper"):
                raise InvalidInput("The customer signs on the pad or on paper.")
            if method == "pad" and not image_png:
                raise InvalidInput("The signature pad is empty.")
            order = session.get(Order, slip.order_id)
            customer = session.get(Customer, order.customer_id) if order else None
            name = name or (customer.name if customer else "")
        slip.signatures.append(Signature(role=role, method=method, staff_id=staff_id, signer_name=name,
                                         image_png=image_png if method == "pad" else None, signed_at=db.now()))
        session.flush()
        if {s.role for s in slip.signatures} >= set(ROLES):
            slip.status, slip.completed_at = "complete", db.now()
        audit.record(session, actor_id=actor.id, action="return.sign", entity="return_slip", entity_id=slip.number,
                     detail={"role": role, "method": method, "signer": name, "status": slip.status}, at=db.now())
        return info(session, slip)


def void(db: Database, manager: StaffInfo | None, number: str, reason: str) -> ReturnInfo:
    """A manager sets a slip aside (with a reason): it will never take effect."""
    require_role(manager, Role.MANAGER)
    assert manager is not None
    if not (reason or "").strip():
        raise InvalidInput("Setting a return slip aside needs a reason.")
    with db.transaction() as session:
        slip = _slip(session, number)
        if slip.status not in OPEN:
            raise Conflict("Return slip {number} is {status}: it takes no more signatures.", number=slip.number,
                           status=slip.status)
        slip.status, slip.void_reason = "void", reason.strip()
        audit.record(session, actor_id=manager.id, action="return.void", entity="return_slip", entity_id=slip.number,
                     detail={"reason": reason.strip()}, at=db.now())
        return info(session, slip)

