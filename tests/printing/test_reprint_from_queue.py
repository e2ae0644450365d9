"""A manager reprints any slip, receipt, return slip or box label from the print queue: marked 重印
with its count, approved on the spot when someone else is signed in (issue 12 finding 8)."""

import pytest

from pos.domain.errors import AuthError, InvalidInput, PermissionDenied
from pos.printing.document import Document, Text
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import printing
from pos.services.staff import Approval


def _printed(db, cashier, context, number, uri, kind):
    jobs = printing.print_document(db, cashier, context, kind=kind, number=number, printer_uri=uri)
    Spooler(db, context.station).process_due()
    return jobs


def test_a_cashier_reprints_a_box_label_with_a_managers_approval(db, cashier, manager, context, order_number, tmp_path):
    out = tmp_path / "labels.bin"
    first, _second = _printed(db, cashier, context, order_number, f"file://{out}", "box-label")
    before = out.read_bytes()
    with pytest.raises(PermissionDenied, match="manager"):
        printing.reprint_job(db, cashier, context, first.id)
    with pytest.raises(AuthError):
        printing.reprint_job(db, cashier, context, first.id, approval=Approval("3001", "0000"))
    assert len(printing.list_jobs(db, open_only=False)) == 2  # refused: nothing queued

    again = printing.reprint_job(db, cashier, context, first.id, approval=Approval("3001", "3333"), command_id="c1")
    assert [(j.kind, j.box_number, j.reprint) for j in again] == [("box-label", 1, 1)]
    assert printing.reprint_job(db, cashier, context, first.id, approval=Approval("3001", "3333"), command_id="c1") == [
        printing.get_job(db, again[0].id)
    ]  # a retried command queues nothing again
    Spooler(db, context.station).process_due()
    text = decode(out.read_bytes()[len(before) :]).text
    assert "重印 REPRINT 第1次" in text and "第 1 箱" in text and "第 2 箱" not in text


def test_a_manager_reprints_one_copy_of_a_sales_slip_elsewhere(db, cashier, manager, context, order_number, tmp_path):
    copies = _printed(db, cashier, context, order_number, f"file://{tmp_path / 'slips.bin'}", "sales-slip")
    other = tmp_path / "other.bin"
    again = printing.reprint_job(db, manager, context, copies[2].id, printer_uri=f"file://{other}")
    assert [(j.copy, j.reprint) for j in again] == [(3, 1)]
    Spooler(db, context.station).process_due()
    text = decode(other.read_bytes()).text
    assert "重印 REPRINT 第1次" in text and "第三联 客户" in text and "第一联" not in text


def test_documents_made_elsewhere_are_not_reprinted_from_the_queue(db, manager, context):
    with db.transaction() as session:
        job = printing.queue_document(
            session,
            db,
            manager,
            context,
            kind="report",
            label="day-end",
            printer_uri="preview:",
            build=lambda meta: Document("day end", meta.columns, [Text("日结")]),
        )
        session.flush()
        job_id = job.id
    with pytest.raises(InvalidInput, match="where it was made"):
        printing.reprint_job(db, manager, context, job_id)
