"""Printing over a real socket to a fake printer: nothing lost, nothing printed twice."""

import socket
import threading

import pytest
from sqlalchemy import func, select, update

from pos.db.models import PrintJob
from pos.printing.connections import PrinterError, TcpConnection, parse_uri
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler, SpoolerThread, interrupted
from pos.services import printing
from tests.printing.fake_printer import FakePrinter

FAST = (0.05,)


class Changes:
    """The spooler's on_change, as a condition to wait on: each change wakes the waiter."""

    def __init__(self) -> None:
        self.count = 0
        self._changed = threading.Condition()

    def __call__(self) -> None:
        with self._changed:
            self.count += 1
            self._changed.notify_all()

    def wait_until(self, condition, timeout: float = 10.0) -> bool:  # noqa: ANN001
        with self._changed:
            return self._changed.wait_for(condition, timeout)


def _queue(db, cashier, context, number, uri, **kw):
    return printing.print_document(db, cashier, context, kind="sales-slip", number=number, printer_uri=uri, **kw)


def _statuses(db, jobs):
    return [printing.get_job(db, j.id).status for j in jobs]


def _copies(raw_jobs):
    labels = []
    for raw in raw_jobs:
        text = decode(raw).text
        labels.append(next(label for label in ("第一联", "第二联", "第三联") if label in text))
    return labels


def test_three_copies_print_once_each_in_order(db, cashier, context, order_number, printer):
    jobs = _queue(db, cashier, context, order_number, printer.uri)
    spooler = Spooler(db, "counter-1")
    spooler.process_due()
    assert _statuses(db, jobs) == ["done"] * 3
    assert _copies(printer.wait_for_jobs(3)) == ["第一联", "第二联", "第三联"]
    assert spooler.process_due() == 0  # nothing left to send
    assert printer.connections == 3 and printer.settled()
    assert len(printer.jobs) == 3  # nothing sent twice


def test_unreachable_printer_keeps_the_job_and_prints_it_once_when_back(
    db, cashier, context, order_number, clock, monkeypatch
):
    probe = FakePrinter()
    port = probe.port
    probe.stop()  # nothing listens on the port now
    uri = f"tcp://127.0.0.1:{port}?timeout=1"
    dialled = []
    with monkeypatch.context() as patch:
        patch.setattr(socket, "create_connection", lambda *a, **k: dialled.append(a) or pytest.fail("printer IO"))
        jobs = _queue(db, cashier, context, order_number, uri)
    assert dialled == []  # queuing does no printer IO
    assert [printing.get_job(db, j.id).attempts for j in jobs] == [0, 0, 0]
    spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
    spooler.process_due()
    first = printing.get_job(db, jobs[0].id)
    assert first.status == "pending" and "Cannot connect" in first.last_error
    assert _statuses(db, jobs[1:]) == ["pending", "pending"]

    back = FakePrinter(port=port)
    try:
        assert spooler.process_due() == 0  # the retry is not due yet
        clock.advance(seconds=1)
        spooler.process_due()
        assert _statuses(db, jobs) == ["done"] * 3
        assert _copies(back.wait_for_jobs(3)) == ["第一联", "第二联", "第三联"]
    finally:
        back.stop()


def test_paper_out_on_copy_two_keeps_copy_one_done_and_prints_the_rest_after_refill(
    db, cashier, context, order_number, printer, clock
):
    jobs = _queue(db, cashier, context, order_number, printer.uri)
    spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
    assert spooler.send_job(jobs[0].id) == "done"
    printer.behaviour = "paper_out"
    spooler.process_due()
    second = printing.get_job(db, jobs[1].id)
    assert second.status == "pending" and "out of paper" in second.last_error
    assert _statuses(db, jobs) == ["done", "pending", "pending"]
    assert second.attempts == 1 and printing.get_job(db, jobs[2].id).attempts == 0  # copy 3 waited its turn
    printer.behaviour = "ok"
    clock.advance(seconds=1)  # past the retry's pause
    spooler.process_due()
    assert _statuses(db, jobs) == ["done"] * 3
    assert _copies(printer.wait_for_jobs(3)) == ["第一联", "第二联", "第三联"]


def test_connection_dropped_mid_job_is_failed_for_a_person_not_resent(db, cashier, context, order_number, clock):
    printer = FakePrinter("drop", drop_after=4096)
    try:
        jobs = _queue(db, cashier, context, order_number, printer.uri, copies=(1,))
        with db.transaction() as s:  # a big job (a slip with pictures) so the drop lands mid-send
            s.execute(update(PrintJob).where(PrintJob.id == jobs[0].id).values(payload=b"\x1b@" + b"A" * 8_000_000))
        spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
        assert spooler.send_job(jobs[0].id) == "failed"
        job = printing.get_job(db, jobs[0].id)
        assert "Connection lost after" in job.last_error and "check the printout" in job.last_error
        clock.advance(hours=1)  # long past any retry's pause
        assert spooler.process_due() == 0  # failed jobs wait for a person
        assert printer.connections == 1
    finally:
        printer.stop()


