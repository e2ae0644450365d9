"""The printer bytes of printed, archived jobs are dropped after the shop's retention period, at day
end (issue 14 deliverable 5); the job stays, and a reprint is built again from the slip."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from pos.db.models import PrintJob
from pos.db.models.base import utcnow
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import counter, customers, orders, printing
from pos.services.printing import PrintContext
from pos.services.printing.retention import drop_old_bytes
from tests.conftest import add_products


def _slip(db, cashier, name: str, phone: str) -> str:
    customer = customers.create_customer(db, cashier, name=name, phone=phone, address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "YJ1000")
    return number


def _jobs(db) -> list[tuple[str, int]]:
    with db.read() as session:
        return list(session.execute(select(PrintJob.status, func.length(PrintJob.payload)).order_by(PrintJob.id)))


@pytest.fixture
def archived(tmp_path):
    return PrintContext(station="柜台1", archive_dir=tmp_path / "archive")


def test_bytes_go_after_the_period_and_the_jobs_stay(db, cashier, manager, archived, tmp_path):
    add_products(db, "YJ1000")
    number = _slip(db, cashier, "张三", "13800138000")
    counter.print_for_checking(db, cashier, archived, number, f"file://{tmp_path / 'p.bin'}")
    assert Spooler(db, "柜台1").process_due() == 3
    assert drop_old_bytes(db, 90) == 0  # printed just now
    db.clock = lambda: utcnow() + timedelta(days=91)
    assert drop_old_bytes(db, 0) == 0  # "0": kept for good
    assert drop_old_bytes(db, 90) == 3
    assert _jobs(db) == [("done", 0)] * 3
    [again] = printing.print_document(
        db,
        manager,
        archived,
        kind="sales-slip",
        number=number,
        printer_uri=f"file://{tmp_path / 'again.bin'}",
        copies=(1,),
        reprint=True,
    )
    assert number in decode(printing.job_payload(db, again.id)).text  # built again from the slip


def test_bytes_not_archived_or_not_yet_printed_are_kept(db, cashier, tmp_path):
    add_products(db, "YJ1000")
    unarchived = _slip(db, cashier, "张三", "13800138000")
    counter.print_for_checking(db, cashier, PrintContext(station="柜台1"), unarchived, f"file://{tmp_path / 'p.bin'}")
    assert Spooler(db, "柜台1").process_due() == 3
    waiting = _slip(db, cashier, "李四", "13912345678")
    elsewhere = PrintContext(station="柜台2", archive_dir=tmp_path / "archive")  # its spooler is not running
    counter.print_for_checking(db, cashier, elsewhere, waiting, f"file://{tmp_path / 'p2.bin'}")
    db.clock = lambda: utcnow() + timedelta(days=400)
    assert drop_old_bytes(db, 90) == 0
    assert [status for status, _size in _jobs(db)] == ["done"] * 3 + ["pending"] * 3
    assert all(size > 0 for _status, size in _jobs(db))
