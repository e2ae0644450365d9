"""Freight the shop collects is a line of the settlement: inside the amount due, printed on the
receipt with the carrier, and on the sales slip printed at settlement; the way of sending shows."""

import re

from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import counter, customers, orders, shipping
from tests.conftest import add_products
from tests.services.shipping_setup import CONTEXT, packed_order


def test_the_freight_we_collect_is_due_and_on_the_receipt(db, cashier, packers, tmp_path):
    number = packed_order(db, cashier, packers[0], tmp_path)
    shipping.set_send_by(db, cashier, number, "顺丰")
    due = counter.amount_due(db, number, shipping_fee=Money(1500))
    paid = Money(due.total.fen)
    receipt = tmp_path / "receipt.bin"
    counter.settle(
        db,
        cashier,
        CONTEXT,
        number,
        [Tender("cash", paid, paid)],
        printer_uri=f"file://{receipt}",
        shipping_fee=Money(1500),
    )
    Spooler(db, CONTEXT.station).process_due()
    text = decode(receipt.read_bytes()).text
    assert "其中运费（顺丰）" in text and "￥15.00" in text
    assert re.search(rf"应收 +{re.escape(paid.format('￥'))}\n", text)  # the amount due includes it


def _taken_now(db, cashier, tmp_path, send_by, fee):
    """One ring sold over the counter and taken now (the slip prints at settlement), sent `send_by`
    with `fee` of freight collected; the text of everything printed."""
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, cashier, name="李四", phone="13900139000", address="广州")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "YJ1000")
    shipping.set_send_by(db, cashier, number, send_by)
    out = tmp_path / "slip.bin"
    due = counter.amount_due(db, number, shipping_fee=fee).total
    counter.settle(
        db,
        cashier,
        CONTEXT,
        number,
        [Tender("cash", due, due)],
        printer_uri=f"file://{out}",
        no_packing=True,
        shipping_fee=fee,
    )
    Spooler(db, CONTEXT.station).process_due()
    return decode(out.read_bytes()).text


def test_a_slip_printed_at_settlement_shows_the_way_and_the_freight(db, cashier, tmp_path):
    text = _taken_now(db, cashier, tmp_path, "申通", Money(800))
    assert text.count("运费（申通）") >= 4  # the three copies of the slip, and the receipt
    assert "￥8.00" in text


def test_a_pickup_slip_says_so_and_charges_no_freight(db, cashier, tmp_path):
    text = _taken_now(db, cashier, tmp_path, "pickup", Money(0))
    assert "发货：自提" in text and "运费" not in text
