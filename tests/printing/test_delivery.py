"""Delivery confirmed or the job is held (issue 12, finding 1): a job is "done" only when the printer
answered a status request sent after the job's last byte; a cut, a short write or silence holds it."""

from sqlalchemy import update

from pos.db.models import PrintJob
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import printing
from tests.printing.fake_printer import FakePrinter

FAST = (0.05,)
STATUS_QUERIES = 3 * 3  # DLE EOT 1, 2, 4: asked before the job and again after it


def _one_job(db, cashier, context, number, uri, payload):
    [job] = printing.print_document(
        db, cashier, context, kind="sales-slip", number=number, printer_uri=uri, copies=(1,), reprint=True
    )
    with db.transaction() as s:
        s.execute(update(PrintJob).where(PrintJob.id == job.id).values(payload=payload))
    return job


def test_a_job_cut_at_any_byte_is_never_recorded_as_printed(db, manager, context, order_number):
    payload = b"\x1b@" + "张三 925银素圈戒指 3 件 ￥105.00\n".encode("gb18030") * 3 + b"\x1bd\x04\x1dV\x00"
    wire = STATUS_QUERIES + len(payload) + STATUS_QUERIES
    printer = FakePrinter("cut")
    try:
        spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
        outcomes = {}
        for cut_at in range(wire):
            printer.cut_at = cut_at
            job = _one_job(db, manager, context, order_number, printer.uri, payload)
            status = spooler.send_job(job.id)
            info = printing.get_job(db, job.id)
            assert status == info.status and status in ("pending", "failed"), (cut_at, status)
            if status == "failed":  # held: a person checks the paper, the job's reference at hand
                assert "check the paper" in info.last_error or "check the printout" in info.last_error, cut_at
                assert info.job_ref
            outcomes[cut_at] = status
        # cut before the job's first byte: nothing reached the paper, so it is simply tried again;
        # cut anywhere after: held for a person, never "done"
        assert {outcomes[k] for k in range(STATUS_QUERIES)} == {"pending"}
        assert {outcomes[k] for k in range(STATUS_QUERIES + 1, wire)} == {"failed"}
        printer.cut_at = wire  # the whole job and the confirming status: printed
        job = _one_job(db, manager, context, order_number, printer.uri, payload)
        assert spooler.send_job(job.id) == "done"
    finally:
        printer.stop()


def test_a_printer_that_accepts_but_never_reads_gets_nothing_marked_printed(db, cashier, context, order_number):
    printer = FakePrinter("stall")
    try:
        [job] = printing.print_document(
            db, cashier, context, kind="sales-slip", number=order_number, printer_uri=printer.uri, copies=(1,)
        )
        spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
        assert spooler.send_job(job.id) == "pending"  # nothing went out: tried again later
        info = printing.get_job(db, job.id)
        assert "did not answer a status request" in info.last_error and "nothing was sent" in info.last_error
    finally:
        printer.stop()


def test_a_dropped_connection_in_copy_two_holds_copy_two_and_copy_three_still_prints(
    db, cashier, context, order_number
):
    """The finding: a proxy dropping the connection after 300 bytes of copy 2 had all three copies
    'done' while the printer got 12 lines of copy 2, no reference and no cut."""
    printer = FakePrinter("ok")
    printer.cut_at, printer.plan = STATUS_QUERIES + 300, ["ok", "cut", "ok"]
    try:
        jobs = printing.print_document(
            db, cashier, context, kind="sales-slip", number=order_number, printer_uri=printer.uri
        )
        Spooler(db, "counter-1", backoff_seconds=FAST).process_due()
        assert [printing.get_job(db, j.id).status for j in jobs] == ["done", "failed", "done"]
        held = printing.get_job(db, jobs[1].id)
        assert "check the paper" in held.last_error or "check the printout" in held.last_error
        printer.settled()
        copies = [decode(raw).text for raw in printer.jobs]
        assert "第二联" in copies[1] and held.job_ref not in copies[1]  # cut before its reference
        assert "第三联" in copies[2] and jobs[2].job_ref in copies[2]
    finally:
        printer.stop()


def test_a_confirmed_job_ends_with_a_clean_shutdown(db, cashier, context, order_number, printer):
    jobs = printing.print_document(
        db, cashier, context, kind="sales-slip", number=order_number, printer_uri=printer.uri, copies=(1,)
    )
    assert Spooler(db, "counter-1").send_job(jobs[0].id) == "done"
    assert printer.settled() and printer.clean_ends == 1


def test_a_printer_that_never_answers_is_configured_so_and_its_jobs_are_sent_unconfirmed(
    db, cashier, context, order_number
):
    printer = FakePrinter("silent")
    try:
        [unset] = printing.print_document(
            db, cashier, context, kind="sales-slip", number=order_number, printer_uri=printer.uri, copies=(1,)
        )
        spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
        assert spooler.send_job(unset.id) == "pending"  # not configured as silent: nothing sent, says why
        assert "add status=none" in printing.get_job(db, unset.id).last_error
        assert printer.settled() and printer.jobs == []
        silent_uri = printer.uri + "&status=none"
        printing.redirect_job(db, cashier, context, unset.id, silent_uri)
        assert spooler.send_job(unset.id) == "sent"  # handed over; nobody can say it printed
        info = printing.get_job(db, unset.id)
        assert info.status == "sent" and info.last_error == ""
        assert printer.settled() and "第一联" in decode(printer.jobs[0]).text
        assert printing.list_jobs(db, station="counter-1") == []  # ended: out of the open queue
    finally:
        printer.stop()
