"""Return slips (退货单): they take effect only when the handler (经手人), the customer (客户) and a
department manager (部门经理) have all signed, and the handler and the manager are different people.
Until then a slip changes nothing: not the money, not the settlement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Customer, Order, OrderLine, Payment, Product, ReturnLine, ReturnSlip, Shipment, Signature, StockMovement
from pos.db.numbering import next_number
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.money import Money
from pos.domain import return_slips
from pos.domain.orders import OrderStatus
from pos.domain.return_slips import ReturnSlipStatus
from pos.domain.refund_callout import RefundCallOut
from pos.domain.returns import COLLECTED, NO_ALLOWANCE, ON_SITE, SHIPPED, Allowance, ReturnRequest, violations
from pos.domain.roles import Role
from pos.domain.times import local, local_text
from pos.printing import layouts
from pos.printing.document import DrawerPulse
from pos.services import audit, printing
from pos.services.customers import search as customer_search
from pos.services.lookup import get_order, lock_customer, lock_return_slip
from pos.services.printing import PrintContext
from pos.services.staff import StaffInfo, require_role

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


def add_crossed(session: Session, db: Database, actor: StaffInfo, order: Order, line: OrderLine, count: int,
                reason: str, reason_text: str = "") -> ReturnSlip:
    """Crossed units go on the order's open return slip (one is started if there is none)."""
    if reason not in REASONS:
        raise InvalidInput("A return reason is one of: unwanted, defective, wrong item, other.")
    if reason == "other" and not reason_text.strip():
        raise InvalidInput("Say what the other reason is.")
    slip = session.scalar(select(ReturnSlip).where(ReturnSlip.order_id == order.id, ReturnSlip.status.in_(OPEN),
                                                   ReturnSlip.refund_method == CROSSED_AT_BENCH)
                          .order_by(ReturnSlip.id.desc()))
    if slip is None:
        slip = ReturnSlip(number=next_number(session, "return", db.business_day()), order_id=order.id,
                          status=return_slips.NEW, created_by_id=actor.id, created_at=db.now())
        session.add(slip)
        session.flush()
    existing = next((rl for rl in slip.lines if rl.order_line_id == line.id and rl.reason == reason), None)
    if existing is not None:
        existing.quantity += count
    else:
        slip.lines.append(ReturnLine(order_line_id=line.id, quantity=count, unit_price_fen=line.unit_price_fen,
                                     reason=reason, reason_text=reason_text.strip()))
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
        select(Order.number, Customer.name).join(Customer, Customer.id == Order.customer_id)
        .where(Order.id == slip.order_id)).one()
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
    return ReturnInfo(slip.number, order_number, slip.status, tuple(lines), tuple(sorted(s.role for s in slip.signatures)),
                      customer_name, refunded_by)


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


@use_case
def sign(
    db: Database, actor: StaffInfo | None, number: str, role: str, *, signer: StaffInfo | None = None,
    method: str = "pin", customer_name: str = "", image_png: bytes | None = None, station: str = "",
    context: PrintContext | None = None, printer_uri: str = "preview:",
) -> ReturnInfo:
    """Record one signature. Staff sign by PIN (`signer`, already authenticated); the customer
    signs on the pad (image) or on paper (recorded by `actor`). The third signature makes the slip
    complete: from then on it counts in the settlement, and money handed back (a settled order
    refunded by its original method) gets a refund receipt on `printer_uri`, queued in the same
    transaction, with a drawer pulse when it is cash; the result's `callout` says what to call out."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    if role not in ROLES:
        raise InvalidInput("A return slip is signed by the handler, the customer and a manager.")
    with db.transaction() as session:
        slip = _open_slip(session, number)
        if any(s.role == role for s in slip.signatures):
            raise _signed_already(role, slip.number)
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
        complete = {s.role for s in slip.signatures} >= set(ROLES)
        slip.status = return_slips.transition(slip.status, "complete" if complete else "sign")
        if complete:
            slip.completed_at = db.now()
            refund = _take_effect(session, db, actor, slip, station)
            if refund is not None:
                _queue_refund_receipt(session, db, actor, slip, refund, context or PrintContext(station=station),
                                      printer_uri)
        audit.record(session, actor_id=actor.id, action="return.sign", entity="return_slip", entity_id=slip.number,
                     detail={"role": role, "method": method, "signer": name, "status": slip.status}, at=db.now())
        return info(session, slip)


@use_case
def void(db: Database, manager: StaffInfo | None, number: str, reason: str) -> ReturnInfo:
    """A manager sets a slip aside (with a reason): it will never take effect. The units of a
    slip crossed out at the bench were not taken back; without the slip nothing returns them, so
    they are un-crossed and go back to being checked at the bench (tick them, or cross them out
    again onto a new slip): the order's total on screen and the amount settled stay one number."""
    manager = require_role(manager, Role.MANAGER)
    if not (reason or "").strip():
        raise InvalidInput("Setting a return slip aside needs a reason.")
    with db.transaction() as session:
        slip = _open_slip(session, number)
        slip.status, slip.void_reason = return_slips.transition(slip.status, "void"), reason.strip()
        uncrossed = []
        if slip.refund_method == CROSSED_AT_BENCH:
            for line in slip.lines:
                session.execute(update(OrderLine).where(OrderLine.id == line.order_line_id)
                                .values(crossed=OrderLine.crossed - line.quantity))
                position = session.scalar(select(OrderLine.position).where(OrderLine.id == line.order_line_id))
                uncrossed.append({"position": position, "quantity": line.quantity})
        audit.record(session, actor_id=manager.id, action="return.void", entity="return_slip", entity_id=slip.number,
                     detail={"reason": reason.strip(), "uncrossed": uncrossed}, at=db.now())
        return info(session, slip)



