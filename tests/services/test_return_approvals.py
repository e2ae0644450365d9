"""Issue 10 Deliver 2 for return slips: a staff PIN typed for a return act (an override, a staff
signature, setting a slip aside) is checked inside that act's transaction, so an act refused after
a good PIN leaves no approval behind and a wrong PIN still counts towards the lockout; and each act
retried with its command id is stored once."""

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Order, ReturnSlip, Signature, Staff
from pos.domain.errors import AuthError, Conflict, InvalidInput, LoginThrottled, PermissionDenied
from pos.domain.settlement import Tender
from pos.services import counter, customers, orders, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest, ReturnRefused
from pos.services.staff import FREE_ATTEMPTS, Approval
from tests.conftest import add_products

CTX = PrintContext(station="结算台1")
CASHIER = Approval("1001", "1111")
MANAGER = Approval("3001", "3333")
WRONG = Approval("3001", "0000")


def _sold(db, cashier, tmp_path, *, shipped=True):
    """张三's settled order of three rings (cash), shipped or collected in person."""
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "3*YJ1000")
    due = counter.amount_due(db, number).total
    counter.settle(
        db,
        cashier,
        CTX,
        number,
        [Tender("cash", due, due)],
        printer_uri=f"file://{tmp_path / 'r.bin'}",
        no_packing=True,
    )
    if shipped:  # shipped wholesale goods come back for a wrong item without an override
        with db.transaction() as s:
            s.scalar(select(Order).where(Order.number == number)).customer_mode = "absent"
    return number


@pytest.fixture
def slip(db, cashier, manager, tmp_path):
    number = _sold(db, cashier, tmp_path)
    return returns.create_return(db, cashier, number, [LineRequest(1, 1, "wrong_item")]).number


def _actions(db) -> list[str]:
    with db.transaction() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _attempts(db, login: str) -> int:
    with db.transaction() as s:
        return s.scalar(select(Staff.failed_attempts).where(Staff.login_code == login))


def _count(db, model, *where) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _sign_all(db, cashier, number):
    returns.sign(db, cashier, number, "handler", signer=CASHIER)
    returns.sign(db, cashier, number, "customer", method="paper")
    return returns.sign(db, cashier, number, "manager", signer=MANAGER)


# approvals checked with the act ---------------------------------------------------------------


def test_a_staff_signature_is_approved_with_the_signature(db, cashier, manager, slip):
    before = len(_actions(db))
    returns.sign(db, cashier, slip, "manager", signer=MANAGER)
    assert _actions(db)[before:] == ["staff.approval", "return.sign"]


def test_setting_aside_a_complete_slip_after_a_good_pin_leaves_no_approval(db, cashier, manager, slip):
    _sign_all(db, cashier, slip)
    before = _actions(db)
    with pytest.raises(Conflict, match="complete"):
        returns.void(db, cashier, MANAGER, slip, "客户改主意")
    assert _actions(db) == before


def test_signing_a_signed_role_after_a_good_pin_leaves_no_approval(db, cashier, manager, slip):
    returns.sign(db, cashier, slip, "manager", signer=MANAGER)
    before = _actions(db)
    with pytest.raises(Conflict, match="signed by the manager already"):
        returns.sign(db, cashier, slip, "manager", signer=MANAGER)
    with pytest.raises(Conflict, match="different people"):  # the manager cannot be the handler too
        returns.sign(db, cashier, slip, "handler", signer=MANAGER)
    assert _actions(db) == before


def test_a_manager_signature_needs_a_manager(db, cashier, manager, slip):
    before = _actions(db)
    with pytest.raises(PermissionDenied):
        returns.sign(db, cashier, slip, "manager", signer=CASHIER)
    assert _actions(db) == before


def test_an_override_refused_after_a_good_pin_leaves_no_approval(db, cashier, manager, tmp_path):
    number = _sold(db, cashier, tmp_path, shipped=False)  # collected: an unwanted ring needs an override
    before = _actions(db)
    with pytest.raises(InvalidInput, match="written reason"):
        returns.create_return(db, cashier, number, [LineRequest(1, 1, "unwanted")], override_by=MANAGER)
    with pytest.raises(InvalidInput, match="Only 3"):  # more than was sold
        returns.create_return(
            db, cashier, number, [LineRequest(1, 4, "unwanted")], override_by=MANAGER, override_reason="老客户"
        )
    with pytest.raises(PermissionDenied):
        returns.create_return(
            db, cashier, number, [LineRequest(1, 1, "unwanted")], override_by=CASHIER, override_reason="老客户"
        )
    assert _actions(db) == before
    returns.create_return(
        db, cashier, number, [LineRequest(1, 1, "unwanted")], override_by=MANAGER, override_reason="老客户"
    )
    assert _actions(db)[len(before) :] == ["staff.approval", "return.override", "return.create"]


