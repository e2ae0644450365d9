"""Issue 10 finding 14: every committing act the screens call takes a command id, and a retry with
it (after a lost reply) is stored once: not done twice, and not refused because the first attempt
already changed what the act checks."""

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Order, OrderLine, PrintJob, TickEvent
from pos.domain.money import Money
from pos.services import bench, counter, customers, orders
from pos.services.printing import PrintContext
from pos.services.staff import Approval, add_staff
from tests.conftest import add_products

MANAGER = Approval("3001", "3333")  # the manager fixture's login and PIN, typed on the spot


@pytest.fixture
def slip(db, cashier):
    add_products(db, "YJ1000", "BD2000", "XL5000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number, station="结算台1")
    for code in ("3*YJ1000", "BD2000", "XL5000"):
        orders.add_scan(db, cashier, number, code)
    return number


def _count(db, action):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action))


def _lines(db):
    with db.transaction() as s:
        return s.execute(
            select(OrderLine.item_code, OrderLine.quantity, OrderLine.unit_price_fen, OrderLine.defective).order_by(
                OrderLine.position
            )
        ).all()


def test_set_quantity_retried_is_recorded_once(db, cashier, slip):
    first = counter.set_quantity(db, cashier, slip, 1, 5, command_id="q-1")
    again = counter.set_quantity(db, cashier, slip, 1, 5, command_id="q-1")
    assert first == again and _count(db, "order.set_quantity") == 1


def test_remove_line_retried_removes_no_second_line(db, cashier, slip):
    counter.remove_line(db, cashier, slip, 1, command_id="rm-1")
    # without the id, the retry removed the line that moved into position 1 (or was refused)
    view = counter.remove_line(db, cashier, slip, 1, command_id="rm-1")
    assert [ln.item_code for ln in view.lines] == ["BD2000", "XL5000"]
    assert [code for code, *_ in _lines(db)] == ["BD2000", "XL5000"]


def test_override_price_retried_is_recorded_once(db, cashier, manager, slip):
    for _ in range(2):
        view = counter.override_price(db, cashier, MANAGER, slip, 2, Money(10000), "老客户", command_id="p-1")
    assert view.lines[1].unit_price_fen == 10000 and _count(db, "order.override_price") == 1


def test_quality_swap_retried_counts_one_defect(db, cashier, slip):
    for _ in range(2):
        counter.quality_swap(db, cashier, slip, 1, "划痕", command_id="sw-1")
    assert _lines(db)[0][3] == 1


def test_print_for_checking_retried_prints_once_and_is_not_a_reprint(db, cashier, slip, tmp_path):
    uri, context = f"file://{tmp_path / 'slip.bin'}", PrintContext(station="结算台1")
    first = counter.print_for_checking(db, cashier, context, slip, uri, command_id="pr-1")
    again = counter.print_for_checking(db, cashier, context, slip, uri, command_id="pr-1")
    assert [job.id for job in again] == [job.id for job in first] and len(first) == 3
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(PrintJob)) == 3
    assert _count(db, "order.print_for_checking") == 1


def test_void_slip_retried_is_not_refused(db, cashier, slip):
    counter.void_slip(db, cashier, slip, "客户走了", command_id="v-1")
    counter.void_slip(db, cashier, slip, "客户走了", command_id="v-1")
    with db.transaction() as s:
        assert s.scalar(select(Order.status)) == "voided"
    assert _count(db, "order.void") == 1


def test_manual_tick_retried_ticks_once(db, admin, cashier, slip, tmp_path):
    counter.print_for_checking(db, cashier, PrintContext(station="结算台1"), slip, f"file://{tmp_path / 's.bin'}")
    packer = add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    bench.start_check(db, packer, slip, "present")
    first = bench.manual_tick(db, packer, slip, 1, 2, reason="no_label", command_id="t-1")
    again = bench.manual_tick(db, packer, slip, 1, 2, reason="no_label", command_id="t-1")
    assert first.line.ticked == again.line.ticked == 2
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(TickEvent)) == 1
        assert s.scalar(select(OrderLine.ticked).where(OrderLine.position == 1)) == 2
