"""Two counters at once on one order or one customer: settling, printing, reprinting, balances.
Real concurrent connections (see harness.py), ROUNDS rounds each, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from pos.db.models import Customer, Order, OrderLine, Payment, PrintJob
from pos.domain.errors import Conflict, PosError
from pos.domain.settlement import Tender
from pos.services import counter, customers, orders, printing, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest
from pos.services.staff import Approval
from tests.conftest import ITEMS, add_products
from tests.races.harness import ROUNDS, errors

CTX = PrintContext(station="结算台1")
CASHIER, MANAGER = Approval("1001", "1111"), Approval("3001", "3333")  # the PINs the fixtures give them


@pytest.fixture
def shop(db):
    add_products(db, "YJ1000", "BD2000")


def _slip(db, cashier, customer_number, *scans):
    number = orders.open_order(db, cashier, customer_number)
    for scan in scans or ("2*YJ1000",):
        orders.add_scan(db, cashier, number, scan)
    return number


def _paid_already(error):
    return isinstance(error, Conflict) and error.template == "Order {number} is paid already."


def test_two_counters_settling_one_order_take_one_set_of_payments(db, cashier, shop, racers, tmp_path):
    uri = f"file://{tmp_path / 'r.bin'}"
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    for _ in range(ROUNDS):
        number = _slip(db, cashier, customer.number)
        due = counter.amount_due(db, number).total

        def settle(station):
            return counter.settle(
                station, cashier, CTX, number, [Tender("cash", due, due)], printer_uri=uri, no_packing=True
            )

        outcomes = racers.run(settle, settle)
        assert sum(o.ok for o in outcomes) == 1
        assert all(_paid_already(e) for e in errors(outcomes)), errors(outcomes)
        with db.transaction() as s:
            order_id = s.scalar(select(Order.id).where(Order.number == number))
            assert s.scalar(select(func.count(Payment.id)).where(Payment.order_id == order_id)) == 1


def test_two_stations_printing_one_slip_for_checking_print_it_once(db, cashier, shop, racers, tmp_path):
    uri = f"file://{tmp_path / 's.bin'}"
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    for _ in range(ROUNDS):
        number = _slip(db, cashier, customer.number)
        outcomes = racers.run(*[lambda station: counter.print_for_checking(station, cashier, CTX, number, uri)] * 2)
        assert sum(o.ok for o in outcomes) == 1
        # refused because the slip is printed already, not sent to a manager for a "reprint"
        assert all(isinstance(e, Conflict) and "reprint" not in e.template for e in errors(outcomes)), errors(outcomes)
        with db.transaction() as s:
            order_id = s.scalar(select(Order.id).where(Order.number == number))
            assert s.scalar(select(func.count(PrintJob.id)).where(PrintJob.order_id == order_id)) == 3


def test_two_managers_reprinting_at_once_number_their_reprints(db, cashier, manager, admin, shop, racers, tmp_path):
    from pos.services.staff import add_staff

    second = add_staff(db, admin, login_code="3002", name="刘经理", roles="manager", pin="3434")
    uri = f"file://{tmp_path / 's.bin'}"
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    for _ in range(ROUNDS):
        number = _slip(db, cashier, customer.number)
        counter.print_for_checking(db, cashier, CTX, number, uri)

        def reprint(who):
            return lambda station: printing.print_document(
                station, who, CTX, kind="sales-slip", number=number, printer_uri=uri, copies=(3,), reprint=True
            )

        outcomes = racers.run(reprint(manager), reprint(second))
        assert errors(outcomes) == []
        assert sorted(o.value[0].reprint for o in outcomes) == [1, 2]


def _balance(db, customer_number):
    with db.transaction() as s:
        return s.scalar(select(Customer.balance_fen).where(Customer.number == customer_number))


def _goods_fen(db, number):
    with db.transaction() as s:
        return s.scalar(
            select(func.sum(OrderLine.unit_price_fen * OrderLine.quantity))
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.number == number)
        )


def franchise(db, cashier, manager, ratio_permille):
    """A franchise customer with a contract running all through the test, returning up to the ratio."""
    customer = customers.create_customer(
        db, cashier, name="加盟店", phone="13900139000", address="金华", customer_type="franchise"
    )
    return customers.set_contract(
        db, manager, customer.number, start=date(2000, 1, 1), end=date(2099, 12, 31), ratio_permille=ratio_permille
    )


def test_settlements_on_account_for_one_customer_lose_no_update(db, cashier, manager, shop, racers, tmp_path):
    """Each settlement takes the balance as it stands and puts all that is due on account: the
    balance then holds every order's goods, however the two interleave."""
    uri = f"file://{tmp_path / 'r.bin'}"
    customer = franchise(db, cashier, manager, 50)
    expected = 0
    for _ in range(ROUNDS):
        first, second = _slip(db, cashier, customer.number), _slip(db, cashier, customer.number, "BD2000")

        def on_account(number):
            def act(station):
                due = counter.amount_due(station, number).total
                return counter.settle(
                    station, cashier, CTX, number, [Tender("account", due)], printer_uri=uri, no_packing=True
                )

            return act

        outcomes = racers.run(on_account(first), on_account(second))
        # a settlement that read the balance before the other changed it is refused (the amount
        # due changed under it: too little is tendered), never stored with the old balance
        for outcome in outcomes:
            assert outcome.ok or isinstance(outcome.error, PosError), outcome.error
        for number in (first, second):
            if counter.order_view(db, number).settled:
                expected += _goods_fen(db, number)
            else:
                due = counter.amount_due(db, number).total
                counter.settle(db, cashier, CTX, number, [Tender("account", due)], printer_uri=uri, no_packing=True)
                expected += _goods_fen(db, number)
        assert _balance(db, customer.number) == expected


def test_a_refund_to_account_and_a_settlement_at_once_lose_no_update(db, cashier, manager, shop, racers, tmp_path):
    uri = f"file://{tmp_path / 'r.bin'}"
    customer = franchise(db, cashier, manager, 1000)
    sold = _slip(db, cashier, customer.number, "10*YJ1000")
    counter.settle(
        db,
        cashier,
        CTX,
        sold,
        [Tender("account", counter.amount_due(db, sold).total)],
        printer_uri=uri,
        no_packing=True,
    )
    expected = _balance(db, customer.number)
    for _ in range(ROUNDS // 5):  # ten units to return, one a round... twice over: 5 rounds per sale
        slip = returns.create_return(db, cashier, sold, [LineRequest(1, 1, "defective")], refund_method="account")
        returns.sign(db, cashier, slip.number, "handler", signer=CASHIER)
        returns.sign(db, cashier, slip.number, "customer", method="paper")
        number = _slip(db, cashier, customer.number, "BD2000")

        def settle(station):
            due = counter.amount_due(station, number).total
            return counter.settle(
                station, cashier, CTX, number, [Tender("account", due)], printer_uri=uri, no_packing=True
            )

        def refund(station):
            return returns.sign(station, cashier, slip.number, "manager", signer=MANAGER)

        outcomes = racers.run(settle, refund)
        for outcome in outcomes:
            assert outcome.ok or isinstance(outcome.error, PosError), outcome.error
        if not outcomes[0].ok:  # refused because the balance moved under it: settle again
            settle(db)
        assert outcomes[1].ok
        expected += _goods_fen(db, number) - ITEMS["YJ1000"][2]  # one ring at the franchise price
        assert _balance(db, customer.number) == expected
