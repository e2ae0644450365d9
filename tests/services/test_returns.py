"""Return slips: three signatures or nothing happens; the standard's rules, and their overrides."""

from datetime import date

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Customer, Order, Payment, PrintJob
from pos.domain.errors import Conflict, InvalidInput, PermissionDenied
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.services import counter, customers, day_end, orders, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest, ReturnRefused
from pos.services.staff import Approval, add_staff
from tests.conftest import add_products

CTX = PrintContext(station="结算台1")
CASHIER, MANAGER = Approval("1001", "1111"), Approval("3001", "3333")


@pytest.fixture
def packer(db, admin):
    return add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")


@pytest.fixture
def goods(db):
    add_products(db, "YJ1000", "BD2000")


def _sold(db, cashier, tmp_path, *, kind="wholesale", absent=False, name="张三", phone="13800138000", manager=None):
    """A settled order the customer took away (collected), or that was shipped (absent). A
    franchise customer's contract (this year, 5%) is entered by the manager."""
    customer = customers.create_customer(db, cashier, name=name, phone=phone, address="义乌", customer_type=kind)
    if manager is not None:
        year = db.business_day().year
        customers.set_contract(
            db, manager, customer.number, start=date(year, 1, 1), end=date(year, 12, 31), ratio_permille=50
        )
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "3*YJ1000")
    orders.add_scan(db, cashier, number, "BD2000")
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
    if absent:
        with db.transaction() as s:
            s.scalar(select(Order).where(Order.number == number)).customer_mode = "absent"
    return number


def _sign_all_but(db, actor, number, missing, handler, manager):
    for role in ("handler", "customer", "manager"):
        if role == missing:
            continue
        if role == "customer":
            returns.sign(db, actor, number, "customer", method="paper", station="结算台1")
        else:
            returns.sign(db, actor, number, role, signer=handler if role == "handler" else manager, station="结算台1")


@pytest.mark.parametrize("missing", ["handler", "customer", "manager"])
def test_a_slip_missing_any_signature_has_no_effect(db, cashier, manager, goods, tmp_path, missing):
    number = _sold(db, cashier, tmp_path, absent=True)
    slip = returns.create_return(db, cashier, number, [LineRequest(2, 1, "wrong_item")])
    _sign_all_but(db, cashier, slip.number, missing, CASHIER, MANAGER)
    assert returns.get(db, slip.number).missing == (missing,)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Payment).where(Payment.amount_fen < 0)) == 0
        assert s.scalar(select(Customer.balance_fen)) == 0
    assert day_end.expected_takings(db, "结算台1", db.business_day(), Money(0))["cash"].fen == 3 * 3500 + 12800
    assert returns.stock_movement(db, "BD2000") == -1  # the sale only: nothing came back yet


def test_third_signature_refunds_by_the_original_method(db, cashier, manager, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, absent=True)
    assert (returns.stock_movement(db, "YJ1000"), returns.stock_movement(db, "BD2000")) == (-3, -1)
    slip = returns.create_return(db, cashier, number, [LineRequest(2, 1, "wrong_item")])
    _sign_all_but(db, cashier, slip.number, None, CASHIER, MANAGER)
    assert returns.get(db, slip.number).status == "complete"
    assert day_end.expected_takings(db, "结算台1", db.business_day(), Money(0))["cash"].fen == 3 * 3500
    assert returns.stock_movement(db, "BD2000") == 0  # back in stock


def test_refund_as_account_credit(db, cashier, manager, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, absent=True)
    slip = returns.create_return(db, cashier, number, [LineRequest(1, 2, "defective")], refund_method="account")
    _sign_all_but(db, cashier, slip.number, None, CASHIER, MANAGER)
    with db.transaction() as s:
        assert s.scalar(select(Customer.balance_fen)) == -7000  # the shop owes the customer


def test_handler_and_manager_must_differ(db, cashier, manager, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, absent=True)
    slip = returns.create_return(db, cashier, number, [LineRequest(2, 1, "wrong_item")])
    returns.sign(db, cashier, slip.number, "handler", signer=MANAGER)
    with pytest.raises(Conflict, match="different people"):
        returns.sign(db, cashier, slip.number, "manager", signer=MANAGER)
    with pytest.raises(PermissionDenied):
        returns.sign(db, cashier, slip.number, "manager", signer=CASHIER)
    with pytest.raises(InvalidInput):
        returns.sign(db, cashier, slip.number, "customer", method="pad")  # an empty pad


