"""Sending the goods (standard chapter 6): the way the customer asked for, on the order and as
the customer's default; shipments of an order's boxes, scanned by their labels so none is left
behind and none leaves twice; the shipping record and its voucher for the file."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Box, BoxItem, CallTask, Customer, Order, OrderLine, Shipment, ShipmentBox, Staff
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.freight import Payer
from pos.domain.money import Money
from pos.domain.orders import OrderStatus, check_finished
from pos.domain.roles import Role
from pos.domain.shipping import PICKUP, ShippingState, arrival, clean_waybill, shipped_script, shipping_state
from pos.domain.slip_numbers import box_label
from pos.domain.times import day_start, local
from pos.printing.shipping_voucher import ShippingVoucherData, VoucherBox, shipping_voucher
from pos.services import audit, printing
from pos.services.carriers import offered, rate_of
from pos.services.lookup import get_order
from pos.services.printing.records import PrintContext
from pos.services.staff import StaffInfo, require_role

VOUCHER = "shipping-voucher"


@dataclass(frozen=True)
class ShipmentInfo:
    id: int
    order_number: str
    customer_name: str
    carrier: str
    waybill: str
    boxes: tuple[int, ...]
    weight_grams: int
    fee: Money
    payer: Payer
    handed_over_at: datetime  # stored (naive UTC)
    expected_arrival: str
    order_state: ShippingState
    call_task_id: int | None


def shipped_box_ids(session: Session, order: Order) -> set[int]:
    return set(
        session.scalars(
            select(ShipmentBox.box_id)
            .join(Shipment, Shipment.id == ShipmentBox.shipment_id)
            .where(Shipment.order_id == order.id)
        )
    )


def order_state(session: Session, order: Order) -> ShippingState:
    shipped = len(shipped_box_ids(session, order) & {b.id for b in order.boxes})
    return shipping_state(order.send_by, len(order.boxes), shipped)


@use_case
def set_send_by(db: Database, actor: StaffInfo | None, number: str, send_by: str) -> str:
    """Record how the customer wants the goods sent ("pickup" or an offered carrier), on the order
    and as the customer's default for the next order. Changes nothing once a box has left."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        order = get_order(session, number, lock=True)
        way = (send_by or "").strip()
        if way != PICKUP:
            way = offered(session, way).name
        if order.status == OrderStatus.VOIDED:
            raise Conflict("Order {number} is void.", number=order.number)
        if shipped_box_ids(session, order):
            raise Conflict(
                "Boxes of order {number} have been shipped: the way of sending is settled.", number=order.number
            )
        before = order.send_by
        order.send_by = way
        customer = session.get(Customer, order.customer_id)
        assert customer is not None
        customer.send_by = way
        audit.record(
            session,
            actor_id=actor.id,
            action="order.send_by",
            entity="order",
            entity_id=order.number,
            detail={"before": before, "after": way},
            at=db.now(),
        )
        return way


def customer_send_by(db: Database, customer_number: str) -> str:
    """The customer's way of sending last time ('' for none): the default for a new order."""
    with db.read() as session:
        return session.scalar(select(Customer.send_by).where(Customer.number == customer_number)) or ""


def _scanned_boxes(session: Session, order: Order, scans: list[str]) -> list[Box]:
    """The order's boxes for the labels scanned, each once; refuses another order's label, a label
    scanned twice and a box already shipped, naming it."""
    if not scans:
        raise InvalidInput("Scan the label of every box that goes into this shipment.")
    live = {b.number: b for b in order.boxes}
    shipped = shipped_box_ids(session, order)
    chosen: list[Box] = []
    for scan in scans:
        code = box_label(scan)
        if code is None:
            raise InvalidInput("'{code}' is not a box label.", code=scan)
        of, number = code
        if of != order.number:
            raise Conflict(
                "Box label {code} is of order {other}, not of {number}.", code=scan, other=of, number=order.number
            )
        box = live.get(number)
        if box is None:
            raise NotFound("Order {number} has no box {box}.", number=order.number, box=number)
        if box in chosen:
            raise Conflict("Box {box} was scanned twice.", box=number)
        if box.id in shipped:
            raise Conflict("Box {box} of order {number} has been shipped already.", box=number, number=order.number)
        chosen.append(box)
    return chosen


