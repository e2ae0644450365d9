"""The settlement counter's use cases after scanning: line edits, printing the slip for checking,
voiding and the cash drawer. Settlement with its call-out is in pos.services.settle (re-exported
here), day end (日结) in pos.services.day_end."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Customer, Order, OrderLine, PrintJob
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.money import Money
from pos.domain.orders import OrderStatus, lines_editable, transition
from pos.domain.roles import Role
from pos.domain.times import local_text
from pos.printing.document import Document, DrawerPulse
from pos.services import audit, printing
from pos.services.customers import CustomerInfo, info as customer_info
from pos.services.lookup import get_line, get_order
from pos.services.orders import list_prices
from pos.services.printing import JobInfo, PrintContext
from pos.services.staff import StaffInfo, require_role
# settlement lives in pos.services.settle; callers keep saying counter.settle
from pos.services.settle import SettleResult, amount_due, settle

__all__ = [
    "HeldSlip", "LineView", "OrderView", "ReadyOrder", "SettleResult", "VOID_REASON_MAX", "amount_due",
    "held_slips", "last_open_order", "open_drawer", "order_view", "override_price", "print_for_checking",
    "quality_swap", "ready_to_settle", "remove_line", "set_quantity", "settle", "void_slip",
]


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
    lines = tuple(LineView(ln.position, ln.item_code, ln.name, ln.unit_price_fen, ln.quantity, ln.crossed,
                           ln.defective, ln.ticked, changed.get(ln.position)) for ln in order.lines)
    return OrderView(order.number, order.status, customer_info(customer), lines)


def order_view(db: Database, number: str) -> OrderView:
    with db.transaction() as session:
        return _view(session, get_order(session, number))


def last_open_order(db: Database, station: str) -> str | None:
    """The slip this station was working on, so a restart comes back to it."""
    with db.transaction() as session:
        return session.scalar(
            select(Order.number).where(Order.station == station, Order.status == OrderStatus.OPEN)
            .order_by(Order.id.desc()).limit(1)
        )


@dataclass(frozen=True)
class ReadyOrder:
    number: str
    customer_name: str
    checked_at: str


def ready_to_settle(db: Database, limit: int = 20) -> list[ReadyOrder]:
    """Orders the bench has finished checking and nobody has settled yet, oldest first: the counter
    shows them so no customer leaves unpaid (注意客户是否买单)."""
    with db.transaction() as session:
        rows = session.execute(
            select(Order.number, Customer.name, Order.checked_at).join(Customer, Customer.id == Order.customer_id)
            .where(Order.status == OrderStatus.CHECKED)
            .order_by(Order.checked_at).limit(limit)
        ).all()
        return [ReadyOrder(n, c, local_text(t)) for n, c, t in rows]


@dataclass(frozen=True)
class HeldSlip:
    number: str
    customer_name: str
    units: int
    opened_at: str


def held_slips(db: Database, station: str, limit: int = 20) -> list[HeldSlip]:
    """Slips this station started and set aside unprinted (a new slip was opened over them), newest
    first: the cashier can take one up again instead of scanning it all twice."""
    with db.transaction() as session:
        rows = session.execute(
            select(Order.number, Customer.name, func.sum(OrderLine.quantity), Order.created_at)
            .join(Customer, Customer.id == Order.customer_id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.station == station, Order.status == OrderStatus.OPEN)
            .group_by(Order.id, Order.number, Customer.name, Order.created_at)
            .order_by(Order.id.desc()).limit(limit)
        ).all()
        return [HeldSlip(n, c, int(u), local_text(t)) for n, c, u, t in rows]


def _editable_line(session: Session, number: str, position: int) -> tuple[Order, OrderLine]:
    order = get_order(session, number, lock=True)
    if not lines_editable(order.status):
        raise Conflict("Order {number} is {status}: its lines can no longer change.", number=order.number,
                       status=order.status)
    return order, get_line(session, order, position)


def _replayed(session: Session, number: str, command_id: str | None) -> OrderView | None:
    """The slip as it is now when this command was done already (a retry after a lost reply):
    the act is not done twice, and it is not refused either because the first attempt changed
    what it checks."""
    if audit.command_seen(session, command_id) is None:
        return None
    return _view(session, get_order(session, number))


@use_case
def set_quantity(db: Database, actor: StaffInfo | None, number: str, position: int, quantity: int, *,
                 command_id: str | None = None) -> OrderView:
    """A retry with the same command_id sets nothing again and returns the slip."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    if not 1 <= quantity <= 9999:
        raise InvalidInput("Quantity must be between 1 and {maximum}.", maximum=9999)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order, line = _editable_line(session, number, position)
        before, line.quantity = line.quantity, quantity
        audit.record(session, actor_id=actor.id, action="order.set_quantity", entity="order", entity_id=order.number,
                     detail={"position": position, "from": before, "to": quantity}, at=db.now(),
                     command_id=command_id)
        session.flush()
        return _view(session, order)


