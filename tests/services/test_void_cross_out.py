"""Issue 10 finding 14 (second part): a return slip for units crossed out at the bench is set aside
by a manager, then the order is settled. The crossed units were not taken, but with no return slip
nothing takes them off the bill: the counter showed ¥70.00 and charged ¥105.00.

Decision (service standard ch. 5 B: every item is checked one by one, "点一样，装一样，钩一样", and a
crossed item is returned only through a return slip with three signatures): setting the slip aside
undoes the crossing. The units go back to being unchecked, so the packer checks them again (ticks
them if the customer takes them after all, or crosses them onto a new slip), and the screen total
and the amount charged are the same number at every step."""

import pytest
from sqlalchemy import select

from pos.db.models import OrderLine
from pos.domain.errors import Conflict
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.services import bench, counter, customers, orders, returns
from pos.services.printing import PrintContext
from pos.services.staff import Approval, add_staff
from tests.conftest import add_products

CTX = PrintContext(station="结算台1")
MANAGER = Approval("3001", "3333")


@pytest.fixture
def packer(db, admin):
    return add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")


@pytest.fixture
def at_the_bench(db, cashier, packer, tmp_path):
    """张三 takes three rings at ¥35.00; the bench ticks two and crosses the third out."""
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "3*YJ1000")
    counter.print_for_checking(db, cashier, CTX, number, f"file://{tmp_path / 'slips.bin'}")
    bench.start_check(db, packer, number, "present")
    bench.tick(db, packer, number, "2*YJ1000")
    view = bench.cross_out(db, packer, number, 1, 1, "unwanted")
    return number, view.open_returns[0]


def _screen_and_due(db, number):
    return counter.order_view(db, number).total_fen, counter.amount_due(db, number).total.fen


def test_setting_aside_a_cross_out_slip_uncrosses_its_units(db, cashier, packer, manager, at_the_bench, tmp_path):
    number, slip = at_the_bench
    assert _screen_and_due(db, number)[0] == 7000  # the crossed ring is off the screen already
    returns.void(db, packer, MANAGER, slip, "客户又要了")
    assert _screen_and_due(db, number) == (10500, 10500)  # screen and bill agree
    view = bench.bench_view(db, number)
    assert (view.lines[0].ticked, view.lines[0].crossed) == (2, 0) and view.open_returns == ()
    with pytest.raises(Conflict, match="1 units are still to check"):
        bench.complete(db, packer, number, signed_on_paper=True)
    bench.tick(db, packer, number, "YJ1000")  # the customer takes it after all
    bench.seal_box(db, packer, PrintContext(station="打包台1"), number, 1, f"file://{tmp_path / 'labels.bin'}")
    assert bench.complete(db, packer, number, signed_on_paper=True).status == "checked"
    assert _screen_and_due(db, number) == (10500, 10500)
    paid = counter.settle(
        db,
        cashier,
        CTX,
        number,
        [Tender("cash", Money(10500), Money(10500))],
        printer_uri=f"file://{tmp_path / 'r.bin'}",
    )
    assert paid.due.fen == 10500


def test_crossing_again_after_a_void_puts_the_unit_on_a_new_slip(db, packer, manager, at_the_bench):
    number, slip = at_the_bench
    returns.void(db, packer, MANAGER, slip, "签错了")
    view = bench.cross_out(db, packer, number, 1, 1, "unwanted")
    assert view.open_returns and view.open_returns[0] != slip
    assert _screen_and_due(db, number)[0] == 7000
    with db.transaction() as s:
        assert s.scalar(select(OrderLine.crossed)) == 1  # once, not twice
