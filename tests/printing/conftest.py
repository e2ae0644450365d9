import pytest

from pos.db.models import Box, BoxItem, Order, Payment, Product, ProductBarcode
from pos.services import customers, orders
from pos.services.printing import PrintContext
from tests.printing.fake_printer import FakePrinter


@pytest.fixture
def catalog(db):
    with db.transaction() as s:
        ring = Product(
            item_code="YJ1000", name="925银素圈戒指 小号", wholesale_price_fen=3500, franchise_price_fen=3150
        )
        ring.barcodes = [ProductBarcode(barcode="6971230000006")]
        s.add(ring)
        s.add(Product(item_code="BD2040", name="紫水晶水滴吊坠", wholesale_price_fen=12800, franchise_price_fen=11520))
        s.add(Product(item_code="XL5001", name="925银锁骨链 45cm", wholesale_price_fen=9900, franchise_price_fen=8900))


@pytest.fixture
def order_number(db, cashier, catalog):
    """张三's slip: 3 rings, 2 pendants (one crossed at the bench), 1 necklace; 2 boxes; paid in cash."""
    customer = customers.create_customer(
        db, cashier, name="张三", phone="13800138000", address="浙江省义乌市国际商贸城二区40号"
    )
    number = orders.open_order(db, cashier, customer.number)
    for code in ("3*6971230000006", "2*BD2040", "XL5001"):
        orders.add_scan(db, cashier, number, code)
    with db.transaction() as s:
        order = s.query(Order).filter_by(number=number).one()
        order.lines[1].crossed = 1
        first, second = Box(order_id=order.id, number=1), Box(order_id=order.id, number=2)
        s.add_all([first, second])
        s.flush()
        first.items = [BoxItem(order_line_id=order.lines[0].id, quantity=3)]
        second.items = [
            BoxItem(order_line_id=order.lines[1].id, quantity=1),
            BoxItem(order_line_id=order.lines[2].id, quantity=1),
        ]
        s.add(
            Payment(
                command_id="pay-1",
                order_id=order.id,
                method="cash",
                amount_fen=33200,
                tendered_fen=35000,
                change_fen=1800,
                cashier_id=cashier.id,
            )
        )
    return number


@pytest.fixture
def context(tmp_path):
    return PrintContext(station="counter-1", shop_name="银饰批发展厅", archive_dir=tmp_path / "archive")


@pytest.fixture
def printer():
    fake = FakePrinter()
    yield fake
    fake.stop()