# a wrong PIN ----------------------------------------------------------------------------------


def test_a_wrong_pin_refuses_a_signature_and_counts_towards_the_lockout(db, cashier, manager, slip):
    for attempt in range(1, FREE_ATTEMPTS + 1):
        with pytest.raises(AuthError):
            returns.sign(db, cashier, slip, "manager", signer=WRONG)
        assert _attempts(db, "3001") == attempt
    with pytest.raises(LoginThrottled):  # locked now, even with the right PIN
        returns.sign(db, cashier, slip, "manager", signer=MANAGER)
    assert returns.get(db, slip).signed == ()
    assert "return.sign" not in _actions(db)


def test_a_wrong_pin_refuses_setting_aside_and_an_override_and_counts(db, cashier, manager, slip, tmp_path):
    with pytest.raises(AuthError):
        returns.void(db, cashier, WRONG, slip, "客户改主意")
    assert _attempts(db, "3001") == 1
    assert returns.get(db, slip).status == "awaiting_signatures"
    with pytest.raises(AuthError):
        returns.create_return(
            db, cashier, slip_order(db, slip), [LineRequest(1, 1, "unwanted")], override_by=WRONG, override_reason="试"
        )
    assert _attempts(db, "3001") == 2
    assert _count(db, ReturnSlip) == 1
    returns.void(db, cashier, MANAGER, slip, "客户改主意")  # the right PIN clears the count
    assert _attempts(db, "3001") == 0


def slip_order(db, number):
    return returns.get(db, number).order_number


# retried with the same command id ---------------------------------------------------------------


def test_a_return_retried_with_its_command_id_is_one_slip(db, cashier, manager, tmp_path):
    number = _sold(db, cashier, tmp_path)
    first = returns.create_return(db, cashier, number, [LineRequest(1, 1, "wrong_item")], command_id="c-create")
    again = returns.create_return(db, cashier, number, [LineRequest(1, 1, "wrong_item")], command_id="c-create")
    assert again == first
    assert _count(db, ReturnSlip) == 1
    assert _actions(db).count("return.create") == 1


def test_an_override_retried_with_its_command_id_is_approved_once(db, cashier, manager, tmp_path):
    number = _sold(db, cashier, tmp_path, shipped=False)
    request = [LineRequest(1, 1, "unwanted")]
    first = returns.create_return(
        db, cashier, number, request, override_by=MANAGER, override_reason="老客户", command_id="c-override"
    )
    again = returns.create_return(
        db, cashier, number, request, override_by=MANAGER, override_reason="老客户", command_id="c-override"
    )
    assert again.number == first.number and _count(db, ReturnSlip) == 1
    assert [a for a in _actions(db) if a.startswith(("return.", "staff.approval"))] == [
        "staff.approval",
        "return.override",
        "return.create",
    ]
    with pytest.raises(ReturnRefused):  # a new act (no command id seen) is checked again
        returns.create_return(db, cashier, number, request, command_id="c-other")


def test_a_signature_retried_with_its_command_id_is_one_signature(db, cashier, manager, slip):
    first = returns.sign(db, cashier, slip, "handler", signer=CASHIER, command_id="c-handler")
    again = returns.sign(db, cashier, slip, "handler", signer=CASHIER, command_id="c-handler")
    assert again == first and again.signed == ("handler",)
    returns.sign(db, cashier, slip, "customer", method="paper", command_id="c-customer")
    returns.sign(db, cashier, slip, "customer", method="paper", command_id="c-customer")
    assert _count(db, Signature) == 2
    assert _actions(db).count("return.sign") == 2


def test_the_third_signature_retried_refunds_once(db, cashier, manager, slip):
    returns.sign(db, cashier, slip, "handler", signer=CASHIER)
    returns.sign(db, cashier, slip, "customer", method="paper")
    first = returns.sign(db, cashier, slip, "manager", signer=MANAGER, command_id="c-manager")
    again = returns.sign(db, cashier, slip, "manager", signer=MANAGER, command_id="c-manager")
    assert first.status == again.status == "complete" and again.refunded_by == "cash"
    assert _actions(db).count("return.sign") == 3
    assert _actions(db).count("staff.approval") == 2  # handler and manager, once each


def test_setting_aside_retried_with_its_command_id_is_recorded_once(db, cashier, manager, slip):
    first = returns.void(db, cashier, MANAGER, slip, "客户改主意", command_id="c-void")
    again = returns.void(db, cashier, MANAGER, slip, "客户改主意", command_id="c-void")
    assert first.status == again.status == "void"
    assert _actions(db).count("return.void") == 1
    with db.transaction() as s:
        entry = s.scalar(select(AuditEvent).where(AuditEvent.action == "return.void"))
    assert entry.command_id == "c-void" and '"approved_by":"3001"' in entry.detail.replace(" ", "")
