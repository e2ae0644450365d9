"""An order's one state (pos.domain.orders), as the services store it: a paid order is 'settled'
whichever way it was paid, and the refusals say what the standard says: settle when checked, or
take it now unpacked."""

import pytest
from sqlalchemy import select

from pos.db.models import AuditEvent, Order
from pos.domain.errors import Conflict
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import bench, counter, customers, order_details, orders, printing
from pos.services.printing import PrintContext
from pos.services.staff import add_staff
from tests.conftest import add_products

CONTEXT = PrintContext(station="结算台1")


@pytest.fixture
def slip(db, cashier):
    add_products(db, "YJ1000", "BD2000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number, station="结算台1")
    orders.add_scan(db, cashier, number, "2*YJ1000")
    return number


def _pay(db, cashier, number, tmp_path, **kwargs):
    due = counter.amount_due(db, number).total
    return counter.settle(
        db, cashier, CONTEXT, number, [Tender("cash", due, due)], printer_uri=f"file://{tmp_path / 'r.bin'}", **kwargs
    )


def _stored_state(db, number):
    with db.transaction() as s:
        return s.scalar(select(Order.status).where(Order.number == number))


def test_an_order_taken_now_unpacked_is_settled_not_open(db, cashier, slip, tmp_path):
    _pay(db, cashier, slip, tmp_path, no_packing=True)
    assert _stored_state(db, slip) == "settled"
    assert counter.order_view(db, slip).status == "settled"
    # a settled slip is nobody's slip in progress, and the refusals name its one state
    assert counter.last_open_order(db, "结算台1") is None and counter.held_slips(db, "结算台1") == []
    with pytest.raises(Conflict) as refused:
        orders.add_scan(db, cashier, slip, "YJ1000")
    assert refused.value.details["status"] == "settled"
    with pytest.raises(Conflict) as refused:
        counter.void_slip(db, cashier, slip, "客户走了")
    assert refused.value.details["status"] == "settled"
    with db.transaction() as s:
        detail = s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "order.settle"))
    assert '"act":"take_now"' in detail.replace(" ", "")


def test_an_order_checked_at_the_bench_is_settled_when_paid(db, cashier, admin, manager, slip, tmp_path):
    packer = add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    counter.print_for_checking(db, cashier, CONTEXT, slip, f"file://{tmp_path / 's.bin'}")
    bench.start_check(db, packer, slip, "present")
    bench.tick(db, packer, slip, "2*YJ1000")
    bench.seal_box(db, packer, CONTEXT, slip, 1, f"file://{tmp_path / 'l.bin'}")
    bench.complete(db, packer, slip, signature_png=b"\x89PNG fake")
    assert [r.number for r in counter.ready_to_settle(db)] == [slip]
    _pay(db, cashier, slip, tmp_path)
    assert _stored_state(db, slip) == "settled"
    assert counter.ready_to_settle(db) == []
    with pytest.raises(Conflict, match="paid already"):
        _pay(db, cashier, slip, tmp_path)
    with pytest.raises(Conflict):  # the bench cannot take up a paid order again
        bench.start_check(db, packer, slip, "present")
    assert _stored_state(db, slip) == "settled"
    # settled after the check, its boxes are final: a reprinted label still says "box 1 of 1"
    labels = tmp_path / "again.bin"
    printing.print_document(
        db, manager, CONTEXT, kind="box-label", number=slip, printer_uri=f"file://{labels}", boxes=(1,), reprint=True
    )
    Spooler(db, "结算台1").process_due()
    assert "第 1 箱 / 共 1 箱" in decode(labels.read_bytes()).text


def test_settling_an_unchecked_order_says_settle_when_checked_or_take_it_now(db, cashier, slip, tmp_path):
    """Finding 15: the standard (4.6, 5.1.F) settles after the bench has checked; the only other
    way is to take the goods now, unpacked."""
    with pytest.raises(Conflict, match="once the bench has checked it, or let the customer take it now unpacked"):
        _pay(db, cashier, slip, tmp_path)
    counter.print_for_checking(db, cashier, CONTEXT, slip, f"file://{tmp_path / 's.bin'}")
    with pytest.raises(Conflict, match="settle it when checked"):
        _pay(db, cashier, slip, tmp_path, no_packing=True)
    with pytest.raises(Conflict, match="has not finished checking"):
        _pay(db, cashier, slip, tmp_path)
    assert _stored_state(db, slip) == "printed"


def test_order_details_show_the_one_state(db, cashier, slip, tmp_path):
    _pay(db, cashier, slip, tmp_path, no_packing=True)
    with db.transaction() as s:
        details = order_details.describe(s, s.scalar(select(Order).where(Order.number == slip)))
    assert details["status"] == "settled" and details["settled_at"] is not None
    assert "paid" not in details and "state" not in details
    assert Money(details["total"]["fen"]) == counter.amount_due(db, slip).lines
