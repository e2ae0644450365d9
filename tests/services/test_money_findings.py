"""Issue 10, the money findings: on-account refunds move the balance (finding 4), the franchise
return allowance counts net goods within the contract period (finding 5)."""

import pytest
from sqlalchemy import select

from pos.db.models import Customer, Payment
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.services import counter, customers, orders, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest
from tests.conftest import add_products

CTX = PrintContext(station="结算台1")


@pytest.fixture
def goods(db):
    add_products(db, "YJ1000", "BD2000")


def _franchise(db, cashier, **extra):
    return customers.create_customer(db, cashier, name="李丽饰品店", phone="13900139000", address="义乌",
                                     customer_type="franchise", **extra)


def _sell(db, cashier, customer_number, scans, tenders_of, tmp_path):
    number = orders.open_order(db, cashier, customer_number)
    for scan in scans:
        orders.add_scan(db, cashier, number, scan)
    due = counter.amount_due(db, number).total
    counter.settle(db, cashier, CTX, number, tenders_of(due), printer_uri=f"file://{tmp_path / 'r.bin'}",
                   no_packing=True)
    return number


def _sign_all(db, cashier, manager, slip_number):
    returns.sign(db, cashier, slip_number, "handler", signer=cashier, station="结算台1")
    returns.sign(db, cashier, slip_number, "customer", method="paper", station="结算台1")
    return returns.sign(db, cashier, slip_number, "manager", signer=manager, station="结算台1")


def _balance(db, customer_number):
    with db.transaction() as s:
        return s.scalar(select(Customer.balance_fen).where(Customer.number == customer_number))


def test_an_on_account_refund_by_the_original_method_lowers_the_balance(db, cashier, manager, goods, tmp_path):
    shop = _franchise(db, cashier, return_ratio_permille=50)
    number = _sell(db, cashier, shop.number, ["4*YJ1000"], lambda due: [Tender("account", due, Money(0))], tmp_path)
    assert _balance(db, shop.number) == 12600  # ¥126 bought on account
    slip = returns.create_return(db, cashier, number, [LineRequest(1, 1, "defective")])  # original method
    done = _sign_all(db, cashier, manager, slip.number)
    assert done.status == "complete" and done.refunded_by == "account"
    with db.transaction() as s:
        refunds = s.execute(select(Payment.method, Payment.amount_fen).where(Payment.amount_fen < 0)).all()
    assert refunds == [("account", -3150)]
    assert _balance(db, shop.number) == 9450  # ¥94.50: the refund comes off what is owed
