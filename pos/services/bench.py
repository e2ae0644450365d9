"""The packing bench (打包台): load a printed slip, check every unit with the customer (check one,
pack one, tick one), cross out what is not wanted, pack numbered boxes, seal and label them, take
the signatures, complete.

Each tick is one short transaction that bumps the line with a conditional update, so two packers
scanning the same order from two stations can never tick more than is on the slip, and a tick is
stored before the screen shows it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Box, BoxItem, Customer, Order, OrderLine, Product, ProductBarcode, ReturnSlip, Signature, TickEvent
from pos.domain.check import BoxState, HandTickReason, LineCount, Mode, completion_problems
from pos.domain.codes import Scan, parse_scan
from pos.domain.customers import pinyin_key
from pos.domain.instore_codes import InStoreCode, InStoreRule, decode_instore, weight_in_name
from pos.domain.money import Money
from pos.domain.errors import Conflict, InvalidInput, NotFound, PermissionDenied, PosError
from pos.domain.orders import OrderStatus, transition
from pos.domain.roles import Role
from pos.domain.times import local_text
from pos.services import audit, printing, returns
from pos.services.catalog import find_product
from pos.services.lookup import get_line, get_order, lock_customer
from pos.services.orders import list_prices
from pos.services.printing import PrintContext
from pos.services.staff import StaffInfo, require_role

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
    version: tuple = ()  # bench.version() as of this read

    @property
    def needs_second_packer(self) -> bool:
        """Customer absent with one packer: an order stuck before the second packer signed."""
        return self.status == OrderStatus.CHECKING and self.mode == Mode.ABSENT and "second_checker" not in self.signatures

    @property
    def open_box(self) -> BenchBox | None:
        return next((box for box in reversed(self.boxes) if not box.sealed), None)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def done_units(self) -> int:
        return sum(line.ticked + line.crossed for line in self.lines)


@dataclass(frozen=True)
class TickResult:
    """What a tick changed: its line, the open box, the progress. Kept small on purpose: it is
    built on every scan of orders of hundreds of lines."""

    line: BenchLine
    box: BenchBox
    done_units: int
    units: int

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
        return Conflict("Return slip {slip} needs its three signatures.",
                        slip=current.open_returns[0] if current.open_returns else "")
    if problem == "nothing_packed":
        return Conflict("Nothing is packed in a box yet.")
    return Conflict("The checker has not signed.")


def view(session: Session, order: Order) -> BenchView:
    session.refresh(order)
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    lines = tuple(BenchLine(ln.id, ln.position, ln.item_code, ln.name, ln.quantity, ln.ticked, ln.crossed,
                            ln.manual_ticks, ln.defective, Money(ln.unit_price_fen)) for ln in session.scalars(
        select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.position)))
    by_id = {line.id: line for line in lines}
    boxes = []
    for box in session.scalars(select(Box).where(Box.order_id == order.id, LIVE_BOX).order_by(Box.number)):
        items = tuple(sorted(
            (by_id[item.order_line_id].position, by_id[item.order_line_id].item_code, by_id[item.order_line_id].name,
             item.quantity) for item in session.scalars(select(BoxItem).where(BoxItem.box_id == box.id))))
        boxes.append(BenchBox(box.number, box.sealed_at is not None, items))
    signatures = {s.role: s.signer_name for s in session.scalars(select(Signature).where(
        Signature.order_id == order.id, LIVE_SIGNATURE))}
    open_returns = tuple(session.scalars(select(ReturnSlip.number).where(
        ReturnSlip.order_id == order.id, ReturnSlip.status.in_(returns.OPEN))))
    problems = completion_problems(
        [LineCount(ln.quantity, ln.ticked, ln.crossed) for ln in lines],
        [BoxState(b.number, b.count, b.sealed) for b in boxes],
        order.customer_mode, set(signatures), len(open_returns), order.copy3_to == "box")
    return BenchView(order.number, order.status, order.customer_mode, customer.name, customer.phone, customer.address,
                     customer.number, order.name_confirmed_at is not None, lines, tuple(boxes), signatures, open_returns,
                     tuple(problems), _version(session, order.number))


def bench_view(db: Database, number: str) -> BenchView:
    with db.transaction() as session:
        return view(session, get_order(session, number))


def version(db: Database, number: str) -> tuple:
    """A cheap fingerprint of everything the bench shows of an order, read in one round trip: it
    changes when the order changes anywhere (another station ticks, a manager resets it, the name
    is corrected, a return slip is signed), so an open bench screen knows to read it again."""
    with db.transaction() as session:
        return _version(session, number)


def _version(session: Session, number: str) -> tuple:
    order = select(Order.id).where(Order.number == (number or "").strip().upper()).scalar_subquery()
    lines = select(OrderLine).where(OrderLine.order_id == order).subquery()
    ticks = select(TickEvent).where(TickEvent.order_id == order).subquery()
    boxes = select(Box).where(Box.order_id == order, LIVE_BOX).subquery()
    slips = select(ReturnSlip.id).where(ReturnSlip.order_id == order)

    def one(query):  # noqa: ANN001, ANN202
        return query.scalar_subquery()

    row = session.execute(select(
        Order.status, Order.customer_mode, Order.name_confirmed_at, Customer.name,
        one(select(func.coalesce(func.sum(lines.c.ticked), 0))),
        one(select(func.coalesce(func.sum(lines.c.crossed), 0))),
        one(select(func.coalesce(func.sum(lines.c.defective), 0))),
        one(select(func.count(ticks.c.id))), one(select(func.count(ticks.c.undone_at))),
        one(select(func.count(boxes.c.id))), one(select(func.count(boxes.c.sealed_at))),
        one(select(func.coalesce(func.sum(BoxItem.quantity * Box.number), 0))
            .join(Box, Box.id == BoxItem.box_id).where(Box.order_id == order, LIVE_BOX)),
        one(select(func.coalesce(func.max(Signature.id), 0)).where(
            (Signature.order_id == order) | Signature.return_slip_id.in_(slips))),
        one(select(func.count(Signature.id)).where(
            (Signature.order_id == order) | Signature.return_slip_id.in_(slips), LIVE_SIGNATURE)),
        one(select(func.count(ReturnSlip.id)).where(ReturnSlip.order_id == order,
                                                    ReturnSlip.status.in_(returns.OPEN))),
    ).join(Customer, Customer.id == Order.customer_id).where(Order.id == order)).one_or_none()
    return tuple(row) if row is not None else ()


def queue(db: Database) -> list[QueueEntry]:
    """Slips printed at the counter and waiting for (or in) a check, oldest first."""
    with db.transaction() as session:
        rows = session.execute(
            select(Order.number, Order.status, Customer.name, func.coalesce(func.sum(OrderLine.quantity), 0),
                   Order.printed_at)
            .join(Customer, Customer.id == Order.customer_id)
            .join(OrderLine, OrderLine.order_id == Order.id, isouter=True)
            .where(Order.status.in_((OrderStatus.PRINTED, OrderStatus.CHECKING)))
            .group_by(Order.id, Order.number, Order.status, Customer.name, Order.printed_at)
            .order_by(Order.printed_at, Order.id)
        ).all()
        return [QueueEntry(n, s, c, int(u), local_text(p)) for n, s, c, u, p in rows]


def resume_candidate(db: Database, station: str) -> str | None:
    """The order this station was in the middle of checking (its latest tick here), so a bench that
    restarts after a crash comes back to it."""
    with db.transaction() as session:
        return session.scalar(
            select(Order.number).join(TickEvent, TickEvent.order_id == Order.id)
            .where(TickEvent.station == station, Order.status == OrderStatus.CHECKING)
            .order_by(TickEvent.id.desc()).limit(1)
        )


@use_case
def start_check(db: Database, packer: StaffInfo | None, number: str, mode: str, second: StaffInfo | None = None,
                ) -> BenchView:
    """The packer signs as checker (点货人), confirms the customer's name and chooses customer present
    or absent; when absent, the second packer (signed in with their own PIN, a different person)
    signs too. All of it in one transaction: a refusal leaves the order waiting in the queue.
    Loading an order already being checked (after a restart, or at a second station) resumes it as
    it is."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    mode = Mode(mode).value
    if mode == Mode.ABSENT:
        if second is None:
            raise InvalidInput("The customer is absent: the second packer signs in too.")
        second = require_role(second, Role.PACKER, Role.MANAGER)
        if second.id == packer.id:
            raise Conflict("The second packer must be a different person from the first.")
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        if order.status == OrderStatus.CHECKING:
            return view(session, order)
        order.status = transition(order.status, "start_check")
        now = db.now()
        order.customer_mode, order.check_started_at, order.name_confirmed_at = mode, now, now
        session.add(Signature(order_id=order.id, role="checker", method="pin", staff_id=packer.id,
                              signer_name=packer.name, signed_at=now))
        if second is not None and mode == Mode.ABSENT:
            session.add(Signature(order_id=order.id, role="second_checker", method="pin", staff_id=second.id,
                                  signer_name=second.name, signed_at=now))
        if not session.scalar(select(Box.id).where(Box.order_id == order.id, LIVE_BOX).limit(1)):
            session.add(Box(order_id=order.id, number=1))
        audit.record(session, actor_id=packer.id, action="bench.start_check", entity="order", entity_id=order.number,
                     detail={"mode": mode, "name_confirmed": True,
                             **({"second_checker": second.name} if mode == Mode.ABSENT and second else {})},
                     at=now)
        session.flush()
        return view(session, order)