@use_case
def record_shipment(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    number: str,
    *,
    carrier: str,
    waybill: str,
    box_labels: list[str],
    grams: int = 0,
    fee: Money | None = None,
    payer: Payer = Payer.ON_DELIVERY,
    handed_over_at: datetime | None = None,
    voucher_printer_uri: str | None = None,
    command_id: str | None = None,
) -> ShipmentInfo:
    """Record that these boxes (by their scanned labels) were handed to the carrier under this
    waybill. The fee is the carrier's rate for them unless one is given. Makes the task to call
    the customer and, with a printer, queues the shipping voucher in the same transaction. A
    retry with the same command_id records nothing again."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    waybill = clean_waybill(waybill)
    payer = Payer(payer)
    if fee is not None and fee.fen < 0:
        raise InvalidInput("A shipping fee cannot be negative.")
    with db.transaction() as session:
        # the order is held to commit: two stations shipping its boxes take turns, so no box leaves twice
        order = get_order(session, number, lock=True)
        if command_id and (done := session.scalar(select(Shipment).where(Shipment.command_id == command_id))):
            return _info(session, done)
        if not check_finished(order.status) or not order.boxes:
            raise Conflict(
                "Order {number} is not packed yet: ship it once the bench has checked it.", number=order.number
            )
        boxes = _scanned_boxes(session, order, box_labels)
        row = offered(session, carrier)
        charged = fee if fee is not None else rate_of(row).fee(boxes=len(boxes), grams=grams)
        handed = handed_over_at or db.now()
        shipment = Shipment(
            command_id=command_id or uuid.uuid4().hex,
            order_id=order.id,
            carrier=row.name,
            waybill=waybill,
            box_count=len(boxes),
            weight_grams=grams,
            fee_fen=charged.fen,
            payer=payer.value,
            days_to_arrive=row.days_to_arrive,
            expected_arrival=arrival(local(handed).date(), row.days_to_arrive).isoformat(),
            handed_over_at=handed,
            recorded_by_id=actor.id,
            created_at=db.now(),
        )
        session.add(shipment)
        session.flush()
        session.add_all(ShipmentBox(shipment_id=shipment.id, box_id=b.id) for b in boxes)
        if not order.send_by or order.send_by == PICKUP:
            order.send_by = row.name  # it left by this carrier, whatever was said before
        customer = session.get(Customer, order.customer_id)
        assert customer is not None
        session.add(
            CallTask(
                order_id=order.id,
                shipment_id=shipment.id,
                kind="shipped",
                script=shipped_script(customer.name, row.name, row.days_to_arrive, waybill, len(boxes)),
                created_at=db.now(),
                created_by_id=actor.id,
            )
        )
        session.flush()
        if voucher_printer_uri:
            voucher = voucher_data(session, shipment)
            printing.queue_document(
                session,
                db,
                actor,
                context,
                kind=VOUCHER,
                label=order.number,
                printer_uri=voucher_printer_uri,
                build=lambda meta: shipping_voucher(voucher, meta),
                order_id=order.id,
            )
        audit.record(
            session,
            actor_id=actor.id,
            action="shipment.record",
            entity="order",
            entity_id=order.number,
            detail={
                "carrier": row.name,
                "waybill": waybill,
                "boxes": [b.number for b in boxes],
                "grams": grams,
                "fee_fen": charged.fen,
                "payer": payer.value,
            },
            at=db.now(),
            command_id=command_id,
        )
        return _info(session, shipment)


def _boxes_of(session: Session, shipment: Shipment) -> list[Box]:
    return list(
        session.scalars(
            select(Box)
            .join(ShipmentBox, ShipmentBox.box_id == Box.id)
            .where(ShipmentBox.shipment_id == shipment.id)
            .order_by(Box.number)
        )
    )


def _info(session: Session, shipment: Shipment) -> ShipmentInfo:
    order = session.get(Order, shipment.order_id)
    assert order is not None
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    task = session.scalar(select(CallTask.id).where(CallTask.shipment_id == shipment.id))
    return ShipmentInfo(
        shipment.id,
        order.number,
        customer.name,
        shipment.carrier,
        shipment.waybill,
        tuple(b.number for b in _boxes_of(session, shipment)),
        shipment.weight_grams,
        Money(shipment.fee_fen),
        Payer(shipment.payer),
        shipment.handed_over_at or shipment.created_at,
        shipment.expected_arrival,
        order_state(session, order),
        task,
    )


def voucher_data(session: Session, shipment: Shipment) -> ShippingVoucherData:
    order = session.get(Order, shipment.order_id)
    assert order is not None
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    boxes = []
    for box in _boxes_of(session, shipment):
        items = session.execute(
            select(OrderLine.item_code, OrderLine.name, BoxItem.quantity)
            .join(BoxItem, BoxItem.order_line_id == OrderLine.id)
            .where(BoxItem.box_id == box.id)
            .order_by(OrderLine.position)
        ).all()
        boxes.append(VoucherBox(box.number, tuple((c, n, q) for c, n, q in items)))
    recorder = session.get(Staff, shipment.recorded_by_id) if shipment.recorded_by_id else None
    return ShippingVoucherData(
        order_number=order.number,
        customer_name=customer.name,
        phone=customer.phone,
        address=customer.address,
        carrier=shipment.carrier,
        waybill=shipment.waybill,
        handed_over_at=local(shipment.handed_over_at or shipment.created_at),
        expected_arrival=shipment.expected_arrival,
        weight_grams=shipment.weight_grams,
        fee_fen=shipment.fee_fen,
        payer=shipment.payer,
        boxes=tuple(boxes),
        order_boxes=len(order.boxes),
        recorded_by=recorder.name if recorder else "",
    )


def search(
    db: Database,
    *,
    customer: str = "",
    since: date | None = None,
    until: date | None = None,
    waybill: str = "",
    limit: int = 200,
) -> list[ShipmentInfo]:
    """The shipping record, newest first: by customer (name, number or phone, any part), by the
    shop's dates handed over (both days included) and by waybill number (any part)."""
    with db.read() as session:
        query = (
            select(Shipment).join(Order, Order.id == Shipment.order_id).join(Customer, Customer.id == Order.customer_id)
        )
        if who := customer.strip():
            like = f"%{who}%"
            query = query.where(Customer.name.like(like) | Customer.number.like(like) | Customer.phone.like(like))
        if since is not None:
            query = query.where(func.coalesce(Shipment.handed_over_at, Shipment.created_at) >= day_start(since))
        if until is not None:
            query = query.where(
                func.coalesce(Shipment.handed_over_at, Shipment.created_at) < day_start(until + timedelta(days=1))
            )
        if wanted := "".join(waybill.split()).upper():
            query = query.where(Shipment.waybill.like(f"%{wanted}%"))
        rows = session.scalars(query.order_by(Shipment.id.desc()).limit(limit)).all()
        return [_info(session, row) for row in rows]
