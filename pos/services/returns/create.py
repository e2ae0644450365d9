"""A return made at the counter: of a sale on the spot or of a past order, under the standard's
return rules (a manager may override with a reason)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Customer, OrderLine, ReturnLine, ReturnSlip
from pos.db.numbering import next_number
from pos.domain import return_slips
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.domain.return_slips import ReturnSlipStatus
from pos.domain.returns import NO_ALLOWANCE, Allowance, ReturnRequest, violations
from pos.domain.roles import Role
from pos.services import audit, printing
from pos.services.lookup import get_order
from pos.services.printing import PrintContext
from pos.services.returns.rules import _allowance, delivery
from pos.services.returns.slips import REASONS, ReturnInfo, ReturnRefused, _slip, info
from pos.services.staff import Approval, StaffInfo, approve, require_role


@dataclass(frozen=True)
class LineRequest:
    position: int
    quantity: int
    reason: str
    reason_text: str = ""


def returnable(session: Session, line: OrderLine) -> int:
    """Sold, less what is on return slips already (crossed units included), void ones aside."""
    returned = (
        session.scalar(
            select(func.coalesce(func.sum(ReturnLine.quantity), 0))
            .join(ReturnSlip, ReturnSlip.id == ReturnLine.return_slip_id)
            .where(ReturnLine.order_line_id == line.id, ReturnSlip.status != ReturnSlipStatus.VOID)
        )
        or 0
    )
    return line.quantity - int(returned)


@use_case
def create_return(
    db: Database,
    handler: StaffInfo | None,
    order_number: str,
    lines: list[LineRequest],
    *,
    refund_method: str = "original",
    override_by: Approval | None = None,
    override_reason: str = "",
    context: PrintContext | None = None,
    printer_uri: str = "",
    command_id: str | None = None,
) -> ReturnInfo:
    """A return at the counter: on the spot, or of a past order (looked up by its number). The
    rules of the standard are applied; a refusal can be overridden only by a manager, approving on
    the spot (`override_by`: login code and PIN, checked in this transaction) with a written
    reason; approval and override are audited with the slip, or not stored at all. Quantities
    never exceed what was sold less what is already on return slips. With `printer_uri` the slip
    is queued for printing (to be checked and signed) in the same transaction: a failure leaves
    neither the slip nor the print behind. A retry with the same command_id makes no second slip:
    it returns the one the first attempt made."""
    handler = require_role(handler, Role.CASHIER, Role.PACKER, Role.MANAGER)
    if refund_method not in ("original", "account"):
        raise InvalidInput("A refund goes back by the original payment method or as account credit.")
    if not lines:
        raise InvalidInput("Choose at least one item to return.")
    with db.transaction() as session:
        if (done := audit.command_seen(session, command_id)) is not None:
            return info(session, _slip(session, done.entity_id))
        order = get_order(session, order_number, lock=True)  # what is still returnable stays so until commit
        if order.status == OrderStatus.VOIDED:
            raise Conflict("Order {number} is voided.", number=order.number)
        customer = session.get(Customer, order.customer_id)
        assert customer is not None
        priced = []
        for request in lines:
            if request.reason not in REASONS:
                raise InvalidInput("A return reason is one of: unwanted, defective, wrong item, other.")
            if request.reason == "other" and not request.reason_text.strip():
                raise InvalidInput("Say what the other reason is.")
            line = session.scalar(
                select(OrderLine).where(OrderLine.order_id == order.id, OrderLine.position == request.position)
            )
            if line is None:
                raise NotFound("Order {number} has no line {position}.", number=order.number, position=request.position)
            left = returnable(session, line)
            if not 1 <= request.quantity <= left:
                raise InvalidInput(
                    "Only {left} of {code} {name} can still be returned on order {number}.",
                    left=left,
                    code=line.item_code,
                    name=line.name,
                    number=order.number,
                )
            priced.append((line, request))
        amount = Money(sum(line.unit_price_fen * request.quantity for line, request in priced))
        usage = _allowance(session, customer) if customer.customer_type == "franchise" else None
        found = violations(
            ReturnRequest(
                customer.customer_type,
                delivery(session, order),
                frozenset(r.reason for _, r in priced),
                amount,
                usage or NO_ALLOWANCE,
            )
        )
        if found and override_by is None:
            raise _refusal(found[0], customer, usage, amount)
        if found and not override_reason.strip():
            raise InvalidInput("An override needs a written reason.")
        slip = ReturnSlip(
            number=next_number(session, "return", db.business_day()),
            order_id=order.id,
            status=return_slips.NEW,
            refund_method=refund_method,
            created_by_id=handler.id,
            created_at=db.now(),
        )
        slip.lines = [
            ReturnLine(
                order_line_id=line.id,
                quantity=r.quantity,
                unit_price_fen=line.unit_price_fen,
                reason=r.reason,
                reason_text=r.reason_text.strip(),
            )
            for line, r in priced
        ]
        session.add(slip)
        session.flush()
        if found:
            assert override_by is not None
            # checked after the rows this act locks: the approval's audit entry takes the audit
            # log's head, which every act takes last
            approver = approve(db, session, override_by, Role.MANAGER, requester=handler)
            audit.record(
                session,
                actor_id=approver.id,
                action="return.override",
                entity="order",
                entity_id=order.number,
                detail={
                    "rules": found,
                    "reason": override_reason.strip(),
                    "handler": handler.login_code,
                    "amount": amount.fen,
                },
                at=db.now(),
            )
        audit.record(
            session,
            actor_id=handler.id,
            action="return.create",
            entity="return_slip",
            entity_id=slip.number,
            detail={"order": order.number, "amount": amount.fen, "refund": refund_method},
            at=db.now(),
            command_id=command_id,
        )
        if printer_uri:
            printing.queue_in_session(
                session,
                db,
                handler,
                context or PrintContext(),
                kind="return-slip",
                number=slip.number,
                printer_uri=printer_uri,
            )
        return info(session, slip)


def _refusal(code: str, customer: Customer, usage: Allowance | None, amount: Money) -> ReturnRefused:
    if code == "self_collected":
        return ReturnRefused(
            "{name} collected the goods in person: a wholesale customer cannot return them "
            "afterwards. A manager may override with a reason.",
            name=customer.name,
        )
    if code == "shipped_not_wrong_item":
        return ReturnRefused(
            "Shipped wholesale goods are exchanged only for a wrong or defective item. "
            "A manager may override with a reason."
        )
    assert usage is not None
    if code == "franchise_no_contract":
        return ReturnRefused(
            "{name} has no franchise contract on file (no contract dates), so there is no return "
            "allowance. A manager may enter the contract or override with a reason.",
            name=customer.name,
        )
    return ReturnRefused(
        "Beyond the franchise return allowance: {used} of {allowance} used, {remaining} left, "
        "this return {amount}. A manager may override with a reason.",
        used=usage.used.format(),
        allowance=usage.allowance.format(),
        remaining=usage.remaining.format(),
        amount=amount.format(),
    )