@use_case
def reset_check(db: Database, manager: StaffInfo | None, number: str) -> None:
    """A manager sends a check that cannot go on (customer absent with one packer) back to the
    queue: checking starts again from zero. Nothing is deleted: its ticks are marked undone by the
    manager, its boxes set aside (their contents unpacked) and its signatures superseded; the audit
    entry says what was cleared. Refused once anything is crossed out or a box sealed: those left
    paper behind (a return slip, a label)."""
    manager = require_role(manager, Role.MANAGER)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        order.status = transition(order.status, "reset_check")
        lines = list(session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)))
        if any(line.crossed for line in lines) or session.scalar(
                select(Box.id).where(Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_not(None)).limit(1)):
            raise Conflict("Order {number} has crossed-out items or a sealed box: it cannot go back to the queue.",
                           number=order.number)
        now = db.now()
        cleared = {ln.item_code: ln.ticked for ln in lines if ln.ticked}
        signers = {s.role: s.signer_name for s in session.scalars(select(Signature).where(
            Signature.order_id == order.id, LIVE_SIGNATURE))}
        session.execute(update(TickEvent).where(TickEvent.order_id == order.id, TickEvent.undone_at.is_(None))
                        .values(undone_at=now, undone_by_id=manager.id))
        session.execute(update(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE)
                        .values(superseded_at=now))
        box_ids = select(Box.id).where(Box.order_id == order.id, LIVE_BOX)
        # box_items are what a box holds now, not a record: the goods come out of the set-aside
        # boxes; what was packed when stays in the tick records
        session.execute(BoxItem.__table__.delete().where(BoxItem.box_id.in_(box_ids)))
        session.execute(update(Box).where(Box.order_id == order.id, LIVE_BOX).values(discarded_at=now))
        for line in lines:
            line.ticked = line.manual_ticks = 0
        order.customer_mode, order.check_started_at, order.name_confirmed_at = Mode.PRESENT.value, None, None
        audit.record(session, actor_id=manager.id, action="bench.reset_check", entity="order", entity_id=order.number,
                     detail={"ticked": cleared, "signatures": signers}, at=now)
        if signers:
            audit.record(session, actor_id=manager.id, action="signature.superseded", entity="order",
                         entity_id=order.number, detail={"roles": sorted(signers), "reason": "reset_check"}, at=now)