def _take_effect(session: Session, db: Database, actor: StaffInfo, slip: ReturnSlip, station: str) -> Payment | None:
    """Complete: the goods return to stock; for an order not yet settled the settlement nets the
    amount off; for a settled one
    the money goes back, by the original method (a negative payment, which day end counts as a
    refund) or as credit on the customer's account; returns the refund payment, if any."""
    order = session.get(Order, slip.order_id)
    assert order is not None
    for line in slip.lines:  # the goods come back into stock
        product_id = session.scalar(select(OrderLine.product_id).where(OrderLine.id == line.order_line_id))
        session.add(StockMovement(product_id=product_id, quantity=line.quantity, kind="return", order_id=order.id,
                                  return_slip_id=slip.id, created_at=db.now()))
    if order.status != OrderStatus.SETTLED:
        return None
    total = sum(line.unit_price_fen * line.quantity for line in slip.lines)
    if slip.refund_method == "account":
        lock_customer(session, order.customer_id)  # after the order, as everywhere
        _move_balance(session, order.customer_id, -total)
        return None
    method = session.scalar(select(Payment.method).where(Payment.order_id == order.id, Payment.amount_fen > 0)
                            .order_by(Payment.amount_fen.desc())) or "cash"
    refund = Payment(command_id=_refund_command(slip), order_id=order.id, method=method, amount_fen=-total,
                     tendered_fen=0, change_fen=0, cashier_id=actor.id, station=station, created_at=db.now())
    session.add(refund)
    if method == "account":  # goods bought on account: handing the money "back" is owing less
        _move_balance(session, order.customer_id, -total)
    return refund


def _move_balance(session: Session, customer_id: int, delta_fen: int) -> None:
    """One atomic `balance = balance + delta`, so two stations moving one balance never lose a change."""
    session.execute(update(Customer).where(Customer.id == customer_id)
                    .values(balance_fen=Customer.balance_fen + delta_fen))


def _queue_refund_receipt(session: Session, db: Database, actor: StaffInfo, slip: ReturnSlip, refund: Payment,
                          context: PrintContext, printer_uri: str) -> None:
    """The refund receipt goes to the spooler with the change that made it (sent after commit);
    cash also opens the drawer, as at settlement."""
    data = printing.return_slip_data(session, slip)
    pulse = (DrawerPulse(*context.drawer),) if refund.method == "cash" else ()

    def build(meta):  # noqa: ANN001, ANN202 - PrintMeta -> Document
        document = layouts.refund_receipt(data, refund.method, local(refund.created_at), meta)
        document.elements.extend(pulse)
        return document

    printing.queue_document(session, db, actor, context, kind="refund", label=slip.number, printer_uri=printer_uri,
                            build=build, order_id=slip.order_id, return_slip_id=slip.id)


def delivery(session: Session, order: Order) -> str:
    """Has the customer left with the goods, and how: still here (the order is not settled),
    collected in person, or shipped."""
    if order.status != OrderStatus.SETTLED:
        return ON_SITE
    shipped = order.customer_mode == "absent" or session.scalar(
        select(Shipment.id).where(Shipment.order_id == order.id).limit(1)) is not None
    return SHIPPED if shipped else COLLECTED


