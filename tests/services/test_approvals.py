"""A manager's (or second packer's) PIN typed for one act is checked inside that act's transaction:
the approval and what it approves are stored together or not at all (issue 10 Deliver 2), and a
wrong PIN still counts towards the lockout, though the act it was for is rolled back."""

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Staff
from pos.domain.errors import AuthError, Conflict, LoginThrottled, PermissionDenied
from pos.domain.money import Money
from pos.services import counter, customers, orders
from pos.services.printing import PrintContext
from pos.services.staff import FREE_ATTEMPTS, Approval
from tests.conftest import add_products

MANAGER = Approval("3001", "3333")


@pytest.fixture
def slip(db, cashier):
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number, station="结算台1")
    orders.add_scan(db, cashier, number, "YJ1000")
    return number


def _actions(db) -> list[str]:
    with db.transaction() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _attempts(db, login: str) -> int:
    with db.transaction() as s:
        return s.scalar(select(Staff.failed_attempts).where(Staff.login_code == login))


def test_the_approval_is_audited_with_the_act_it_approves(db, cashier, manager, slip):
    before = len(_actions(db))
    counter.override_price(db, cashier, MANAGER, slip, 1, Money(3000), "老客户")
    assert _actions(db)[before:] == ["staff.approval", "order.override_price"]


def test_an_act_refused_after_a_good_pin_leaves_no_approval_behind(db, cashier, manager, slip, tmp_path):
    counter.print_for_checking(db, cashier, PrintContext("结算台1", "店"), slip, f"file://{tmp_path / 'p.bin'}")
    before = _actions(db)
    with pytest.raises(Conflict):  # printed: its lines can no longer change
        counter.override_price(db, cashier, MANAGER, slip, 1, Money(3000), "老客户")
    assert _actions(db) == before


def test_a_wrong_pin_refuses_the_act_and_still_counts_towards_the_lockout(db, cashier, manager, slip):
    for attempt in range(1, FREE_ATTEMPTS + 1):
        with pytest.raises(AuthError):
            counter.override_price(db, cashier, Approval("3001", "0000"), slip, 1, Money(1), "试")
        assert _attempts(db, "3001") == attempt
    with pytest.raises(LoginThrottled):  # locked now, even with the right PIN
        counter.override_price(db, cashier, MANAGER, slip, 1, Money(1), "试")
    assert counter.order_view(db, slip).lines[0].unit_price_fen == 3500
    assert "order.override_price" not in _actions(db)


def test_a_right_pin_of_the_wrong_role_changes_nothing(db, cashier, manager, slip):
    before = _actions(db)
    with pytest.raises(PermissionDenied):
        counter.override_price(db, cashier, Approval("1001", "1111"), slip, 1, Money(1), "试")
    assert _actions(db) == before
    with db.transaction() as s:
        assert s.scalar(select(func.count(AuditEvent.seq)).where(AuditEvent.action == "staff.approval")) == 0


def test_a_manager_cannot_approve_their_own_price_change(db, manager, slip):
    """Issue 11 finding 3: the approval needs someone other than the person asking."""
    before = _actions(db)
    with pytest.raises(PermissionDenied, match="Someone else must approve"):
        counter.override_price(db, manager, MANAGER, slip, 1, Money(3000), "老客户")
    assert counter.order_view(db, slip).lines[0].unit_price_fen == 3500
    assert _actions(db) == before and _attempts(db, "3001") == 0