@use_case
def confirm_name(db: Database, packer: StaffInfo | None, number: str) -> BenchView:
    """The packer confirms the customer's name again (start_check already does when the check
    begins)."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        order.name_confirmed_at = db.now()
        audit.record(session, actor_id=packer.id, action="bench.confirm_name", entity="order", entity_id=order.number,
                     at=db.now())
        return view(session, order)


@use_case
def correct_name(db: Database, cashier: StaffInfo | None, number: str, new_name: str) -> BenchView:
    """"The name is wrong": a cashier-role user corrects the customer record; audited."""
    cashier = require_role(cashier, Role.CASHIER, Role.MANAGER)
    new_name = (new_name or "").strip()
    if not new_name or len(new_name) > 100:
        raise InvalidInput("The customer's name is required.")
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        customer = lock_customer(session, order.customer_id)
        old, customer.name = customer.name, new_name
        customer.name_pinyin, customer.name_initials = pinyin_key(new_name)
        audit.record(session, actor_id=cashier.id, action="customer.correct_name", entity="customer",
                     entity_id=customer.number, detail={"from": old, "to": new_name, "order": order.number}, at=db.now())
        return view(session, order)


def _open_box(session: Session, order: Order) -> Box:
    box = session.scalar(select(Box).where(Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_(None))
                         .order_by(Box.number.desc()))
    if box is None:
        raise Conflict("Every box of order {number} is sealed: open a new box (F8).", number=order.number)
    return box


def _pack(session: Session, box: Box, line: OrderLine, count: int) -> None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    table = BoxItem.__table__
    session.execute(insert(table).values(box_id=box.id, order_line_id=line.id, quantity=count)
                    .on_conflict_do_update(index_elements=[table.c.box_id, table.c.order_line_id],
                                           set_={"quantity": table.c.quantity + count}))


def _tick_line(session: Session, db: Database, packer: StaffInfo, order: Order, line: OrderLine, count: int, *,
               manual: bool, station: str, command_id: str | None, scanned: str) -> TickResult:
    box = _open_box(session, order)
    bumped = session.execute(
        update(OrderLine)
        .where(OrderLine.id == line.id, OrderLine.ticked + OrderLine.crossed + count <= OrderLine.quantity)
        .values(ticked=OrderLine.ticked + count, manual_ticks=OrderLine.manual_ticks + (count if manual else 0))
    ).rowcount
    if not bumped:
        session.refresh(line)
        raise RefusedScan(
            "{scanned}: line {position}, {code} {name}: all {quantity} are ticked or crossed already.",
            scanned=scanned, position=line.position, quantity=line.quantity, code=line.item_code, name=line.name)
    _pack(session, box, line, count)
    session.add(TickEvent(command_id=command_id or uuid.uuid4().hex, order_id=order.id, order_line_id=line.id,
                          box_id=box.id, staff_id=packer.id, station=station, quantity=count, manual=manual,
                          created_at=db.now()))
    session.flush()
    return _tick_result(session, order, line.id, box)


def _tick_result(session: Session, order: Order, line_id: int, box: Box) -> TickResult:
    ln = session.get(OrderLine, line_id)
    assert ln is not None
    session.refresh(ln)
    line = BenchLine(ln.id, ln.position, ln.item_code, ln.name, ln.quantity, ln.ticked, ln.crossed, ln.manual_ticks,
                     ln.defective, Money(ln.unit_price_fen))
    items = tuple(sorted(session.execute(
        select(OrderLine.position, OrderLine.item_code, OrderLine.name, BoxItem.quantity)
        .join(BoxItem, BoxItem.order_line_id == OrderLine.id).where(BoxItem.box_id == box.id)).all()))
    done, units = session.execute(
        select(func.coalesce(func.sum(OrderLine.ticked + OrderLine.crossed), 0), func.coalesce(func.sum(OrderLine.quantity), 0))
        .where(OrderLine.order_id == order.id)).one()
    return TickResult(line, BenchBox(box.number, box.sealed_at is not None, tuple(tuple(i) for i in items)),
                      int(done), int(units))


@use_case
def tick(db: Database, packer: StaffInfo | None, number: str, scanned: str, *, station: str = "",
         command_id: str | None = None, instore_rules: tuple[InStoreRule, ...] = ()) -> TickResult:
    """A scan at the bench ticks one unit (or QTY*) of the matching line and packs it into the open
    box. A code not on the slip, or beyond what remains, is refused and changes nothing.

    An in-store label (prefix 20-29, read by the station's `instore_rules` as at the counter) ticks
    the line of that very piece: same item and the label's weight or price. The bare item code of
    a weighed item is refused while only weighed pieces of it are left to match: each piece is
    checked by its own label ("点一样，装一样，钩一样": code, price and quantity exactly right)."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    scan = parse_scan(scanned)
    label = decode_instore(scan.code, instore_rules)
    with db.transaction() as session:
        order = _checking(session, number)
        if command_id and session.scalar(select(TickEvent.id).where(TickEvent.command_id == command_id)):
            return _replayed(session, order, command_id)
        product_ids = set(session.scalars(select(ProductBarcode.product_id).where(ProductBarcode.barcode == scan.code)))
        candidates = [ln for ln in session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)
                                                   .order_by(OrderLine.position))
                      if ln.item_code == scan.code or ln.product_id in product_ids]
        if label is not None:
            candidates = [_labelled_line(session, order, label, scan)]  # or refused: not on the slip
        if not candidates:
            known = session.execute(select(Product.item_code, Product.name).where(
                (Product.item_code == scan.code) | Product.id.in_(product_ids)).limit(1)).first()
            if known is not None and known.item_code == scan.code:  # the packer sees what was picked up
                raise RefusedScan("{code} {name} is not on slip {number}.", code=known.item_code, name=known.name,
                                  number=order.number)
            if known is not None:  # a barcode: its item code too
                raise RefusedScan("{scanned}: {code} {name} is not on slip {number}.", scanned=scan.code,
                                  code=known.item_code, name=known.name, number=order.number)
            raise RefusedScan("{scanned} is not on slip {number}.", scanned=scan.code, number=order.number)
        line = candidates[0] if label is not None else _unweighed_line(session, candidates, scan)
        result = _tick_line(session, db, packer, order, line, scan.quantity, manual=False, station=station,
                            command_id=command_id, scanned=scan.code)
        audit.record(session, actor_id=packer.id, action="bench.tick", entity="order", entity_id=order.number,
                     detail={"code": line.item_code, "quantity": scan.quantity, "box": result.box_number,
                             **({"position": line.position, "label": scan.code} if label else {})},
                     at=db.now())
        return result


