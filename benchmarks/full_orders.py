"""Full orders as the showroom makes them, through the services: ten lines scanned at the counter,
printed for checking, checked at the bench item by item into a box, signed, completed, paid in cash.
Used to measure what one order costs the database."""

from __future__ import annotations

from pathlib import Path

from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.spooler import Spooler
from pos.services import bench, counter, customers, orders, settle, staff
from pos.services.printing import PrintContext

LINES = 10


def people(db):
    admin = staff.add_staff(db, None, login_code="9001", name="管理员", roles="admin", pin="9999")
    cashier = staff.add_staff(db, admin, login_code="1001", name="王丽", roles="cashier", pin="1111")
    packer = staff.add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    return cashier, packer


def full_order(db, cashier, packer, customer_number: str, codes: list[str], out: Path, *, archive: Path | None) -> str:
    context = PrintContext(station="柜台1", archive_dir=archive)
    printer = f"file://{out / 'slips.bin'}"
    number = orders.open_order(db, cashier, customer_number)
    for code in codes:
        orders.add_scan(db, cashier, number, f"2*{code}")
    counter.print_for_checking(db, cashier, context, number, printer)
    bench.start_check(db, packer, number, "present")
    for code in codes:
        bench.tick(db, packer, number, f"2*{code}")
    labels = f"file://{out / 'labels.bin'}"
    bench.seal_box(db, packer, context, number, 1, labels)
    bench.complete(db, packer, number, signed_on_paper=True, printers=bench.BenchPrinters(context, labels))
    due = counter.amount_due(db, number).total
    settle.settle(db, cashier, context, number, [Tender("cash", due, due + Money(0))], printer_uri=printer)
    Spooler(db, "柜台1").process_due()
    return number


def make_customer(db, cashier, i: int) -> str:
    return customers.create_customer(
        db, cashier, name=f"客户{i}", phone=f"139{i:08d}", address="浙江省义乌市国际商贸城"
    ).number
