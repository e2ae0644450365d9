"""Issue 10, the money findings: on-account refunds move the balance (finding 4), the franchise
return allowance counts net goods within the contract period (finding 5)."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from pos.db.models import AuditEvent, Customer, Order, Payment
from pos.domain.errors import InvalidInput, PermissionDenied
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.services import counter, customers, orders, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest, ReturnRefused
from pos.services.staff import Approval
from tests.conftest import add_products

CTX = PrintContext(station="结算台1")
CASHIER, MANAGER = Approval("1001", "1111"), Approval("3001", "3333")  # the PINs the fixtures give them


@pytest.fixture
def goods(db):
    add_products(db, "YJ1000", "BD2000")


def _franchise(db, cashier, manager=None, *, start=None, end=None, ratio=50):
    """A franchise shop created at the counter; with `manager`, its contract entered (default: this year)."""
    shop = customers.create_customer(
        db, cashier, name="李丽饰品店", phone="13900139000", address="义乌", customer_type="franchise"
    )
    if manager is None:
        return shop
    year = db.business_day().year
    return customers.set_contract(
        db, manager, shop.number, start=start or date(year, 1, 1), end=end or date(year, 12, 31), ratio_permille=ratio
    )


def _sell(db, cashier, customer_number, scans, tenders_of, tmp_path):
    number = orders.open_order(db, cashier, customer_number)
    for scan in scans:
        orders.add_scan(db, cashier, number, scan)
    due = counter.amount_due(db, number).total
    counter.settle(
        db, cashier, CTX, number, tenders_of(due), printer_uri=f"file://{tmp_path / 'r.bin'}", no_packing=True
    )
    return number


def _sign_all(db, cashier, manager, slip_number):
    returns.sign(db, cashier, slip_number, "handler", signer=CASHIER, station="结算台1")
    returns.sign(db, cashier, slip_number, "customer", method="paper", station="结算台1")
    return returns.sign(db, cashier, slip_number, "manager", signer=MANAGER, station="结算台1")


def _balance(db, customer_number):
    with db.transaction() as s:
        return s.scalar(select(Customer.balance_fen).where(Customer.number == customer_number))


def test_an_on_account_refund_by_the_original_method_lowers_the_balance(db, cashier, manager, goods, tmp_path):
    shop = _franchise(db, cashier, manager)
    number = _sell(db, cashier, shop.number, ["4*YJ1000"], lambda due: [Tender("account", due, Money(0))], tmp_path)
    assert _balance(db, shop.number) == 12600  # ¥126 bought on account
    slip = returns.create_return(db, cashier, number, [LineRequest(1, 1, "defective")])  # original method
    done = _sign_all(db, cashier, manager, slip.number)
    assert done.status == "complete" and done.refunded_by == "account"
    with db.transaction() as s:
        refunds = s.execute(select(Payment.method, Payment.amount_fen).where(Payment.amount_fen < 0)).all()
    assert refunds == [("account", -3150)]
    assert _balance(db, shop.number) == 9450  # ¥94.50: the refund comes off what is owed


def _settled_days_ago(db, number, days):
    with db.transaction() as s:
        order = s.scalar(select(Order).where(Order.number == number))
        order.settled_at = db.now() - timedelta(days=days)


def test_the_allowance_counts_net_goods_not_payments(db, cashier, manager, tmp_path):
    """An old balance of ¥146.70 paid off with ¥178.20 of new goods: ¥178.20 was bought in the
    contract period, not the ¥324.90 paid (the old rule also counted the ¥146.70 put on account)."""
    add_products(db, GA1=("银手镯", 16300, 14670), GB2=("银耳环", 19800, 17820))
    today = db.business_day()
    shop = _franchise(db, cashier, manager, start=today - timedelta(days=30), end=today + timedelta(days=335))
    old = _sell(db, cashier, shop.number, ["GA1"], lambda due: [Tender("account", due, Money(0))], tmp_path)
    _settled_days_ago(db, old, 90)  # bought before the contract began, on account
    paid = []
    _sell(db, cashier, shop.number, ["GB2"], lambda due: paid.append(due) or [Tender("cash", due, due)], tmp_path)
    assert paid == [Money(32490)]  # the new goods and the old balance, paid at once
    usage = returns.allowance(db, shop.number)
    assert (usage.purchases.fen, usage.allowance.fen, usage.used.fen, usage.has_contract) == (17820, 891, 0, True)


def test_goods_returned_come_off_the_net_goods(db, cashier, manager, goods, tmp_path):
    shop = _franchise(db, cashier, manager)
    number = _sell(db, cashier, shop.number, ["4*YJ1000", "BD2000"], lambda due: [Tender("cash", due, due)], tmp_path)
    assert returns.allowance(db, shop.number).purchases.fen == 4 * 3150 + 11520
    slip = returns.create_return(db, cashier, number, [LineRequest(1, 1, "defective")])
    _sign_all(db, cashier, manager, slip.number)
    usage = returns.allowance(db, shop.number)
    assert (usage.purchases.fen, usage.used.fen) == (3 * 3150 + 11520, 0)  # a defect uses no allowance


def test_the_allowance_runs_over_the_contract_dates_only(db, cashier, manager, goods, tmp_path):
    today = db.business_day()
    shop = _franchise(db, cashier, manager, start=today - timedelta(days=10), end=today + timedelta(days=10))
    before = _sell(db, cashier, shop.number, ["YJ1000"], lambda due: [Tender("cash", due, due)], tmp_path)
    _settled_days_ago(db, before, 40)  # within a rolling year, but before the contract
    _sell(db, cashier, shop.number, ["BD2000"], lambda due: [Tender("cash", due, due)], tmp_path)
    assert returns.allowance(db, shop.number).purchases.fen == 11520
    customers.set_contract(
        db, manager, shop.number, start=today - timedelta(days=60), end=today - timedelta(days=20), ratio_permille=50
    )  # a contract that has ended: only what it covered
    assert returns.allowance(db, shop.number).purchases.fen == 3150


def test_a_franchise_customer_created_at_the_counter_has_no_contract_until_a_manager_enters_it(
    db, cashier, manager, goods, tmp_path
):
    shop = _franchise(db, cashier)
    assert (shop.contract_start, shop.contract_end, shop.return_ratio_permille) == (None, None, 0)
    number = _sell(db, cashier, shop.number, ["4*YJ1000"], lambda due: [Tender("cash", due, due)], tmp_path)
    with pytest.raises(ReturnRefused, match="no franchise contract on file"):
        returns.create_return(db, cashier, number, [LineRequest(1, 1, "unwanted")])
    with pytest.raises(PermissionDenied):
        customers.set_contract(
            db, cashier, shop.number, start=date(2026, 1, 1), end=date(2026, 12, 31), ratio_permille=50
        )
    year = db.business_day().year
    changed = customers.set_contract(
        db, manager, shop.number, start=date(year, 1, 1), end=date(year, 12, 31), ratio_permille=300
    )
    assert (changed.contract_start, changed.return_ratio_permille) == (date(year, 1, 1), 300)
    assert returns.create_return(db, cashier, number, [LineRequest(1, 1, "unwanted")]).status == "awaiting_signatures"
    with db.transaction() as s:
        detail = s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "customer.contract"))
    assert f'"contract_start":{{"new":"{year}-01-01","old":null}}' in detail.replace(" ", "")
    assert '"return_ratio_permille":{"new":300,"old":0}' in detail.replace(" ", "")


@pytest.mark.parametrize(
    "start, end, ratio, message",
    [
        (date(2026, 12, 31), date(2026, 1, 1), 50, "ends before it starts"),
        (date(2026, 1, 1), None, 50, "both a first and a last day"),
        (date(2026, 1, 1), date(2026, 12, 31), 1001, "between 0% and 100%"),
    ],
)
def test_a_contract_that_cannot_be_is_refused(db, cashier, manager, start, end, ratio, message):
    shop = _franchise(db, cashier)
    with pytest.raises(InvalidInput, match=message):
        customers.set_contract(db, manager, shop.number, start=start, end=end, ratio_permille=ratio)


def test_a_cashier_corrects_the_record_and_the_audit_keeps_old_and_new(db, cashier):
    shop = _franchise(db, cashier)
    changed = customers.update_customer(
        db,
        cashier,
        shop.number,
        name="李丽饰品总店",
        phone="139 0013 9001",
        address="义乌市福田市场",
        customer_type="franchise",
    )
    assert (changed.name, changed.phone, changed.address) == ("李丽饰品总店", "13900139001", "义乌市福田市场")
    assert [c.number for c in customers.search(db, "llsp")] == [shop.number]  # pinyin follows the new name
    assert [c.number for c in customers.search(db, "9001")] == [shop.number]  # and the phone's last digits
    with db.transaction() as s:
        detail = s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "customer.update")).replace(" ", "")
    assert '"address":{"new":"义乌市福田市场","old":"义乌"}' in detail
    assert '"phone":{"new":"13900139001","old":"13900139000"}' in detail and "customer_type" not in detail
