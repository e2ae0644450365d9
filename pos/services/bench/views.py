"""What the bench shows of an order (lines, boxes, signatures, what is missing) and the
refusals common to every act at the bench."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarSelect, SelectBase, func, select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Box, BoxItem, Customer, Order, OrderLine, ReturnSlip, Signature, TickEvent
from pos.domain.check import BoxState, LineCount, Mode, completion_problems
from pos.domain.errors import Conflict, PosError
from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.services import audit, returns
from pos.services.lookup import get_order

LIVE_BOX = Box.discarded_at.is_(None)  # boxes in use; set-aside ones stay on record only
LIVE_SIGNATURE = Signature.superseded_at.is_(None)


class RefusedScan(PosError):
    """A scan the bench refuses loudly: not on the slip, or more than remain."""

    code = "refused_scan"


class Copy3NotConfirmed(Conflict):
    """Customer absent: the last box is not sealed (nor the check completed) until both packers
    confirm copy 3 is inside it."""

    code = "copy3_not_confirmed"

    @classmethod
    def of(cls, refusal: Conflict) -> Copy3NotConfirmed:
        # the template is written as a plain Conflict so tools/update_translations.py collects it
        return cls(refusal.template, **refusal.details)


@dataclass(frozen=True)
class BenchLine:
    id: int
    position: int
    item_code: str
    name: str
    quantity: int
    ticked: int
    crossed: int
    manual_ticks: int
    defective: int
    unit_price: Money

    @property
    def remaining(self) -> int:
        return self.quantity - self.ticked - self.crossed


@dataclass(frozen=True)
class BenchBox:
    number: int
    sealed: bool
    items: tuple[tuple[int, str, str, int], ...]  # position, code, name, quantity

    @property
    def count(self) -> int:
        return sum(item[3] for item in self.items)


@dataclass(frozen=True)
class BenchView:
    number: str
    status: str
    mode: str
    customer_name: str
    customer_phone: str
    customer_address: str
    customer_number: str
    name_confirmed: bool
    lines: tuple[BenchLine, ...]
    boxes: tuple[BenchBox, ...]
    signatures: dict[str, str]  # role -> signer name
    open_returns: tuple[str, ...]
    problems: tuple[str, ...]
    version: tuple[object, ...] = ()  # bench.version() as of this read
    send_by: str = ""  # the way of sending: "pickup", a carrier, or "" (not asked yet)
    source: str = "counter"  # where the order was taken (pos.domain.remote.Source)

    @property
    def needs_second_packer(self) -> bool:
        """Customer absent with one packer: an order stuck before the second packer signed."""
        return (
            self.status == OrderStatus.CHECKING and self.mode == Mode.ABSENT and "second_checker" not in self.signatures
        )

    @property
    def open_box(self) -> BenchBox | None:
        return next((box for box in reversed(self.boxes) if not box.sealed), None)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def done_units(self) -> int:
        return sum(line.ticked + line.crossed for line in self.lines)

    @property
    def crossed_units(self) -> int:
        return sum(line.crossed for line in self.lines)


@dataclass(frozen=True)
class TickResult:
    """What a tick changed: its line and the open box. Not the order's progress: summing every
    line on every tick would make a tick slower the longer the order; the bench has the lines
    and adds them up."""

    line: BenchLine
    box: BenchBox

    @property
    def box_number(self) -> int:
        return self.box.number


@dataclass(frozen=True)
class QueueEntry:
    number: str
    status: str
    customer_name: str
    units: int
    printed_at: str
    remote: bool = False  # paid first, the customer not here: two packers
    late: bool = False  # not packed by the end of the day after it came (the standard: same day, next at the latest)


def _checking(session: Session, number: str) -> Order:
    # every change at the bench holds the order until commit: two stations ticking, undoing,
    # crossing out or signing one order take turns, each seeing what the other stored
    order = get_order(session, number, lock=True)
    if order.status == OrderStatus.CHECKING:
        return order
    # one sentence per state: a state's code never shows in a translated message
    if order.status == OrderStatus.PRINTED:
        raise Conflict("Order {number} is waiting in the bench queue: load it first.", number=order.number)
    if order.status == OrderStatus.CHECKED:
        raise Conflict("Order {number} is checked already.", number=order.number)
    if order.status == OrderStatus.SETTLED:
        raise Conflict("Order {number} is paid already.", number=order.number)
    if order.status == OrderStatus.VOIDED:
        raise Conflict("Order {number} is voided.", number=order.number)
    raise Conflict("Order {number} has not been printed for checking yet.", number=order.number)


def _replayed(session: Session, number: str, command_id: str | None) -> BenchView | None:
    """The order as it is now when this command was done already (a retry after a lost reply): the
    act is not done twice, and not refused either because the first attempt changed what it checks."""
    if audit.command_seen(session, command_id) is None:
        return None
    return view(session, get_order(session, number))


def _unfinished(current: BenchView) -> Conflict:
    """Why completing is refused, worded for the packer (the first thing missing)."""
    problem = current.problems[0]
    if problem == "units_left":
        return Conflict("{left} units are still to check.", left=current.units - current.done_units)
    if problem == "box_open":
        return Conflict("Seal box {box} first.", box=next(b.number for b in current.boxes if b.count and not b.sealed))
    if problem == "customer_signature":
        return Conflict("The customer has not signed yet.")
    if problem == "second_checker":
        return Conflict("The second packer has not signed in.")
    if problem == "copy3_in_box":
        return Conflict("Both packers confirm copy 3 is in the box.")
    if problem == "return_unsigned":
        return Conflict(
            "Return slip {slip} needs its three signatures.",
            slip=current.open_returns[0] if current.open_returns else "",
        )
    if problem == "nothing_packed":
        return Conflict("Nothing is packed in a box yet.")
    return Conflict("The checker has not signed.")


def view(session: Session, order: Order) -> BenchView:
    session.refresh(order)
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    lines = tuple(
        BenchLine(
            ln.id,
            ln.position,
            ln.item_code,
            ln.name,
            ln.quantity,
            ln.ticked,
            ln.crossed,
            ln.manual_ticks,
            ln.defective,
            Money(ln.unit_price_fen),
        )
        for ln in session.scalars(select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.position))
    )
    by_id = {line.id: line for line in lines}
    boxes = []
    for box in session.scalars(select(Box).where(Box.order_id == order.id, LIVE_BOX).order_by(Box.number)):
        items = tuple(
            sorted(
                (
                    by_id[item.order_line_id].position,
                    by_id[item.order_line_id].item_code,
                    by_id[item.order_line_id].name,
                    item.quantity,
                )
                for item in session.scalars(select(BoxItem).where(BoxItem.box_id == box.id))
            )
        )
        boxes.append(BenchBox(box.number, box.sealed_at is not None, items))
    signatures = {
        s.role: s.signer_name
        for s in session.scalars(select(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE))
    }
    open_returns = tuple(
        session.scalars(
            select(ReturnSlip.number).where(ReturnSlip.order_id == order.id, ReturnSlip.status.in_(returns.OPEN))
        )
    )
    problems = completion_problems(
        [LineCount(ln.quantity, ln.ticked, ln.crossed) for ln in lines],
        [BoxState(b.number, b.count, b.sealed) for b in boxes],
        order.customer_mode,
        set(signatures),
        len(open_returns),
        order.copy3_to == "box",
    )
    return BenchView(
        order.number,
        order.status,
        order.customer_mode,
        customer.name,
        customer.phone,
        customer.address,
        customer.number,
        order.name_confirmed_at is not None,
        lines,
        tuple(boxes),
        signatures,
        open_returns,
        tuple(problems),
        _version(session, order.number),
        order.send_by,
        order.source,
    )


def bench_view(db: Database, number: str) -> BenchView:
    with db.read() as session:
        return view(session, get_order(session, number))


def version(db: Database, number: str) -> tuple[object, ...]:
    """A cheap fingerprint of everything the bench shows of an order, read in one round trip: it
    changes when the order changes anywhere (another station ticks, a manager resets it, the name
    is corrected, a return slip is signed), so an open bench screen knows to read it again."""
    with db.read() as session:
        return _version(session, number)


def _version(session: Session, number: str) -> tuple[object, ...]:
    order = select(Order.id).where(Order.number == (number or "").strip().upper()).scalar_subquery()
    lines = select(OrderLine).where(OrderLine.order_id == order).subquery()
    ticks = select(TickEvent).where(TickEvent.order_id == order).subquery()
    boxes = select(Box).where(Box.order_id == order, LIVE_BOX).subquery()
    slips = select(ReturnSlip.id).where(ReturnSlip.order_id == order)

    def one(query: SelectBase) -> ScalarSelect[Any]:
        return query.scalar_subquery()

    row = session.execute(
        select(
            Order.status,
            Order.customer_mode,
            Order.name_confirmed_at,
            Order.send_by,
            Customer.name,
            one(select(func.coalesce(func.sum(lines.c.ticked), 0))),
            one(select(func.coalesce(func.sum(lines.c.crossed), 0))),
            one(select(func.coalesce(func.sum(lines.c.defective), 0))),
            one(select(func.count(ticks.c.id))),
            one(select(func.count(ticks.c.undone_at))),
            one(select(func.count(boxes.c.id))),
            one(select(func.count(boxes.c.sealed_at))),
            one(
                select(func.coalesce(func.sum(BoxItem.quantity * Box.number), 0))
                .join(Box, Box.id == BoxItem.box_id)
                .where(Box.order_id == order, LIVE_BOX)
            ),
            one(
                select(func.coalesce(func.max(Signature.id), 0)).where(
                    (Signature.order_id == order) | Signature.return_slip_id.in_(slips)
                )
            ),
            one(
                select(func.count(Signature.id)).where(
                    (Signature.order_id == order) | Signature.return_slip_id.in_(slips), LIVE_SIGNATURE
                )
            ),
            one(
                select(func.count(ReturnSlip.id)).where(
                    ReturnSlip.order_id == order, ReturnSlip.status.in_(returns.OPEN)
                )
            ),
        )
        .join(Customer, Customer.id == Order.customer_id)
        .where(Order.id == order)
    ).one_or_none()
    return tuple(row) if row is not None else ()
