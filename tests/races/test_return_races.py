"""A return slip's three signatures given at once at three stations; one person signing as both
handler and manager from two stations at once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from pos.db.models import Customer, ReturnSlip, Signature
from pos.domain.settlement import Tender
from pos.services import counter, customers, orders, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest
from pos.services.staff import Approval
from tests.conftest import ITEMS, add_products
from tests.races.harness import ROUNDS, errors

CTX = PrintContext(station="结算台1")
CASHIER, MANAGER = Approval("1001", "1111"), Approval("3001", "3333")  # the PINs the fixtures give them


@pytest.fixture
def sold(db, cashier, manager, tmp_path):
    """A franchise customer's settled order (on account) of ROUNDS rings, each to be returned."""
    add_products(db, "YJ1000")
    customer = customers.create_customer(
        db, cashier, name="加盟店", phone="13900139000", address="金华", customer_type="franchise"
    )
    customers.set_contract(
        db, manager, customer.number, start=date(2000, 1, 1), end=date(2099, 12, 31), ratio_permille=1000
    )
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, f"{ROUNDS}*YJ1000", large_quantity_confirmed=True)
    counter.settle(
        db,
        cashier,
        CTX,
        number,
        [Tender("account", counter.amount_due(db, number).total)],
        printer_uri=f"file://{tmp_path / 'r.bin'}",
        no_packing=True,
    )
    return number, customer.number


def _new_slip(db, cashier, order_number):
    return returns.create_return(
        db, cashier, order_number, [LineRequest(1, 1, "defective")], refund_method="account"
    ).number


def _balance(db, customer_number):
    with db.transaction() as s:
        return s.scalar(select(Customer.balance_fen).where(Customer.number == customer_number))


def test_three_signatures_at_once_complete_the_slip(db, cashier, manager, sold, racers):
    order_number, customer_number = sold
    balance = _balance(db, customer_number)
    for _ in range(ROUNDS):
        number = _new_slip(db, cashier, order_number)
        outcomes = racers.run(
            lambda station: returns.sign(station, cashier, number, "handler", signer=CASHIER),
            lambda station: returns.sign(station, cashier, number, "customer", method="paper"),
            lambda station: returns.sign(station, cashier, number, "manager", signer=MANAGER),
        )
        assert errors(outcomes) == []
        info = returns.get(db, number)
        assert info.status == "complete" and info.signed == ("customer", "handler", "manager")
        balance -= ITEMS["YJ1000"][2]  # credited once, at the third signature
        assert _balance(db, customer_number) == balance


def test_one_manager_cannot_sign_as_handler_and_manager_even_at_once(db, cashier, manager, sold, racers):
    order_number, _ = sold
    for _ in range(ROUNDS):
        number = _new_slip(db, cashier, order_number)
        outcomes = racers.run(
            lambda station: returns.sign(station, manager, number, "handler", signer=MANAGER),
            lambda station: returns.sign(station, manager, number, "manager", signer=MANAGER),
        )
        assert sum(o.ok for o in outcomes) == 1
        assert [e.template for e in errors(outcomes)] == ["The handler and the manager must be different people."]
        with db.transaction() as s:
            slip_id = s.scalar(select(ReturnSlip.id).where(ReturnSlip.number == number))
            assert s.scalar(select(func.count(Signature.id)).where(Signature.return_slip_id == slip_id)) == 1
        returns.void(db, cashier, MANAGER, number, "测试")  # frees the unit for the next round's slip
