"""One order with everything attached, as plain data for JSON output and reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models import Customer, Order, PrintJob, ReturnSlip, Staff
from pos.domain.money import Money
from pos.printing.connections import english, stored_error


def _time(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def _money(fen: int) -> dict[str, Any]:
    return {"fen": fen, "yuan": Money(fen).plain()}


def order_total(order: Order) -> Money:
    """Sum of lines less crossed units."""
    return Money(sum(ln.unit_price_fen * (ln.quantity - ln.crossed) for ln in order.lines))


def describe(session: Session, order: Order) -> dict[str, Any]:
    customer = session.get(Customer, order.customer_id)
    cashier = session.get(Staff, order.cashier_id)
    assert customer is not None and cashier is not None
    total = order_total(order)
    returns = session.scalars(select(ReturnSlip).where(ReturnSlip.order_id == order.id)).all()
    jobs = session.scalars(select(PrintJob).where(PrintJob.order_id == order.id).order_by(PrintJob.id)).all()
    return {
        "number": order.number,
        "status": order.status,
        "customer_mode": order.customer_mode,
        "station": order.station,
        "created_at": _time(order.created_at),
        "printed_at": _time(order.printed_at),
        "checked_at": _time(order.checked_at),
        "settled_at": _time(order.settled_at),
        "customer": {
            "number": customer.number,
            "name": customer.name,
            "phone": customer.phone,
            "address": customer.address,
            "type": customer.customer_type,
        },
        "cashier": {"login_code": cashier.login_code, "name": cashier.name},
        "lines": [
            {
                "position": ln.position,
                "item_code": ln.item_code,
                "name": ln.name,
                "unit_price": _money(ln.unit_price_fen),
                "quantity": ln.quantity,
                "ticked": ln.ticked,
                "crossed": ln.crossed,
                "defective": ln.defective,
                "amount": _money(ln.unit_price_fen * (ln.quantity - ln.crossed)),
            }
            for ln in order.lines
        ],
        "total": _money(total.fen) | {"capitals": total.capitals()},
        "shipping_fee": _money(order.shipping_fee_fen),
        "boxes": [
            {
                "number": box.number,
                "sealed_at": _time(box.sealed_at),
                "items": [{"order_line_id": item.order_line_id, "quantity": item.quantity} for item in box.items],
            }
            for box in order.boxes
        ],
        "payments": [
            {
                "method": p.method,
                "amount": _money(p.amount_fen),
                "tendered": _money(p.tendered_fen),
                "change": _money(p.change_fen),
                "at": _time(p.created_at),
            }
            for p in order.payments
        ],
        "returns": [
            {
                "number": r.number,
                "status": r.status,
                "lines": [
                    {
                        "order_line_id": rl.order_line_id,
                        "quantity": rl.quantity,
                        "reason": rl.reason,
                        "unit_price": _money(rl.unit_price_fen),
                    }
                    for rl in r.lines
                ],
                "signatures": sorted(s.role for s in r.signatures),
            }
            for r in returns
        ],
        "print_jobs": [
            {
                "id": j.id,
                "kind": j.kind,
                "copy": j.copy,
                "reprint": j.reprint,
                "printer": j.printer_uri,
                "status": j.status,
                "attempts": j.attempts,
                "last_error": english(*stored_error(j.last_error)),
            }
            for j in jobs
        ],
    }
