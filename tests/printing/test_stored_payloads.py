"""Print jobs are stored compressed and sent as rendered (issue 14 deliverable 5): a full order's
print jobs took 8 KB of the database; the printer gets the same bytes as before."""

from sqlalchemy import select, update

from pos.db.models import PrintJob
from pos.domain.payloads import PACKED
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import printing


def _stored(db, job_id: int) -> bytes:
    with db.read() as session:
        return session.scalar(select(PrintJob.payload).where(PrintJob.id == job_id))


def test_a_slip_is_stored_compressed_and_printed_whole(db, cashier, context, order_number, tmp_path):
    out = tmp_path / "printer.bin"
    jobs = printing.print_document(
        db, cashier, context, kind="sales-slip", number=order_number, printer_uri=f"file://{out}"
    )
    sent = printing.job_payload(db, jobs[0].id)
    stored = _stored(db, jobs[0].id)
    assert stored.startswith(PACKED) and len(stored) * 3 < len(sent) * 2  # a short slip: half; 300 lines: a tenth
    assert Spooler(db, "counter-1").process_due() == 3
    printed = out.read_bytes()
    assert printed == b"".join(printing.job_payload(db, job.id) for job in jobs)
    assert order_number in decode(printed).text


def test_a_job_stored_before_compression_prints_as_it_was(db, manager, context, order_number, tmp_path):
    out = tmp_path / "printer.bin"
    [job] = printing.print_document(
        db, manager, context, kind="receipt", number=order_number, printer_uri=f"file://{out}", copies=(1,)
    )
    old = b"\x1b@" + "张三 925银素圈戒指 3 件 ￥105.00\n".encode("gb18030") + b"\x1dV\x00"
    with db.transaction() as s:
        s.execute(update(PrintJob).where(PrintJob.id == job.id).values(payload=old))
    Spooler(db, "counter-1").process_due()
    assert out.read_bytes() == old