def test_stalled_printer_times_out_and_the_job_is_kept(db, cashier, context, order_number):
    printer = FakePrinter("stall")
    try:
        jobs = _queue(db, cashier, context, order_number, printer.uri, copies=(1,))
        with db.transaction() as s:
            s.execute(update(PrintJob).where(PrintJob.id == jobs[0].id).values(payload=b"A" * 8_000_000))
        spooler = Spooler(db, "counter-1", backoff_seconds=FAST)
        status = spooler.send_job(jobs[0].id)
        # it returned while the printer still holds the connection: the spooler's own timeout ended the wait
        assert printer.handled == 0
        assert status in ("failed", "pending")  # never 'done', never lost
        assert printing.get_job(db, jobs[0].id).status == status
    finally:
        printer.stop()


def test_silent_printer_status_is_unknown_not_ok(printer):
    printer.behaviour = "silent"
    state = TcpConnection(parse_uri(printer.uri)).status()
    assert not state.known and state.ready
    assert state.describe() == "unknown (no status reply)"
    printer.behaviour = "paper_out"
    state = TcpConnection(parse_uri(printer.uri)).status()
    assert state.paper == "out" and not state.ready


def test_nothing_listening_fails_at_once_with_nothing_sent():
    probe = FakePrinter()
    port = probe.port
    probe.stop()
    with pytest.raises(PrinterError) as info:
        TcpConnection(parse_uri(f"tcp://127.0.0.1:{port}")).send(b"x")
    assert info.value.sent == 0


def test_job_left_sending_by_a_crash_is_held_for_a_person_and_the_rest_print(
    db, cashier, context, order_number, printer
):
    jobs = _queue(db, cashier, context, order_number, printer.uri)
    with db.transaction() as s:
        s.execute(update(PrintJob).where(PrintJob.id == jobs[0].id).values(status="sending", attempts=1))
    spooler = Spooler(db, "counter-1")
    assert spooler.recover() == 1
    assert printing.get_job(db, jobs[0].id).last_error == interrupted().message
    spooler.process_due()
    # the held copy does not stop the printer: the later copies print, the held one waits for a person
    assert _statuses(db, jobs) == ["failed", "done", "done"]
    assert _copies(printer.wait_for_jobs(2)) == ["第二联", "第三联"]
    printing.retry_job(db, cashier, jobs[0].id)
    spooler.process_due()
    assert _statuses(db, jobs) == ["done"] * 3
    assert _copies(printer.wait_for_jobs(3))[2] == "第一联"


def test_a_thousand_jobs_behind_a_held_one_still_print(db, cashier, context, order_number, tmp_path):
    """Finding 7: a job interrupted by a crash held 1,103 later jobs behind it."""
    out = tmp_path / "out.bin"
    out.touch()
    uri = f"file://{out}"
    held = _queue(db, cashier, context, order_number, uri, copies=(1,))[0]
    with db.transaction() as s:
        s.execute(update(PrintJob).where(PrintJob.id == held.id).values(status="sending", attempts=1))
        later = [
            PrintJob(
                command_id=f"later-{i}",
                job_ref=f"L{i}",
                station="counter-1",
                kind="test",
                printer_uri=uri,
                payload=b"x",
                created_at=db.now(),
            )
            for i in range(1103)
        ]
        s.add_all(later)
    spooler = Spooler(db, "counter-1")
    spooler.recover()
    spooler.process_due()
    with db.transaction() as s:
        states = s.execute(select(PrintJob.status, func.count()).group_by(PrintJob.status)).all()
    assert dict(states) == {"failed": 1, "done": 1103}
    assert out.read_bytes() == b"x" * 1103


def test_two_spoolers_never_send_the_same_job(db, cashier, context, order_number, printer):
    jobs = _queue(db, cashier, context, order_number, printer.uri)
    spoolers = [Spooler(db, "counter-1") for _ in range(2)]
    threads = [threading.Thread(target=s.process_due) for s in spoolers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert _statuses(db, jobs) == ["done"] * 3
    assert printer.connections == 3 and printer.settled()
    assert sorted(_copies(printer.jobs)) == sorted(["第一联", "第二联", "第三联"])


def test_background_thread_prints_when_the_printer_comes_back(db, cashier, context, order_number):
    probe = FakePrinter()
    port = probe.port
    probe.stop()
    changes = Changes()
    spooler = Spooler(db, "counter-1", backoff_seconds=(0.2,), on_change=changes)
    thread = SpoolerThread(spooler)
    thread.start()
    try:
        jobs = _queue(db, cashier, context, order_number, f"tcp://127.0.0.1:{port}?timeout=1")
        thread.wake()

        def attempted() -> bool:
            # attempts counts up when the job is claimed ('sending'); 'pending' again once the attempt failed
            job = printing.get_job(db, jobs[0].id)
            return job.attempts >= 1 and job.status == "pending"

        assert changes.wait_until(attempted)
        back = FakePrinter(port=port)
        try:
            received = back.wait_for_jobs(3, timeout=10)
            assert _copies(received) == ["第一联", "第二联", "第三联"]
            assert changes.wait_until(lambda: _statuses(db, jobs) == ["done"] * 3)
            # nothing more is sent: the thread looked at the queue again after the last job was done
            assert thread.wait_for_passes(thread.look_again(), timeout=10)
            assert back.connections == 3 and back.settled()
            assert len(back.jobs) == 3
        finally:
            back.stop()
    finally:
        thread.stop()
    assert changes.count