@use_case
def remove_line(db: Database, actor: StaffInfo | None, number: str, position: int, *,
                command_id: str | None = None) -> OrderView:
    """Before the slip is printed only; afterwards units are crossed out at the bench. A retry with
    the same command_id removes nothing more (not the line that moved up into its place)."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order, line = _editable_line(session, number, position)
        audit.record(session, actor_id=actor.id, action="order.remove_line", entity="order", entity_id=order.number,
                     detail={"position": position, "code": line.item_code, "quantity": line.quantity}, at=db.now(),
                     command_id=command_id)
        order.lines.remove(line)
        session.flush()
        return _view(session, order)


@use_case
def override_price(db: Database, actor: StaffInfo | None, approver: StaffInfo | None, number: str, position: int,
                   price: Money, reason: str, *, command_id: str | None = None) -> OrderView:
    """A different unit price for one line: a manager approves, with a reason; both are audited.
    A retry with the same command_id is recorded once."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    approver = require_role(approver, Role.MANAGER)
    if price.fen < 0:
        raise InvalidInput("A price cannot be negative.")
    if not (reason or "").strip():
        raise InvalidInput("A price change needs a reason.")
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order, line = _editable_line(session, number, position)
        before, line.unit_price_fen = line.unit_price_fen, price.fen
        audit.record(session, actor_id=actor.id, action="order.override_price", entity="order", entity_id=order.number,
                     detail={"position": position, "code": line.item_code, "from": before, "to": price.fen,
                             "approved_by": approver.login_code, "reason": reason.strip()}, at=db.now(),
                     command_id=command_id)
        session.flush()
        return _view(session, order)


@use_case
def quality_swap(db: Database, actor: StaffInfo | None, number: str, position: int, note: str = "", *,
                 command_id: str | None = None) -> OrderView:
    """问题商品不出: a defective unit is swapped for a good one of the same code; the line's count is
    unchanged, the defect is recorded against the line and logged. A retry with the same command_id
    counts the defect once."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = get_order(session, number, lock=True)
        line = get_line(session, order, position)
        line.defective += 1
        audit.record(session, actor_id=actor.id, action="order.quality_swap", entity="order", entity_id=order.number,
                     detail={"position": position, "code": line.item_code, "note": note.strip()}, at=db.now(),
                     command_id=command_id)
        session.flush()
        return _view(session, order)


@use_case
def print_for_checking(db: Database, actor: StaffInfo | None, context: PrintContext, number: str,
                       printer_uri: str, *, command_id: str | None = None) -> list[JobInfo]:
    """打印单据点货: the three-copy slip goes to the printer and the order to the bench queue;
    from now on its lines change only by crossing out at the bench. A retry with the same
    command_id prints nothing more (and is not refused as a reprint): it returns the jobs queued."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)  # a second station waits, then finds it printed
        if audit.command_seen(session, command_id) is not None:
            queued = session.scalars(select(PrintJob).where(PrintJob.order_id == order.id, PrintJob.kind == "sales-slip",
                                                            PrintJob.reprint == 0).order_by(PrintJob.id))
            return [printing.job_info(session, job) for job in queued]
        order.status = transition(order.status, "print_for_checking", line_count=len(order.lines))
        order.printed_at = db.now()
        jobs = printing.queue_in_session(session, db, actor, context, kind="sales-slip", number=order.number,
                                         printer_uri=printer_uri)
        audit.record(session, actor_id=actor.id, action="order.print_for_checking", entity="order",
                     entity_id=order.number, at=db.now(), command_id=command_id)
        return [printing.job_info(session, job) for job in jobs]


VOID_REASON_MAX = 200


@use_case
def void_slip(db: Database, actor: StaffInfo | None, number: str, reason: str, *,
              command_id: str | None = None) -> None:
    """作废: a slip set aside and never printed (the customer left without it). Nothing was printed,
    packed or paid, so the cashier may; the reason is kept in the audit log. A retry with the same
    command_id is not refused as voiding a voided slip."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Give the reason for voiding slip {number}.", number=number)
    if len(reason) > VOID_REASON_MAX:
        raise InvalidInput("The reason is {length} characters long; at most {maximum}.", length=len(reason),
                           maximum=VOID_REASON_MAX)
    with db.transaction() as session:
        if audit.command_seen(session, command_id) is not None:
            return
        order = get_order(session, number, lock=True)
        if order.status != OrderStatus.OPEN:
            raise Conflict("Slip {number} is {status}: only a slip not yet printed can be voided at the counter.",
                           number=order.number, status=order.status)
        order.status = transition(order.status, "void")
        audit.record(session, actor_id=actor.id, action="order.void", entity="order", entity_id=order.number,
                     detail={"reason": reason, "lines": len(order.lines)}, at=db.now(), command_id=command_id)



@use_case
def open_drawer(db: Database, approver: StaffInfo | None, context: PrintContext, printer_uri: str,
                reason: str) -> JobInfo:
    """A no-sale drawer opening: a manager's, with a reason, audited."""
    approver = require_role(approver, Role.MANAGER)
    if not (reason or "").strip():
        raise InvalidInput("Opening the drawer without a sale needs a reason.")
    with db.transaction() as session:
        job = printing.queue_document(session, db, approver, context, kind="drawer", label="drawer",
                                      printer_uri=printer_uri,
                                      build=lambda meta: Document("drawer", meta.columns, [DrawerPulse(*context.drawer)]))
        audit.record(session, actor_id=approver.id, action="drawer.no_sale", entity="station", entity_id=context.station,
                     detail={"reason": reason.strip(), "job": job.id}, at=db.now())
        return printing.job_info(session, job)