def _first_with_room(lines: list[OrderLine], quantity: int) -> OrderLine:
    """The first line with `quantity` units left, else the first (whose refusal names it)."""
    return next((ln for ln in lines if ln.quantity - ln.ticked - ln.crossed >= quantity), lines[0])


def _labelled_line(session: Session, order: Order, label: InStoreCode, scan: Scan) -> OrderLine:
    """The line of the piece whose in-store label was scanned: the item at the label's weight (the
    line's name carries it, as the counter wrote it) or at the label's price (or its price before
    a manager changed it). Two pieces with the same label are the same to the customer."""
    product = find_product(session, label.item)
    if product is None:
        raise RefusedScan("{scanned} is not on slip {number}.", scanned=scan.code, number=order.number)
    lines = list(session.scalars(select(OrderLine).where(OrderLine.order_id == order.id,
                                                         OrderLine.product_id == product.id)
                                 .order_by(OrderLine.position)))
    if label.kind == "weight":
        matching = [ln for ln in lines if weight_in_name(ln.name, product.name) == label.grams]
        shown = f"{label.grams}g"
    else:
        before = list_prices(session, order) if lines else {}
        matching = [ln for ln in lines if weight_in_name(ln.name, product.name) is None
                    and label.value in (ln.unit_price_fen, before.get(ln.position))]
        shown = Money(label.value).format()
    if not matching:  # another piece, or one the counter never scanned: wrong as any wrong item
        raise RefusedScan("{scanned}: {code} {name} {label} is not on slip {number}.", scanned=scan.code,
                          code=product.item_code, name=product.name, label=shown, number=order.number)
    return _first_with_room(matching, scan.quantity)


