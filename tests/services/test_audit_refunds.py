"""`pos audit verify` holds each refund row against the return slip whose last signature made it:
a refund edited, deleted or slipped in by hand is named with its order (issue 11 Deliver 2)."""

import json

import pytest
from sqlalchemy import select, update

from pos.db.models import Order, Payment
from pos.services import audit_check, returns
from pos.services.returns import LineRequest
from tests.services.test_return_approvals import _sign_all, _sold


@pytest.fixture
def refunded(db, cashier, manager, tmp_path):
    """张三's order of three rings, one returned and refunded in cash; the order's number."""
    number = _sold(db, cashier, tmp_path)
    slip = returns.create_return(db, cashier, number, [LineRequest(1, 1, "wrong_item")]).number
    _sign_all(db, cashier, slip)
    return number


def _refunds(db, number):
    with db.transaction() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        return order_id, s.scalars(
            select(Payment.amount_fen).where(Payment.order_id == order_id, Payment.amount_fen < 0)
        ).all()


def test_an_untouched_refund_agrees_with_its_entry(db, refunded):
    assert _refunds(db, refunded)[1] == [-3500]
    assert audit_check.check(db).problems == []


@pytest.mark.parametrize("tamper", ["edit", "delete", "insert"])
def test_a_refund_changed_by_hand_is_named_with_its_order(db, refunded, tamper):
    order_id, _ = _refunds(db, refunded)
    with db.transaction() as s:
        refund = Payment.order_id == order_id, Payment.amount_fen < 0
        if tamper == "edit":
            s.execute(update(Payment).where(*refund).values(amount_fen=-35000))
        elif tamper == "delete":
            s.execute(Payment.__table__.delete().where(*refund))
        else:
            s.add(
                Payment(
                    command_id="x",
                    order_id=order_id,
                    method="cash",
                    amount_fen=-100,
                    tendered_fen=0,
                    change_fen=0,
                    cashier_id=1,
                    station="结算台1",
                )
            )
    assert any(p.startswith(f"order {refunded}: refunds") and "differ" in p for p in audit_check.check(db).problems)


def test_a_slip_completed_before_entries_recorded_refunds_vouches_for_one_unchecked():
    older = [("S1", json.dumps({"role": "manager", "status": "complete"}))]
    findings = audit_check.AuditFindings()
    audit_check._check_refunds(findings, older, [("S1", "cash", 3500), ("S1", "cash", -3500)])
    assert findings.problems == []
    audit_check._check_refunds(findings, older, [("S1", "cash", -3500), ("S1", "cash", -100)])
    assert findings.problems == [
        "order S1: refunds (cash -¥35.00, cash -¥1.00) differ from the return slips' audit entries (none)"
    ]
