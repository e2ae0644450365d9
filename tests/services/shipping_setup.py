"""An order checked at the bench in two boxes, ready to ship: shared by the shipping tests."""

from pos.printing.spooler import Spooler
from pos.services import bench, counter, customers, orders
from pos.services.bench import BenchPrinters
from pos.services.printing import PrintContext
from tests.conftest import add_products

CONTEXT = PrintContext(station="打包台1")


def packed_order(db, cashier, packer, tmp_path, *, name="张三", phone="13800138000", first=True):
    """`name`'s order (3 rings in box 1; 2 pendants and a necklace in box 2), checked with the
    customer present. Returns its number. The items are added to the catalog by the `first` order."""
    if first:
        add_products(db, "YJ1000", "BD2000", "XL5000")
    customer = customers.create_customer(db, cashier, name=name, phone=phone, address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        orders.add_scan(db, cashier, number, code)
    printers = BenchPrinters(CONTEXT, f"file://{tmp_path / 'labels.bin'}", f"file://{tmp_path / 'slips.bin'}")
    counter.print_for_checking(db, cashier, CONTEXT, number, printers.slips)
    bench.start_check(db, packer, number, "present")
    bench.tick(db, packer, number, "3*YJ1000")
    bench.seal_box(db, packer, CONTEXT, number, 1, printers.labels)
    bench.open_box(db, packer, number)
    bench.tick(db, packer, number, "2*BD2000")
    bench.tick(db, packer, number, "XL5000")
    bench.seal_box(db, packer, CONTEXT, number, 2, printers.labels)
    bench.sign_customer(db, packer, number, on_paper=True)
    bench.complete(db, packer, number, printers=printers)
    Spooler(db, "打包台1").process_due()
    return number