def _unweighed_line(session: Session, candidates: list[OrderLine], scan: Scan) -> OrderLine:
    """Of the lines an item code or barcode matches, the one to tick: never a weighed piece's (see
    tick), whose line name carries its weight."""
    suspects = {ln.product_id for ln in candidates if ln.name.endswith("g")}  # most scans: none, no query
    names = dict(session.execute(select(Product.id, Product.name).where(Product.id.in_(suspects))).all()) if suspects else {}
    pieces = [ln for ln in candidates if ln.product_id in names and weight_in_name(ln.name, names[ln.product_id])]
    unweighed = [ln for ln in candidates if ln not in pieces]
    if not unweighed:  # which piece is this? only its own label says
        first = pieces[0]
        raise RefusedScan("{code} {name} is weighed piece by piece: scan the label on the piece itself.",
                          code=first.item_code, name=names[first.product_id])
    return _first_with_room(unweighed, scan.quantity)


def _replayed(session: Session, order: Order, command_id: str) -> TickResult:
    event = session.scalar(select(TickEvent).where(TickEvent.command_id == command_id))
    assert event is not None
    box = session.get(Box, event.box_id)
    assert box is not None
    return _tick_result(session, order, event.order_line_id, box)


@use_case
def manual_tick(db: Database, packer: StaffInfo | None, number: str, position: int, count: int, *,
                reason: str, station: str = "", command_id: str | None = None) -> TickResult:
    """For an item whose label cannot be scanned: tick `count` units by hand (marked manual), with
    the reason (no label, damaged label, defect), which the audit entry keeps for the area lead.
    A retry with the same command_id (after a lost reply) ticks nothing more: it returns the first result."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    if not 1 <= count <= 9999:
        raise InvalidInput("Quantity must be between 1 and {maximum}.", maximum=9999)
    if reason not in {r.value for r in HandTickReason}:
        raise InvalidInput("Say why the item is ticked by hand.")
    with db.transaction() as session:
        order = _checking(session, number)
        if command_id and session.scalar(select(TickEvent.id).where(TickEvent.command_id == command_id)):
            return _replayed(session, order, command_id)
        line = get_line(session, order, position)
        result = _tick_line(session, db, packer, order, line, count, manual=True, station=station,
                            command_id=command_id, scanned=line.item_code)
        audit.record(session, actor_id=packer.id, action="bench.manual_tick", entity="order", entity_id=order.number,
                     detail={"position": position, "code": line.item_code, "quantity": count,
                             "box": result.box_number, "reason": reason}, at=db.now())
        return result


@use_case
def undo_last_tick(db: Database, actor: StaffInfo | None, number: str, *,
                   manager: StaffInfo | None = None) -> BenchView:
    """The packer may take back the most recent tick (theirs, its box still open); anything further
    back needs a manager: the actor is one, or `manager` approved it on the spot (PIN)."""
    actor = require_role(actor, Role.PACKER, Role.MANAGER)
    if manager is not None:
        manager = require_role(manager, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        events = session.scalars(select(TickEvent).where(TickEvent.order_id == order.id).order_by(TickEvent.id.desc()))
        latest = next(iter(events), None)
        target = session.scalar(select(TickEvent).where(TickEvent.order_id == order.id, TickEvent.undone_at.is_(None))
                                .order_by(TickEvent.id.desc()))
        if target is None:
            raise Conflict("There is no tick to undo.")
        box = session.get(Box, target.box_id)
        if box is None or box.sealed_at is not None:  # first: no manager is fetched for what nobody may do
            raise Conflict("Box {box} is sealed: its contents cannot change.", box=box.number if box else "?")
        if not actor.has(Role.MANAGER) and manager is None and (target is not latest or target.staff_id != actor.id):
            raise PermissionDenied("{name} may not do this: it needs the {roles} role.", name=actor.name, roles="manager")
        line = session.get(OrderLine, target.order_line_id)
        assert line is not None
        line.ticked -= target.quantity
        if target.manual:
            line.manual_ticks -= target.quantity
        item = session.scalar(select(BoxItem).where(BoxItem.box_id == box.id, BoxItem.order_line_id == line.id))
        assert item is not None
        item.quantity -= target.quantity
        if item.quantity == 0:
            session.delete(item)
        target.undone_at, target.undone_by_id = db.now(), actor.id
        detail = {"code": line.item_code, "quantity": target.quantity, "box": box.number}
        if manager is not None:
            detail["approved_by"] = manager.name
        audit.record(session, actor_id=actor.id, action="bench.undo_tick", entity="order", entity_id=order.number,
                     detail=detail, at=db.now())
        session.flush()
        return view(session, order)


@use_case
def cross_out(db: Database, packer: StaffInfo | None, number: str, position: int, count: int, reason: str,
              reason_text: str = "") -> BenchView:
    """× units the customer does not want (or defective ones with no replacement): they leave the
    total and go on the order's return slip, which takes effect once signed by all three."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    if count < 1:
        raise InvalidInput("Quantity must be between 1 and {maximum}.", maximum=9999)
    with db.transaction() as session:
        order = _checking(session, number)
        line = get_line(session, order, position)
        bumped = session.execute(
            update(OrderLine)
            .where(OrderLine.id == line.id, OrderLine.ticked + OrderLine.crossed + count <= OrderLine.quantity)
            .values(crossed=OrderLine.crossed + count)
        ).rowcount
        if not bumped:
            raise RefusedScan("Only {remaining} of {code} {name} are left to cross out.",
                              remaining=line.quantity - line.ticked - line.crossed, code=line.item_code, name=line.name)
        session.refresh(line)
        slip = returns.add_crossed(session, db, packer, order, line, count, reason, reason_text)
        audit.record(session, actor_id=packer.id, action="bench.cross_out", entity="order", entity_id=order.number,
                     detail={"position": position, "quantity": count, "reason": reason, "return_slip": slip.number},
                     at=db.now())
        session.flush()
        return view(session, order)