def test_self_collected_wholesale_return_is_refused_unless_a_manager_overrides(db, cashier, manager, goods, tmp_path):
    number = _sold(db, cashier, tmp_path)
    with pytest.raises(ReturnRefused, match="collected the goods in person"):
        returns.create_return(db, cashier, number, [LineRequest(1, 1, "unwanted")])
    with pytest.raises(PermissionDenied):
        returns.create_return(
            db, cashier, number, [LineRequest(1, 1, "unwanted")], override_by=CASHIER, override_reason="老客户"
        )
    with pytest.raises(InvalidInput):
        returns.create_return(db, cashier, number, [LineRequest(1, 1, "unwanted")], override_by=MANAGER)
    slip = returns.create_return(
        db, cashier, number, [LineRequest(1, 1, "unwanted")], override_by=MANAGER, override_reason="老客户，商品未拆封"
    )
    assert slip.status == "awaiting_signatures"
    with db.transaction() as s:
        entry = s.scalar(select(AuditEvent).where(AuditEvent.action == "return.override"))
    assert entry.actor_id == manager.id and "self_collected" in entry.detail and "未拆封" in entry.detail
    # a confirmed defect is always exchanged or refunded
    assert returns.create_return(db, cashier, number, [LineRequest(1, 1, "defective")]).status == "awaiting_signatures"


def test_shipped_wholesale_goods_are_exchanged_only_when_wrong(db, cashier, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, absent=True)
    with pytest.raises(ReturnRefused, match="wrong or defective"):
        returns.create_return(db, cashier, number, [LineRequest(1, 1, "unwanted")])
    assert returns.create_return(db, cashier, number, [LineRequest(1, 1, "wrong_item")])


def test_franchise_returns_stay_within_the_contract_ratio(db, cashier, manager, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, kind="franchise", name="李丽饰品店", phone="13900139000", manager=manager)
    customer_number = customers.search(db, "李丽")[0].number
    usage = returns.allowance(db, customer_number)
    assert (usage.purchases.fen, usage.allowance.fen, usage.used.fen) == (3 * 3150 + 11520, 1048, 0)
    with pytest.raises(ReturnRefused, match="franchise return allowance"):
        returns.create_return(db, cashier, number, [LineRequest(2, 1, "unwanted")])
    returns.create_return(
        db, cashier, number, [LineRequest(2, 1, "unwanted")], override_by=MANAGER, override_reason="合同补充约定"
    )
    assert returns.allowance(db, customer_number).used.fen == 11520


def test_returning_more_than_sold_is_refused(db, cashier, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, absent=True)
    returns.create_return(db, cashier, number, [LineRequest(1, 2, "wrong_item")])
    with pytest.raises(InvalidInput, match="Only 1 of YJ1000"):
        returns.create_return(db, cashier, number, [LineRequest(1, 2, "wrong_item")])
    with pytest.raises(InvalidInput):
        returns.create_return(db, cashier, number, [LineRequest(1, 0, "wrong_item")])


def test_void_by_a_manager_with_a_reason(db, cashier, manager, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, absent=True)
    slip = returns.create_return(db, cashier, number, [LineRequest(1, 3, "wrong_item")])
    with pytest.raises(PermissionDenied):
        returns.void(db, cashier, CASHIER, slip.number, "错了")
    assert returns.void(db, cashier, MANAGER, slip.number, "客户改主意").status == "void"
    # void slips free the quantity again
    assert returns.create_return(db, cashier, number, [LineRequest(1, 3, "wrong_item")])
    listed = returns.list_slips(db, status="awaiting_signatures")
    assert len(listed) == 1 and listed[0].missing == ("handler", "customer", "manager")
    assert [s.status for s in returns.list_slips(db, customer="张三")] == ["awaiting_signatures", "void"]


def test_a_new_return_slip_is_queued_for_printing_with_it_or_not_at_all(db, cashier, goods, tmp_path):
    number = _sold(db, cashier, tmp_path, absent=True)
    with pytest.raises(InvalidInput, match="Unknown printer address"):
        returns.create_return(db, cashier, number, [LineRequest(2, 1, "wrong_item")], context=CTX, printer_uri="lpt1:")
    assert returns.for_order(db, number) == []  # a retry after the refusal makes one slip, not two
    slip = returns.create_return(
        db,
        cashier,
        number,
        [LineRequest(2, 1, "wrong_item")],
        context=CTX,
        printer_uri=f"file://{tmp_path / 'slip.bin'}",
    )
    with db.transaction() as s:
        jobs = s.scalars(select(PrintJob).where(PrintJob.kind == "return-slip")).all()
        assert [(j.station, j.printer_uri) for j in jobs] == [("结算台1", f"file://{tmp_path / 'slip.bin'}")]
    assert [s.number for s in returns.for_order(db, number)] == [slip.number]
