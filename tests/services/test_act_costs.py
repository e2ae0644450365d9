"""What one act at the counter or the bench costs does not grow with the order (issue 14
deliverable 2): a tick reads the lines its code stands for, not every line of the slip."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from pos.db.models import OrderLine
from pos.domain.codes import with_check_digit
from pos.services import bench, counter, customers, orders
from pos.services.printing import PrintContext
from tests.conftest import add_products


@contextmanager
def lines_loaded():
    loaded = []

    def record(target, context):
        loaded.append(target.position)

    event.listen(OrderLine, "load", record)
    try:
        yield loaded
    finally:
        event.remove(OrderLine, "load", record)


@pytest.fixture
def long_slip(db, cashier, packers, tmp_path):
    """A slip of 60 different items, printed and loaded at the bench."""
    add_products(
        db, **{f"A{i:04d}": (f"银饰{i}", 1000 + i, 900 + i, with_check_digit(f"69{i:010d}")) for i in range(60)}
    )
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    for i in range(60):
        orders.add_scan(db, cashier, number, f"2*A{i:04d}")
    counter.print_for_checking(db, cashier, PrintContext(station="柜台1"), number, f"file://{tmp_path / 's.bin'}")
    bench.start_check(db, packers[0], number, "present")
    return number


@pytest.mark.parametrize("scanned", ["A0042", with_check_digit("690000000042")], ids=["item code", "barcode"])
def test_a_tick_reads_only_the_line_it_ticks(db, packers, long_slip, scanned):
    with lines_loaded() as loaded:
        result = bench.tick(db, packers[0], long_slip, scanned)
    assert result.line.position == 43 and result.line.ticked == 1
    assert set(loaded) == {43}


def test_a_refused_tick_reads_no_line(db, packers, long_slip):
    add_products(db, Z9999=("不在单上", 100, 90, None))
    with lines_loaded() as loaded, pytest.raises(bench.RefusedScan):
        bench.tick(db, packers[0], long_slip, "Z9999")
    assert loaded == []