@use_case
def open_box(db: Database, packer: StaffInfo | None, number: str) -> BenchView:
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        empty = session.scalar(select(Box).where(Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_(None),
                                                 ~Box.id.in_(select(BoxItem.box_id))))
        if empty is not None:
            raise Conflict("Box {box} is open and still empty: pack into it first.", box=empty.number)
        last = session.scalar(select(func.max(Box.number)).where(Box.order_id == order.id, LIVE_BOX)) or 0
        session.add(Box(order_id=order.id, number=last + 1))
        audit.record(session, actor_id=packer.id, action="bench.open_box", entity="order", entity_id=order.number,
                     detail={"box": last + 1}, at=db.now())
        session.flush()
        return view(session, order)


@use_case
def move_item(db: Database, packer: StaffInfo | None, number: str, position: int, from_box: int, to_box: int,
              count: int = 1) -> BenchView:
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        line = get_line(session, order, position)
        boxes = {b.number: b for b in session.scalars(select(Box).where(Box.order_id == order.id, LIVE_BOX))}
        source, target = boxes.get(from_box), boxes.get(to_box)
        if source is None or target is None or source is target:
            raise InvalidInput("Choose two different boxes of this order.")
        if source.sealed_at is not None or target.sealed_at is not None:
            raise Conflict("Box {box} is sealed: its contents cannot change.",
                           box=source.number if source.sealed_at else target.number)
        item = session.scalar(select(BoxItem).where(BoxItem.box_id == source.id, BoxItem.order_line_id == line.id))
        if item is None or item.quantity < count or count < 1:
            raise InvalidInput("Box {box} holds fewer than {count} of {code}.", box=from_box, count=count,
                               code=line.item_code)
        item.quantity -= count
        if item.quantity == 0:
            session.delete(item)
        session.flush()
        _pack(session, target, line, count)
        audit.record(session, actor_id=packer.id, action="bench.move_item", entity="order", entity_id=order.number,
                     detail={"position": position, "from": from_box, "to": to_box, "quantity": count}, at=db.now())
        session.flush()
        return view(session, order)


