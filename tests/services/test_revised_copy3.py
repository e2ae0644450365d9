"""After a cross-out at the bench, the customer's copy (第三联) is printed again as a numbered
revision with the net lines and total: in the customer's hand when present, in the box when absent."""

import pytest
from sqlalchemy import select

from pos.db.models import PrintJob
from pos.domain.errors import Conflict
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import bench, counter, customers, orders, printing, returns
from pos.services.bench import BenchPrinters
from pos.services.printing import PrintContext
from pos.services.staff import Approval
from tests.conftest import add_products, approval_of


@pytest.fixture
def context():
    return PrintContext(station="打包台1")


@pytest.fixture
def slips(tmp_path):
    return tmp_path / "slips.bin"


@pytest.fixture
def printers(context, slips, tmp_path):
    return BenchPrinters(context, f"file://{tmp_path / 'labels.bin'}", f"file://{slips}")


@pytest.fixture
def printed(db, cashier, context, slips):
    """张三's slip, printed for checking (three copies): 3 rings, 2 pendants, 1 necklace."""
    add_products(db, "YJ1000", "BD2000", "XL5000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        orders.add_scan(db, cashier, number, code)
    counter.print_for_checking(db, cashier, context, number, f"file://{slips}")
    Spooler(db, "打包台1").process_due()
    return number


def _tick_all_but_one_pendant(db, packer, number):
    for code in ("3*YJ1000", "BD2000", "XL5000"):
        bench.tick(db, packer, number, code)
    return bench.cross_out(db, packer, number, 2, 1, "unwanted").open_returns[0]


def _sign_return(db, packer, manager, slip):
    returns.sign(db, packer, slip, "handler", signer=approval_of(packer))
    returns.sign(db, packer, slip, "customer", method="paper")
    returns.sign(db, packer, slip, "manager", signer=approval_of(manager))


def _ready_to_complete(db, packer, manager, number, printers):
    """Checked with the customer present, one pendant crossed out and its return slip signed."""
    bench.start_check(db, packer, number, "present")
    return_slip = _tick_all_but_one_pendant(db, packer, number)
    bench.seal_box(db, packer, printers.context, number, 1, printers.labels)
    _sign_return(db, packer, manager, return_slip)
    bench.sign_customer(db, packer, number, on_paper=True)
    return return_slip


def _printed_since(db, path, before):
    Spooler(db, "打包台1").process_due()
    return decode(path.read_bytes()[before:]).text


def test_the_customer_present_takes_a_revision_with_the_net_lines(db, packers, printed, printers, slips, manager):
    packer = packers[0]
    return_slip = _ready_to_complete(db, packer, manager, printed, printers)
    before = slips.stat().st_size
    bench.complete(db, packer, printed, printers=printers)
    revision = _printed_since(db, slips, before)
    assert "第三联" in revision and "修订 REVISED 第1版" in revision and "重印" not in revision
    assert "×" not in revision  # only what the customer takes, at the net quantity
    rows = [line.split() for line in revision.splitlines()]
    pendant = next(row for row in rows if row and row[0] == "BD2000")
    assert pendant[-3:] == ["128.00", "1", "128.00"]  # price, net quantity, amount
    assert "合计 5 件" in revision and "332.00" in revision
    assert "点货时划除 1 件，不计入合计" in revision and f"见退货单：{return_slip}" in revision
    assert "本联替代先前打印的第三联" in revision


def test_the_customer_absent_gets_the_revision_in_the_last_box(db, packers, printed, printers, slips, manager):
    first, _ = packers
    bench.start_check(db, first, printed, "absent", Approval("2002", "2323"))
    return_slip = _tick_all_but_one_pendant(db, first, printed)
    before = slips.stat().st_size
    bench.seal_box(
        db,
        first,
        printers.context,
        printed,
        1,
        printers.labels,
        copy3_confirmed_by=Approval("2002", "2323"),
        slip_printer_uri=printers.slips,
    )
    in_the_box = _printed_since(db, slips, before)
    assert "修订 REVISED 第1版" in in_the_box and "332.00" in in_the_box
    _sign_return(db, first, manager, return_slip)
    before = slips.stat().st_size
    assert bench.complete(db, first, printed, printers=printers).status == "checked"
    assert _printed_since(db, slips, before) == ""  # the revision is in the box already: not a second one


def test_nothing_crossed_out_prints_no_revision(db, packers, printed, printers, slips):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(db, packer, printed, code)
    bench.seal_box(db, packer, printers.context, printed, 1, printers.labels)
    bench.sign_customer(db, packer, printed, on_paper=True)
    before = slips.stat().st_size
    bench.complete(db, packer, printed, printers=printers)
    assert _printed_since(db, slips, before) == ""
    with pytest.raises(Conflict, match="Nothing was crossed out"):
        printing.print_document(
            db, packer, printers.context, kind=printing.REVISION, number=printed, printer_uri=printers.slips
        )


def test_a_revision_reprinted_from_the_queue_keeps_its_number(db, packers, printed, printers, slips, manager):
    packer = packers[0]
    _ready_to_complete(db, packer, manager, printed, printers)
    bench.complete(db, packer, printed, printers=printers)
    Spooler(db, "打包台1").process_due()
    with db.transaction() as s:
        job = s.scalar(select(PrintJob.id).where(PrintJob.kind == printing.REVISION))
    before = slips.stat().st_size
    printing.reprint_job(db, manager, printers.context, job)
    again = _printed_since(db, slips, before)
    assert "修订 REVISED 第1版" in again and "重印 REPRINT 第1次" in again
