"""Issue 10 finding 3: the first scan of a slip opens it and adds its line in one transaction."""

import pytest
from sqlalchemy import func, select

from pos.db.models import Order, OrderLine
from pos.db.numbering import last_number
from pos.domain.errors import InvalidInput, NotFound
from pos.services import counter, customers, orders
from tests.conftest import add_products


@pytest.fixture
def customer(db, cashier):
    add_products(db, "YJ1000", "BD2000")
    return customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")


def _orders(db):
    with db.transaction() as s:
        return s.scalars(select(Order.number).order_by(Order.id)).all()


def test_a_refused_first_scan_leaves_no_order_and_uses_no_number(db, cashier, customer, clock):
    with pytest.raises(NotFound):
        orders.add_scan(
            db,
            cashier,
            None,
            "NOSUCH1",
            customer_number=customer.number,
            station="A",
            open_command_id="slip-1",
            command_id="scan-1",
        )
    assert _orders(db) == []
    with db.transaction() as s:
        assert last_number(s, "order", db.business_day()) == 0

    result = orders.add_scan(
        db,
        cashier,
        None,
        "YJ1000",
        customer_number=customer.number,
        station="A",
        open_command_id="slip-1",
        command_id="scan-2",
    )
    assert _orders(db) == ["S20261127-0001"]  # the refused scan burnt no number
    assert (result.line.item_code, result.total_fen) == ("YJ1000", 3500)
    assert counter.held_slips(db, "A")[0].number == "S20261127-0001"


def test_first_scans_with_one_open_command_land_on_one_slip(db, cashier, customer, clock):
    first = orders.add_scan(
        db,
        cashier,
        None,
        "YJ1000",
        customer_number=customer.number,
        station="A",
        open_command_id="slip-1",
        command_id="scan-1",
    )
    second = orders.add_scan(
        db,
        cashier,
        None,
        "BD2000",
        customer_number=customer.number,
        station="A",
        open_command_id="slip-1",
        command_id="scan-2",
    )
    assert _orders(db) == ["S20261127-0001"]
    assert (first.line.position, second.line.position, second.total_fen) == (1, 2, 3500 + 12800)


def test_a_retried_first_scan_is_stored_once(db, cashier, customer, clock):
    for _ in range(2):
        result = orders.add_scan(
            db,
            cashier,
            None,
            "YJ1000",
            customer_number=customer.number,
            station="A",
            open_command_id="slip-1",
            command_id="scan-1",
        )
    assert _orders(db) == ["S20261127-0001"]
    with db.transaction() as s:
        assert s.scalar(select(func.sum(OrderLine.quantity))) == 1
    assert result.item_count == 1


def test_a_first_scan_needs_the_customer(db, cashier, customer):
    with pytest.raises(InvalidInput):
        orders.add_scan(db, cashier, None, "YJ1000", station="A")
    assert _orders(db) == []