@use_case
def seal_box(db: Database, packer: StaffInfo | None, context: PrintContext, number: str, box_number: int,
             printer_uri: str, *, copy3_confirmed_by: StaffInfo | None = None) -> BenchView:
    """Seal a box and print its label in the same transaction. An empty box cannot be sealed. When
    the customer is absent, the last box (nothing left to check, no other box open with items) is
    sealed only with copy 3 inside, confirmed by both packers: the sealing one and
    `copy3_confirmed_by`, the other, signed in with their PIN."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        box = session.scalar(select(Box).where(Box.order_id == order.id, LIVE_BOX, Box.number == box_number))
        if box is None:
            raise NotFound("Order {number} has no box {box}.", number=order.number, box=box_number)
        if box.sealed_at is not None:
            raise Conflict("Box {box} is sealed: its contents cannot change.", box=box_number)
        if not session.scalar(select(func.count()).select_from(BoxItem).where(BoxItem.box_id == box.id)):
            raise Conflict("Box {box} is empty: an empty box is not sealed.", box=box_number)
        if order.customer_mode == Mode.ABSENT and not session.scalar(
                select(Signature.id).where(Signature.order_id == order.id, LIVE_SIGNATURE,
                                           Signature.role == "second_checker")):
            # both packers' names go on the label, so the second signs in before the first seal
            raise Conflict("The customer is absent: the second packer signs in before a box is sealed.")
        if order.customer_mode == Mode.ABSENT and order.copy3_to != "box" and _last_box(session, order, box):
            _copy3_in_box(session, db, order, packer, copy3_confirmed_by, box_number)
        box.sealed_at, box.sealed_by_id = db.now(), packer.id
        session.flush()
        printing.queue_in_session(session, db, packer, context, kind="box-label", number=order.number,
                                  printer_uri=printer_uri, boxes=(box_number,))
        audit.record(session, actor_id=packer.id, action="bench.seal_box", entity="order", entity_id=order.number,
                     detail={"box": box_number}, at=db.now())
        return view(session, order)


def _last_box(session: Session, order: Order, box: Box) -> bool:
    left = session.scalar(select(func.coalesce(func.sum(OrderLine.quantity - OrderLine.ticked - OrderLine.crossed), 0))
                          .where(OrderLine.order_id == order.id))
    others = session.scalar(select(func.count(Box.id)).where(
        Box.order_id == order.id, LIVE_BOX, Box.id != box.id, Box.sealed_at.is_(None),
        Box.id.in_(select(BoxItem.box_id))))
    return not left and not others


def _copy3_in_box(session: Session, db: Database, order: Order, packer: StaffInfo, confirmer: StaffInfo | None,
                  box_number: int) -> None:
    """Both packers confirm copy 3 (第三联) is in the clear bag inside the box lid; recorded."""
    packers = {s.staff_id: s.signer_name for s in session.scalars(select(Signature).where(
        Signature.order_id == order.id, LIVE_SIGNATURE, Signature.role.in_(("checker", "second_checker"))))}
    if confirmer is None or {packer.id, confirmer.id} != set(packers):
        raise Copy3NotConfirmed.of(Conflict("Customer absent: both packers ({names}) confirm copy 3 is in box {box}.",
                                            names="、".join(packers.values()), box=box_number))
    order.copy3_to = "box"
    audit.record(session, actor_id=packer.id, action="bench.copy3_in_box", entity="order", entity_id=order.number,
                 detail={"box": box_number, "confirmed_by": sorted(packers.values())}, at=db.now())


@use_case
def sign_second_checker(db: Database, packer: StaffInfo | None, second: StaffInfo | None, number: str) -> BenchView:
    """Customer absent: a second packer, signed in with their own PIN, checks too."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    second = require_role(second, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        if order.customer_mode != Mode.ABSENT:
            raise Conflict("A second packer signs only when the customer is absent.")
        checker = session.scalar(select(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE,
                                                         Signature.role == "checker"))
        if checker is not None and checker.staff_id == second.id:
            raise Conflict("The second packer must be a different person from the first.")
        if session.scalar(select(Signature.id).where(Signature.order_id == order.id, LIVE_SIGNATURE,
                                                     Signature.role == "second_checker")):
            raise Conflict("Order {number} has its second packer already.", number=order.number)
        session.add(Signature(order_id=order.id, role="second_checker", method="pin", staff_id=second.id,
                              signer_name=second.name, signed_at=db.now()))
        audit.record(session, actor_id=second.id, action="bench.second_checker", entity="order", entity_id=order.number,
                     at=db.now())
        session.flush()
        return view(session, order)


