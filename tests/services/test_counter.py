"""A day at the counter, service by service, amounts checked to the fen."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Customer, Order, Payment
from pos.domain.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from pos.domain.instore_codes import InStoreRule
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import counter, customers, orders, printing
from pos.services.printing import PrintContext
from pos.services.staff import Approval, add_staff
from tests.conftest import add_products

MANAGER = Approval("3001", "3333")  # the manager fixture's login and PIN, typed on the spot


@pytest.fixture
def shop(db):
    add_products(db, "YJ1000", "BD2000", **{"00123": ("足银手镯（克价）", 650, 600)})


@pytest.fixture
def context(tmp_path):
    return PrintContext(station="结算台1", archive_dir=None)


@pytest.fixture
def slip(db, cashier, shop):
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number, station="结算台1")
    orders.add_scan(db, cashier, number, "3*6971230000006")
    orders.add_scan(db, cashier, number, "BD2000")
    return number


def _uri(tmp_path):
    return f"file://{tmp_path / 'receipt.bin'}"


def test_quantity_remove_and_totals(db, cashier, slip):
    view = counter.set_quantity(db, cashier, slip, 1, 2)
    assert view.total_fen == 2 * 3500 + 12800 and view.item_count == 3
    view = counter.remove_line(db, cashier, slip, 2)
    assert [ln.item_code for ln in view.lines] == ["YJ1000"] and view.total_fen == 7000
    with pytest.raises(InvalidInput):
        counter.set_quantity(db, cashier, slip, 1, 0)
    with pytest.raises(NotFound):
        counter.remove_line(db, cashier, slip, 9)


def test_price_override_needs_a_manager_and_a_reason_and_is_audited(db, cashier, manager, slip):
    with pytest.raises(PermissionDenied):
        counter.override_price(db, cashier, Approval("1001", "1111"), slip, 1, Money(3000), "老客户")
    with pytest.raises(InvalidInput):
        counter.override_price(db, cashier, MANAGER, slip, 1, Money(3000), " ")
    view = counter.override_price(db, cashier, MANAGER, slip, 1, Money.from_yuan("30"), "老客户优惠")
    assert view.lines[0].unit_price_fen == 3000
    with db.transaction() as s:
        entry = s.scalar(select(AuditEvent).where(AuditEvent.action == "order.override_price"))
    assert '"approved_by":"3001"' in entry.detail and "老客户优惠" in entry.detail and entry.actor_id == cashier.id


def test_quality_swap_is_logged_and_keeps_the_count(db, cashier, slip):
    view = counter.quality_swap(db, cashier, slip, 1, "划痕")
    assert view.lines[0].defective == 1 and view.lines[0].quantity == 3


def test_printing_for_checking_freezes_the_lines_and_queues_three_copies(db, cashier, slip, context, tmp_path):
    jobs = counter.print_for_checking(db, cashier, context, slip, _uri(tmp_path))
    assert [j.copy for j in jobs] == [1, 2, 3]
    assert counter.order_view(db, slip).status == "printed"
    with pytest.raises(Conflict):
        orders.add_scan(db, cashier, slip, "YJ1000")
    with pytest.raises(Conflict):
        counter.remove_line(db, cashier, slip, 1)
    with pytest.raises(Conflict):
        counter.print_for_checking(db, cashier, context, slip, _uri(tmp_path))


def test_cash_settlement_calls_out_prints_the_receipt_and_opens_the_drawer(db, cashier, slip, context, tmp_path):
    due = counter.amount_due(db, slip)
    assert due.total.fen == 23300
    result = counter.settle(
        db,
        cashier,
        context,
        slip,
        [Tender("cash", due.total, Money.from_yuan("250"))],
        printer_uri=_uri(tmp_path),
        no_packing=True,
        command_id="settle-1",
    )
    assert result.callout.screen() == "收您 ¥250.00  找您 ¥17.00"
    assert result.callout.spoken() == "收您两百五十元，找您十七元"
    with db.transaction() as s:
        payment = s.scalar(select(Payment))
        assert (payment.method, payment.amount_fen, payment.tendered_fen, payment.change_fen, payment.station) == (
            "cash",
            23300,
            25000,
            1700,
            "结算台1",
        )
        assert s.scalar(select(Order.status)) == "settled" and s.scalar(select(Order.settled_at)) is not None
    Spooler(db, "结算台1").process_due()
    receipt = decode((tmp_path / "receipt.bin").read_bytes())
    assert "收您 ￥250.00  找您 ￥17.00" in receipt.text and receipt.drawer_pulses == 1
    # the same command again (reply lost): recorded once
    again = counter.settle(
        db,
        cashier,
        context,
        slip,
        [Tender("cash", due.total, Money.from_yuan("250"))],
        printer_uri=_uri(tmp_path),
        no_packing=True,
        command_id="settle-1",
    )
    assert again.callout == result.callout
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 1
    with pytest.raises(Conflict, match="paid already"):
        counter.settle(
            db,
            cashier,
            context,
            slip,
            [Tender("cash", due.total, due.total)],
            printer_uri=_uri(tmp_path),
            no_packing=True,
        )
    with pytest.raises(Conflict):
        orders.add_scan(db, cashier, slip, "YJ1000")


@pytest.mark.parametrize(
    "tenders, message",
    [
        ([Tender("cash", Money(23300), Money(20000))], "less than the cash part"),
        ([Tender("wechat", Money(20000))], "less than the amount due"),
        ([Tender("account", Money(23300))], "franchise"),
        ([Tender("bank", Money(30000))], "more than the amount due"),
        ([], "at least one payment"),
    ],
)
def test_bad_payments_are_refused_and_change_nothing(db, cashier, slip, context, tmp_path, tenders, message):
    with pytest.raises(InvalidInput, match=message):
        counter.settle(db, cashier, context, slip, tenders, printer_uri=_uri(tmp_path), no_packing=True)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 0
        assert s.scalar(select(Order.status)) == "open" and s.scalar(select(Order.settled_at)) is None
    assert printing.list_jobs(db) == []


def test_mixed_payment_and_on_account_for_franchise(db, cashier, shop, context, tmp_path):
    customer = customers.create_customer(
        db, cashier, name="李丽饰品店", phone="13900139000", address="广州", customer_type="franchise"
    )
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "2*BD2000")  # franchise price 115.20
    tenders = [Tender("wechat", Money(10000)), Tender("account", Money(8040)), Tender("cash", Money(5000), Money(5000))]
    result = counter.settle(
        db,
        cashier,
        context,
        number,
        tenders,
        printer_uri=_uri(tmp_path),
        no_packing=True,
        shipping_fee=Money(0),
        command_id="mixed-1",
    )
    assert result.due.fen == 23040 and result.callout.change.fen == 0
    assert result.callout.screen() == "微信 ¥100.00，挂账 ¥80.40，收您现金 ¥50.00，找您 ¥0.00"
    assert result.callout.spoken() == "微信一百元，挂账八十元四角，收您现金五十元，不用找零"
    again = counter.settle(
        db,
        cashier,
        context,
        number,
        tenders,
        printer_uri=_uri(tmp_path),
        no_packing=True,
        shipping_fee=Money(0),
        command_id="mixed-1",
    )  # the reply was lost: same call-out
    assert again.callout == result.callout
    with db.transaction() as s:
        assert s.scalar(select(Customer.balance_fen).where(Customer.number == customer.number)) == 8040
    # the next slip includes the balance owed
    second = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, second, "BD2000")
    due = counter.amount_due(db, second, shipping_fee=Money(1500))
    assert (due.lines.fen, due.previous_balance.fen, due.shipping.fen, due.total.fen) == (11520, 8040, 1500, 21060)


def test_settling_before_the_bench_has_checked_is_refused(db, cashier, slip, context, tmp_path):
    with pytest.raises(Conflict, match="once the bench has checked it, or let the customer take it now unpacked"):
        counter.settle(
            db, cashier, context, slip, [Tender("cash", Money(23300), Money(23300))], printer_uri=_uri(tmp_path)
        )
    counter.print_for_checking(db, cashier, context, slip, _uri(tmp_path))
    with pytest.raises(Conflict, match="at the bench"):
        counter.settle(
            db,
            cashier,
            context,
            slip,
            [Tender("cash", Money(23300), Money(23300))],
            printer_uri=_uri(tmp_path),
            no_packing=True,
        )


def test_in_store_weight_code_prices_silver_by_the_gram(db, cashier, shop):
    customer = customers.create_customer(db, cashier, name="王五", phone="13700137000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    from pos.domain.codes import with_check_digit

    code = with_check_digit("22" + "00123" + "12345")  # item 00123, 1234.5 g in tenths
    result = orders.add_scan(db, cashier, number, code, instore_rules=(InStoreRule("22", 5, "weight", 1),))
    assert result.line.unit_price_fen == 802425  # 1234.5 g x 6.50 /g
    assert result.line.name.endswith("1234.5g")
    price_code = with_check_digit("21" + "00123" + "09950")
    result = orders.add_scan(db, cashier, number, price_code, instore_rules=(InStoreRule("21"),))
    assert result.line.unit_price_fen == 9950 and result.new_line


def test_no_sale_drawer_needs_a_manager_and_a_reason(db, cashier, manager, context, tmp_path):
    with pytest.raises(PermissionDenied):
        counter.open_drawer(db, cashier, Approval("1001", "1111"), context, _uri(tmp_path), "找零")
    with pytest.raises(InvalidInput):
        counter.open_drawer(db, cashier, MANAGER, context, _uri(tmp_path), "")
    counter.open_drawer(db, cashier, MANAGER, context, _uri(tmp_path), "换零钱")
    Spooler(db, "结算台1").process_due()
    assert decode((tmp_path / "receipt.bin").read_bytes()).drawer_pulses == 1
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "drawer.no_sale")) == 1


def test_restart_finds_the_open_slip(db, cashier, slip):
    assert counter.last_open_order(db, "结算台1") == slip
    assert counter.last_open_order(db, "结算台2") is None


def test_slips_set_aside_unprinted_are_listed_to_take_up_again(db, cashier, slip, tmp_path):
    customer = customers.search(db, "zs")[0]
    empty = orders.open_order(db, cashier, customer.number, station="结算台1")  # nothing scanned: nothing held
    second = orders.open_order(db, cashier, customer.number, station="结算台1")
    orders.add_scan(db, cashier, second, "2*BD2000")
    elsewhere = orders.open_order(db, cashier, customer.number, station="结算台2")
    orders.add_scan(db, cashier, elsewhere, "YJ1000")
    held = counter.held_slips(db, "结算台1")
    assert [(h.number, h.customer_name, h.units) for h in held] == [(second, "张三", 2), (slip, "张三", 4)]
    assert empty not in [h.number for h in held]
    counter.print_for_checking(db, cashier, PrintContext(station="结算台1"), slip, _uri(tmp_path))
    assert [h.number for h in counter.held_slips(db, "结算台1")] == [second]  # printed: at the bench now


@pytest.mark.parametrize(
    "query, names",
    [
        ("zs", ["张三", "张三丰"]),
        ("zhang", ["张三", "张三丰"]),
        ("ZHANGSANF", ["张三丰"]),
        ("138", ["张三"]),
        ("139 0013", ["张三丰"]),
        ("C000002", ["张三丰"]),
        ("张三", ["张三", "张三丰"]),
        ("三丰", ["张三丰"]),
        ("%", []),
        ("_", []),
        ("'; DROP TABLE customers; --", []),
        ("\x00\x1b[2J", []),
        ("", []),
    ],
)
def test_customer_search(db, cashier, query, names):
    customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    customers.create_customer(db, cashier, name="张三丰", phone="13900139000", address="武当山")
    customers.create_customer(db, cashier, name="李四", phone="13700137000", address="广州")
    assert [c.name for c in customers.search(db, query)] == names
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 3


def test_day_is_the_shops_local_day(db):
    assert isinstance(db.business_day(), date)


def test_drawer_pin_and_pulse_come_from_the_settings(db, cashier, manager, tmp_path):
    from pos.config import Settings

    settings = Settings(drawer_pin="5", drawer_pulse_ms="300,300")
    context = PrintContext(station="结算台1", drawer=settings.drawer())
    counter.open_drawer(db, cashier, MANAGER, context, _uri(tmp_path), "换零钱")
    Spooler(db, "结算台1").process_due()
    # DLE DC4 1 m t, real-time: pin 5 (m = 1), t x 100 ms
    assert (tmp_path / "receipt.bin").read_bytes() == b"\x10\x14\x01\x01\x03"
    with pytest.raises(InvalidInput):
        Settings(drawer_pin="3").validated()
    with pytest.raises(InvalidInput):
        Settings(drawer_pulse_ms="fast").validated()


def test_a_slip_set_aside_can_be_voided_with_a_reason(db, admin, cashier, slip):
    packer = add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    with pytest.raises(InvalidInput, match="reason"):
        counter.void_slip(db, cashier, slip, "   ")
    with pytest.raises(InvalidInput):
        counter.void_slip(db, cashier, slip, "x" * 201)
    with pytest.raises(PermissionDenied):
        counter.void_slip(db, packer, slip, "客户不要了")
    assert [h.number for h in counter.held_slips(db, "结算台1")] == [slip]  # nothing changed so far
    counter.void_slip(db, cashier, slip, "客户不要了")
    assert counter.held_slips(db, "结算台1") == []
    assert counter.order_view(db, slip).status == "voided"
    with db.transaction() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "order.void"))
        assert event.entity_id == slip and json.loads(event.detail)["reason"] == "客户不要了"
    with pytest.raises(Conflict, match="only a slip not yet printed"):
        counter.void_slip(db, cashier, slip, "again")


def test_a_printed_slip_cannot_be_voided_at_the_counter(db, cashier, slip, tmp_path):
    counter.print_for_checking(db, cashier, PrintContext(station="结算台1"), slip, _uri(tmp_path))
    with pytest.raises(Conflict, match="printed"):
        counter.void_slip(db, cashier, slip, "客户不要了")
    assert counter.order_view(db, slip).status == "printed"