def _shop_midnight(day: date) -> datetime:
    """The start of a shop's calendar day as a stored (naive UTC) time."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


def _allowance(session: Session, customer: Customer) -> Allowance:
    """Over the contract's own dates: net goods (lines of orders settled in the period, less goods
    returned by slips that took effect in it) and what was returned against the allowance (slips
    made in the period, not set aside, defects aside; units crossed out at the bench never left
    the shop and are not a return against the contract). Payments play no part."""
    if customer.contract_start is None or customer.contract_end is None:
        return Allowance(customer.return_ratio_permille, Money(0), Money(0), has_contract=False)
    since, until = _shop_midnight(customer.contract_start), _shop_midnight(customer.contract_end + timedelta(days=1))
    orders = select(Order.id).where(Order.customer_id == customer.id)
    sold = session.scalar(
        select(func.coalesce(func.sum(OrderLine.quantity * OrderLine.unit_price_fen), 0))
        .join(Order, Order.id == OrderLine.order_id)
        .where(Order.customer_id == customer.id, Order.settled_at >= since, Order.settled_at < until)) or 0
    returned_lines = (select(func.coalesce(func.sum(ReturnLine.quantity * ReturnLine.unit_price_fen), 0))
                      .join(ReturnSlip, ReturnSlip.id == ReturnLine.return_slip_id)
                      .where(ReturnSlip.order_id.in_(orders)))
    returned = session.scalar(returned_lines.where(
        ReturnSlip.status == ReturnSlipStatus.COMPLETE, ReturnSlip.completed_at >= since, ReturnSlip.completed_at < until)) or 0
    used = session.scalar(returned_lines.where(
        ReturnSlip.status != ReturnSlipStatus.VOID, ReturnSlip.refund_method != CROSSED_AT_BENCH, ReturnLine.reason != "defective",
        ReturnSlip.created_at >= since, ReturnSlip.created_at < until)) or 0
    return Allowance(customer.return_ratio_permille, Money(int(sold) - int(returned)), Money(int(used)))


def allowance(db: Database, customer_number: str) -> Allowance:
    with db.transaction() as session:
        customer = session.scalar(select(Customer).where(Customer.number == customer_number))
        if customer is None:
            raise NotFound("No customer with number {number}.", number=customer_number)
        return _allowance(session, customer)


@dataclass(frozen=True)
class LineRequest:
    position: int
    quantity: int
    reason: str
    reason_text: str = ""


def returnable(session: Session, line: OrderLine) -> int:
    """Sold, less what is on return slips already (crossed units included), void ones aside."""
    returned = session.scalar(
        select(func.coalesce(func.sum(ReturnLine.quantity), 0))
        .join(ReturnSlip, ReturnSlip.id == ReturnLine.return_slip_id)
        .where(ReturnLine.order_line_id == line.id, ReturnSlip.status != ReturnSlipStatus.VOID)) or 0
    return line.quantity - int(returned)


@use_case
def create_return(
    db: Database, handler: StaffInfo | None, order_number: str, lines: list[LineRequest], *,
    refund_method: str = "original", override_by: StaffInfo | None = None, override_reason: str = "",
    context: PrintContext | None = None, printer_uri: str = "",
) -> ReturnInfo:
    """A return at the counter: on the spot, or of a past order (looked up by its number). The
    rules of the standard are applied; a refusal can be overridden only by a manager with a written
    reason, and the override is audited. Quantities never exceed what was sold less what is
    already on return slips. With `printer_uri` the slip is queued for printing (to be checked and
    signed) in the same transaction: a failure leaves neither the slip nor the print behind."""
    handler = require_role(handler, Role.CASHIER, Role.PACKER, Role.MANAGER)
    if refund_method not in ("original", "account"):
        raise InvalidInput("A refund goes back by the original payment method or as account credit.")
    if not lines:
        raise InvalidInput("Choose at least one item to return.")
    with db.transaction() as session:
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
            line = session.scalar(select(OrderLine).where(OrderLine.order_id == order.id,
                                                          OrderLine.position == request.position))
            if line is None:
                raise NotFound("Order {number} has no line {position}.", number=order.number, position=request.position)
            left = returnable(session, line)
            if not 1 <= request.quantity <= left:
                raise InvalidInput("Only {left} of {code} {name} can still be returned on order {number}.",
                                   left=left, code=line.item_code, name=line.name, number=order.number)
            priced.append((line, request))
        amount = Money(sum(line.unit_price_fen * request.quantity for line, request in priced))
        usage = _allowance(session, customer) if customer.customer_type == "franchise" else None
        found = violations(ReturnRequest(customer.customer_type, delivery(session, order),
                                         frozenset(r.reason for _, r in priced), amount, usage or NO_ALLOWANCE))
        if found and override_by is None:
            raise _refusal(found[0], customer, usage, amount)
        if found:
            override_by = require_role(override_by, Role.MANAGER)
            if not override_reason.strip():
                raise InvalidInput("An override needs a written reason.")
            audit.record(session, actor_id=override_by.id, action="return.override", entity="order",
                         entity_id=order.number, detail={"rules": found, "reason": override_reason.strip(),
                                                         "handler": handler.login_code, "amount": amount.fen},
                         at=db.now())
        slip = ReturnSlip(number=next_number(session, "return", db.business_day()), order_id=order.id,
                          status=return_slips.NEW, refund_method=refund_method, created_by_id=handler.id,
                          created_at=db.now())
        slip.lines = [ReturnLine(order_line_id=line.id, quantity=r.quantity, unit_price_fen=line.unit_price_fen,
                                 reason=r.reason, reason_text=r.reason_text.strip()) for line, r in priced]
        session.add(slip)
        session.flush()
        audit.record(session, actor_id=handler.id, action="return.create", entity="return_slip", entity_id=slip.number,
                     detail={"order": order.number, "amount": amount.fen, "refund": refund_method}, at=db.now())
        if printer_uri:
            printing.queue_in_session(session, db, handler, context or PrintContext(), kind="return-slip",
                                      number=slip.number, printer_uri=printer_uri)
        return info(session, slip)


def _refusal(code: str, customer: Customer, usage: Allowance | None, amount: Money) -> ReturnRefused:
    if code == "self_collected":
        return ReturnRefused("{name} collected the goods in person: a wholesale customer cannot return them "
                             "afterwards. A manager may override with a reason.", name=customer.name)
    if code == "shipped_not_wrong_item":
        return ReturnRefused("Shipped wholesale goods are exchanged only for a wrong or defective item. "
                             "A manager may override with a reason.")
    assert usage is not None
    if code == "franchise_no_contract":
        return ReturnRefused("{name} has no franchise contract on file (no contract dates), so there is no return "
                             "allowance. A manager may enter the contract or override with a reason.", name=customer.name)
    return ReturnRefused("Beyond the franchise return allowance: {used} of {allowance} used, {remaining} left, "
                         "this return {amount}. A manager may override with a reason.",
                         used=usage.used.format(), allowance=usage.allowance.format(),
                         remaining=usage.remaining.format(), amount=amount.format())


@dataclass(frozen=True)
class SlipSummary:
    number: str
    order_number: str
    customer_name: str
    status: str
    total_fen: int
    missing: tuple[str, ...]
    created_at: str


def list_slips(db: Database, *, status: str = "", today_only: bool = False, customer: str = "",
               limit: int = 200) -> list[SlipSummary]:
    """The returns screen: filter by state (awaiting signatures...), today, customer name/number."""
    with db.transaction() as session:
        query = (select(ReturnSlip, Order.number, Customer.name)
                 .join(Order, Order.id == ReturnSlip.order_id).join(Customer, Customer.id == Order.customer_id)
                 .order_by(ReturnSlip.id.desc()).limit(limit))
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
            out.append(SlipSummary(slip.number, order_number, name, slip.status,
                                   sum(rl.unit_price_fen * rl.quantity for rl in slip.lines),
                                   tuple(r for r in ROLES if r not in signed), local_text(slip.created_at, "%m-%d %H:%M")))
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
            .order_by(Order.id.desc()).limit(limit)
        ).all()
        return [PastOrder(n, c, local_text(t, "%Y-%m-%d"), st) for n, c, t, st in rows]


def stock_movement(db: Database, item_code: str) -> int:
    """Net units in (+) or out (-) of stock for a product, from sales and returns that took effect."""
    with db.transaction() as session:
        product = select(Product.id).where(Product.item_code == item_code).scalar_subquery()
        value = session.scalar(select(func.coalesce(func.sum(StockMovement.quantity), 0))
                               .where(StockMovement.product_id == product))
        return int(value or 0)
