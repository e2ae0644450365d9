"""Shipments (发货记录): an order's boxes scanned by their labels into a shipment, none left behind
and none twice; the fee from the carrier's rate; the record searched; the voucher printed."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, PrintJob, Shipment
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.freight import Payer
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.domain.shipping import ShippingState
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import bench, call_tasks, counter, customers, orders, returns, shipping
from pos.services.returns import LineRequest, ReturnRefused
from tests.conftest import add_products
from tests.services.shipping_setup import CONTEXT, packed_order


@pytest.fixture
def packed(db, cashier, packers, tmp_path):
    return packed_order(db, cashier, packers[0], tmp_path)


def _ship(db, actor, number, labels, **kwargs):
    kwargs.setdefault("carrier", "中铁快运")
    kwargs.setdefault("waybill", "ZT 8800 1234")
    kwargs.setdefault("grams", 3200)
    return shipping.record_shipment(db, actor, CONTEXT, number, box_labels=labels, **kwargs)


def test_the_box_labels_carry_their_box(db, packed, tmp_path):
    labels = decode((tmp_path / "labels.bin").read_bytes())
    assert f"{packed}-B1" in labels.barcodes and f"{packed}-B2" in labels.barcodes


def test_both_labels_scanned_ship_the_order_at_the_carriers_rate(db, cashier, packed):
    shipment = _ship(db, cashier, packed, [f"{packed}-B2", f"{packed.lower()}-b1"])
    assert shipment.boxes == (1, 2) and shipment.waybill == "ZT88001234"
    # 中铁快运 by weight: 20.00 for the first kg, 3.00 for each further kg begun: 3.2 kg is 4 kg
    assert shipment.fee == Money(2900) and shipment.payer is Payer.ON_DELIVERY
    assert shipment.order_state is ShippingState.SHIPPED
    handed = date.fromisoformat(shipment.expected_arrival) - timedelta(days=3)
    assert handed == db.business_day()
    with db.transaction() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.action == "shipment.record")) == 1


def test_an_order_is_shipped_only_when_every_box_is(db, cashier, packed):
    first = _ship(db, cashier, packed, [f"{packed}-B1"], fee=Money(1500), payer=Payer.CUSTOMER_TO_US)
    assert first.order_state is ShippingState.PARTLY and first.fee == Money(1500)
    with pytest.raises(Conflict, match="Box 1 of order .* has been shipped already"):
        _ship(db, cashier, packed, [f"{packed}-B1"], waybill="SECOND")
    second = _ship(db, cashier, packed, [f"{packed}-B2"], waybill="SF1234567890", carrier="顺丰", grams=900)
    assert second.order_state is ShippingState.SHIPPED and second.fee == Money(2300)
    assert [s.waybill for s in shipping.search(db, customer="张三")] == ["SF1234567890", "ZT88001234"]


def test_a_box_of_another_order_or_a_box_twice_is_refused_and_nothing_is_recorded(
    db, cashier, packers, packed, tmp_path
):
    other = packed_order(db, cashier, packers[0], tmp_path, name="李四", phone="13900139000", first=False)
    with pytest.raises(Conflict, match=f"Box label {other}-B1 is of order {other}, not of {packed}"):
        _ship(db, cashier, packed, [f"{packed}-B1", f"{other}-B1"])
    with pytest.raises(Conflict, match="Box 2 was scanned twice"):
        _ship(db, cashier, packed, [f"{packed}-B2", f"{packed}-B2"])
    with pytest.raises(NotFound, match="has no box 3"):
        _ship(db, cashier, packed, [f"{packed}-B3"])
    with pytest.raises(InvalidInput, match="not a box label"):
        _ship(db, cashier, packed, ["6971230000006"])
    with pytest.raises(InvalidInput, match="Scan the label"):
        _ship(db, cashier, packed, [])
    with pytest.raises(InvalidInput, match="waybill"):
        _ship(db, cashier, packed, [f"{packed}-B1"], waybill="  ")
    with pytest.raises(NotFound, match="No carrier"):
        _ship(db, cashier, packed, [f"{packed}-B1"], carrier="飞鸽")
    with pytest.raises(InvalidInput, match="Weigh the boxes"):
        _ship(db, cashier, packed, [f"{packed}-B1"], grams=0)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Shipment)) == 0
    assert call_tasks.open_tasks(db) == []


def test_an_order_not_checked_yet_is_not_shipped(db, cashier):
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, cashier, name="王五", phone="13700137000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "YJ1000")
    with pytest.raises(Conflict, match="not packed yet"):
        _ship(db, cashier, number, [f"{number}-B1"])


def test_a_retried_shipment_is_recorded_once(db, cashier, packed):
    first = _ship(db, cashier, packed, [f"{packed}-B1", f"{packed}-B2"], command_id="ship-1")
    again = _ship(db, cashier, packed, [f"{packed}-B1", f"{packed}-B2"], command_id="ship-1")
    assert again.id == first.id
    assert len(call_tasks.open_tasks(db)) == 1


def test_the_shipping_record_is_searched_by_customer_dates_and_waybill(db, cashier, packers, packed, tmp_path):
    other = packed_order(db, cashier, packers[0], tmp_path, name="李四", phone="13900139000", first=False)
    _ship(db, cashier, packed, [f"{packed}-B1", f"{packed}-B2"], waybill="ZT1111")
    _ship(db, cashier, other, [f"{other}-B1", f"{other}-B2"], waybill="ZT2222")
    today = db.business_day()
    assert [s.order_number for s in shipping.search(db, customer="李四")] == [other]
    assert [s.order_number for s in shipping.search(db, customer="13800")] == [packed]
    assert [s.waybill for s in shipping.search(db, waybill="zt 22")] == ["ZT2222"]
    assert len(shipping.search(db, since=today, until=today)) == 2
    assert shipping.search(db, since=today + timedelta(days=1)) == []
    assert shipping.search(db, until=today - timedelta(days=1)) == []


def test_the_voucher_prints_through_the_spooler(db, cashier, packed, tmp_path):
    voucher = tmp_path / "voucher.bin"
    _ship(
        db, cashier, packed, [f"{packed}-B1", f"{packed}-B2"], voucher_printer_uri=f"file://{voucher}", waybill="ZT5678"
    )
    with db.transaction() as s:
        job = s.scalar(select(PrintJob).where(PrintJob.kind == shipping.VOUCHER))
        assert job.status == "pending"
    Spooler(db, CONTEXT.station).process_due()
    printed = decode(voucher.read_bytes())
    text = printed.text
    assert "发货凭证" in text and f"销售单：{packed}" in text and "张三" in text
    assert "承运：中铁快运" in text and "货单号：ZT5678" in text and "ZT5678" in printed.barcodes
    assert "箱数：2" in text and "第 1 箱" in text and "第 2 箱" in text
    assert "925银素圈戒指" in text and "紫水晶吊坠" in text and "重量：3.2 kg" in text
    assert "运费：￥29.00" in text and "到付" in text
    assert f"发货时间：{db.business_day():%Y-%m-%d}" in text


def test_the_way_of_sending_is_on_the_order_remembered_and_on_the_labels(db, cashier, packers, tmp_path):
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, cashier, name="赵六", phone="13600136000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    with pytest.raises(NotFound, match="No carrier"):
        shipping.set_send_by(db, cashier, number, "飞鸽")
    assert shipping.set_send_by(db, cashier, number, "顺丰") == "顺丰"
    assert shipping.customer_send_by(db, customer.number) == "顺丰"
    assert shipping.set_send_by(db, cashier, number, "pickup") == "pickup"
    assert shipping.customer_send_by(db, customer.number) == "pickup"


def test_a_label_names_the_way_of_sending(db, cashier, packers, tmp_path):
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, cashier, name="赵六", phone="13600136000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "YJ1000")
    shipping.set_send_by(db, cashier, number, "申通")
    labels = tmp_path / "l.bin"
    counter.print_for_checking(db, cashier, CONTEXT, number, f"file://{tmp_path / 's.bin'}")
    bench.start_check(db, packers[0], number, "present")
    bench.tick(db, packers[0], number, "YJ1000")
    bench.seal_box(db, packers[0], CONTEXT, number, 1, f"file://{labels}")
    Spooler(db, CONTEXT.station).process_due()
    assert "发货：申通" in decode(labels.read_bytes()).text


def _settle(db, cashier, number, tmp_path):
    due = counter.amount_due(db, number).total
    counter.settle(db, cashier, CONTEXT, number, [Tender("cash", due, due)], printer_uri=f"file://{tmp_path / 'r.bin'}")


def test_a_present_customer_whose_goods_were_shipped_follows_the_shipped_rule(db, cashier, packed, tmp_path):
    _settle(db, cashier, packed, tmp_path)
    with pytest.raises(ReturnRefused, match="collected the goods in person"):
        returns.create_return(db, cashier, packed, [LineRequest(1, 1, "unwanted")])
    _ship(db, cashier, packed, [f"{packed}-B1", f"{packed}-B2"])
    with pytest.raises(ReturnRefused, match="wrong or defective"):
        returns.create_return(db, cashier, packed, [LineRequest(1, 1, "unwanted")])
    assert returns.create_return(db, cashier, packed, [LineRequest(1, 1, "wrong_item")])
