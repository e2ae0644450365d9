"""Shortfalls of a remote order (missing items, another colour, a price that changed): the customer
paid for what the notice listed and is not here, so crossing units out makes a task to call them,
with every difference listed, and the boxes are not sealed for good until they have been reached."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import CallTask, Customer, Order, OrderLine, ReturnLine, ReturnSlip
from pos.domain.remote import REASON_WORDS, is_remote, shortfall_script
from pos.services.staff import StaffInfo

KIND = "shortfall"


def note_shortfall(session: Session, db: Database, actor: StaffInfo, order: Order, slip: ReturnSlip) -> None:
    """After units of a remote order were crossed out onto `slip`: the open shortfall task lists
    every difference on it (one task, rewritten as more are found before the call)."""
    if not is_remote(order.source):
        return
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    rows = session.execute(
        select(
            OrderLine.item_code,
            OrderLine.name,
            ReturnLine.quantity,
            ReturnLine.reason,
            ReturnLine.reason_text,
            ReturnLine.unit_price_fen,
        )
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .where(ReturnLine.return_slip_id == slip.id)
        .order_by(ReturnLine.id)
    ).all()
    differences = [
        (code, name, count, text.strip() or REASON_WORDS.get(reason, reason), count * price)
        for code, name, count, reason, text, price in rows
    ]
    script = shortfall_script(customer.name, order.number, differences)
    task = open_shortfall(session, order)
    if task is None:
        session.add(CallTask(order_id=order.id, kind=KIND, script=script, created_at=db.now(), created_by_id=actor.id))
    else:
        task.script = script


def open_shortfall(session: Session, order: Order) -> CallTask | None:
    return session.scalar(
        select(CallTask)
        .where(CallTask.order_id == order.id, CallTask.kind == KIND, CallTask.done_at.is_(None))
        .limit(1)
    )
