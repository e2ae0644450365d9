"""What each document shows, gathered from the database: sales slip, receipt, return slip, box
label."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models import Box, Customer, Order, OrderLine, Payment, ReturnSlip, Signature, Staff
from pos.domain.errors import Conflict, NotFound
from pos.domain.orders import OrderStatus, check_finished
from pos.domain.return_slips import ReturnSlipStatus
from pos.domain.shipping import send_by_label
from pos.domain.times import local
from pos.printing.data import (
    BoxLabelData,
    PaymentLine,
    Receipt,
    ReturnLineData,
    ReturnSlipData,
    SalesSlip,
    SignatureData,
    SlipLine,
)
from pos.services.orders import list_prices


def _return(session: Session, number: str) -> ReturnSlip:
    slip = session.scalar(select(ReturnSlip).where(ReturnSlip.number == number.strip().upper()))
    if slip is None:
        raise NotFound("No return slip with number {number}.", number=number)
    return slip


def _staff_name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    person = session.get(Staff, staff_id)
    return person.name if person else ""


def _checkers(session: Session, order: Order) -> tuple[str, ...]:
    signatures = session.scalars(
        select(Signature)
        .where(
            Signature.order_id == order.id,
            Signature.superseded_at.is_(None),
            Signature.role.in_(("checker", "second_checker")),
        )
        .order_by(Signature.role)
    ).all()
    return tuple(s.signer_name for s in signatures)


def sales_slip_data(session: Session, order: Order) -> SalesSlip:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    changed = list_prices(session, order)
    return SalesSlip(
        number=order.number,
        created_at=local(order.created_at),
        cashier=_staff_name(session, order.cashier_id),
        customer_number=customer.number,
        customer_name=customer.name,
        phone=customer.phone,
        address=customer.address,
        lines=tuple(
            SlipLine(ln.item_code, ln.name, ln.unit_price_fen, ln.quantity, ln.crossed, changed.get(ln.position))
            for ln in order.lines
        ),
        customer_absent=order.customer_mode == "absent",
        checkers=_checkers(session, order),
        return_slips=tuple(
            session.scalars(
                select(ReturnSlip.number)
                .where(ReturnSlip.order_id == order.id, ReturnSlip.status != ReturnSlipStatus.VOID)
                .order_by(ReturnSlip.id)
            )
        ),
        send_by=order.send_by,
        shipping_fee_fen=order.shipping_fee_fen if order.status == OrderStatus.SETTLED else 0,
    )


def receipt_data(session: Session, order: Order) -> Receipt:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    payments = session.scalars(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)).all()
    if not payments:
        raise Conflict("Order {number} has no payment yet: there is no receipt to print.", number=order.number)
    due = sum(p.amount_fen for p in payments)  # what was settled, exactly
    return Receipt(
        number=order.number,
        at=local(payments[-1].created_at),
        cashier=_staff_name(session, payments[-1].cashier_id),
        customer_name=customer.name,
        due_fen=due,
        payments=tuple(PaymentLine(p.method, p.amount_fen, p.tendered_fen, p.change_fen) for p in payments),
        shipping_fee_fen=order.shipping_fee_fen,
        send_by=order.send_by,
    )


def return_slip_data(session: Session, slip: ReturnSlip) -> ReturnSlipData:
    order = session.get(Order, slip.order_id)
    assert order is not None
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    lines = []
    for line in slip.lines:
        sold = session.get(OrderLine, line.order_line_id)
        assert sold is not None
        lines.append(
            ReturnLineData(sold.item_code, sold.name, line.quantity, line.unit_price_fen, line.reason, line.reason_text)
        )
    signatures = {
        s.role: SignatureData(s.signer_name, local(s.signed_at), s.method)
        for s in slip.signatures
        if s.role in ("handler", "customer", "manager")
    }
    return ReturnSlipData(
        slip.number, order.number, local(slip.created_at), customer.name, customer.phone, tuple(lines), signatures
    )


def box_label_data(session: Session, order: Order, box: Box) -> BoxLabelData:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    return BoxLabelData(
        order_number=order.number,
        customer_name=customer.name,
        address=customer.address,
        phone=customer.phone,
        box_number=box.number,
        # the number of boxes is known only once the check is complete; a label printed at sealing
        # time says "box i", a reprint afterwards "box i of n"
        box_count=len(order.boxes) if check_finished(order.status) else 0,
        item_count=sum(item.quantity for item in box.items),
        packers=_checkers(session, order),
        customer_absent=order.customer_mode == "absent",
        send_by=send_by_label(order.send_by),
    )