@use_case
def sign_customer(db: Database, packer: StaffInfo | None, number: str, *, image_png: bytes | None = None,
                  on_paper: bool = False) -> BenchView:
    """Customer present: they confirm everything is in the boxes and sign (pad, or paper recorded
    by the packer)."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        _customer_signs(session, db, packer, order, image_png, on_paper)
        return view(session, order)


def _customer_signs(session: Session, db: Database, packer: StaffInfo, order: Order, image_png: bytes | None,
                    on_paper: bool) -> None:
    if not on_paper and not image_png:
        raise InvalidInput("The signature pad is empty.")
    if order.customer_mode != Mode.PRESENT:
        raise Conflict("The customer is absent: two packers sign instead.")
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    now = db.now()
    existing = session.scalar(select(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE,
                                                      Signature.role == "customer"))
    if existing is not None:
        # signed again after a correction: the newest signature counts, the earlier one stays on
        # record as superseded (one live signature per role: it stops being live first)
        existing.superseded_at = now
        session.flush()
    signature = Signature(order_id=order.id, role="customer", method="paper" if on_paper else "pad",
                          signer_name=customer.name, image_png=None if on_paper else image_png, signed_at=now)
    session.add(signature)
    session.flush()
    audit.record(session, actor_id=packer.id, action="bench.customer_signed", entity="order", entity_id=order.number,
                 detail={"method": "paper" if on_paper else "pad", "signature": signature.id}, at=now)
    if existing is not None:
        existing.superseded_by_id = signature.id
        audit.record(session, actor_id=packer.id, action="signature.superseded", entity="order",
                     entity_id=order.number, detail={"role": "customer", "signature": existing.id,
                                                     "by": signature.id}, at=now)
    session.flush()


@use_case
def complete(db: Database, packer: StaffInfo | None, number: str, *, signature_png: bytes | None = None,
             signed_on_paper: bool = False, copy3_confirmed_by: StaffInfo | None = None) -> BenchView:
    """The order is checked when every unit is ticked or crossed, every box with items is sealed
    (empty open boxes are discarded), the signatures are there and any return slip is signed or set
    aside. Copy 3 goes to the customer, or inside the box when they are absent. The customer's
    signature, when given, is taken in the same transaction (sign-and-complete): a refusal leaves
    no signature behind."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = _checking(session, number)
        if signature_png or signed_on_paper:
            _customer_signs(session, db, packer, order, signature_png, signed_on_paper)
        if copy3_confirmed_by is not None and order.customer_mode == Mode.ABSENT and order.copy3_to != "box":
            # the last box was sealed before everything was checked (the rest crossed out later)
            last = session.scalar(select(func.max(Box.number)).where(Box.order_id == order.id, LIVE_BOX)) or 0
            _copy3_in_box(session, db, order, packer, copy3_confirmed_by, last)
        for box in session.scalars(select(Box).where(Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_(None))):
            if not session.scalar(select(func.count()).select_from(BoxItem).where(BoxItem.box_id == box.id)):
                # set aside, not deleted: a tick that was packed into it and undone still points at it
                box.discarded_at = db.now()
        session.flush()
        current = view(session, order)
        if current.problems:
            raise Conflict("Order {number} is not finished: {problem}", number=order.number,
                           problem=_unfinished(current))
        order.status = transition(order.status, "complete_check")
        order.checked_at = db.now()
        order.copy3_to = "customer" if order.customer_mode == Mode.PRESENT else "box"
        audit.record(session, actor_id=packer.id, action="bench.complete", entity="order", entity_id=order.number,
                     detail={"boxes": len(current.boxes), "copy3": order.copy3_to}, at=db.now())
        session.flush()
        return view(session, order)

