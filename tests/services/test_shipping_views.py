"""What the shipping screen lists, and the way of sending as the counter and the bench show it."""

from pos.domain.money import Money
from pos.domain.shipping import PICKUP, ShippingState
from pos.services import bench, counter_views, shipping, shipping_views
from tests.services.shipping_setup import CONTEXT, packed_order


def test_orders_to_ship_are_listed_until_every_box_has_left(db, cashier, packers, tmp_path):
    number = packed_order(db, cashier, packers[0], tmp_path)
    assert shipping_views.ready_to_ship(db) == []  # nobody said how it goes: not guessed
    shipping.set_send_by(db, cashier, number, "顺丰")
    (ready,) = shipping_views.ready_to_ship(db)
    assert (ready.number, ready.customer_name, ready.send_by, ready.boxes, ready.shipped_boxes) == (
        number,
        "张三",
        "顺丰",
        2,
        0,
    )
    assert ready.state is ShippingState.WAITING and not ready.settled
    shipping.record_shipment(
        db, cashier, CONTEXT, number, carrier="顺丰", waybill="SF1", box_labels=[f"{number}-B1"], fee=Money(0)
    )
    (ready,) = shipping_views.ready_to_ship(db)
    assert ready.shipped_boxes == 1 and ready.state is ShippingState.PARTLY
    shipping.record_shipment(
        db, cashier, CONTEXT, number, carrier="顺丰", waybill="SF2", box_labels=[f"{number}-B2"], fee=Money(0)
    )
    assert shipping_views.ready_to_ship(db) == []


def test_a_pickup_order_is_not_to_ship(db, cashier, packers, tmp_path):
    number = packed_order(db, cashier, packers[0], tmp_path)
    shipping.set_send_by(db, cashier, number, PICKUP)
    assert shipping_views.ready_to_ship(db) == []


def test_counter_and_bench_show_the_way_of_sending_and_the_state(db, cashier, packers, tmp_path):
    number = packed_order(db, cashier, packers[0], tmp_path)
    shipping.set_send_by(db, cashier, number, "中铁快运")
    view = counter_views.order_view(db, number)
    assert (view.send_by, view.shipping) == ("中铁快运", ShippingState.WAITING)
    assert bench.bench_view(db, number).send_by == "中铁快运"
    before = bench.version(db, number)
    shipping.set_send_by(db, cashier, number, "顺丰")
    assert bench.version(db, number) != before  # an open bench screen reloads its header
    shipping.record_shipment(
        db,
        cashier,
        CONTEXT,
        number,
        carrier="顺丰",
        waybill="SF9",
        box_labels=[f"{number}-B1", f"{number}-B2"],
        grams=2000,
    )
    assert counter_views.order_view(db, number).shipping == ShippingState.SHIPPED
