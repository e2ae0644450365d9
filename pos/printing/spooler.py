"""The durable spooler: jobs are stored before anything is sent, sent one whole job per
connection, and marked done only after the printer confirmed it took every byte.

- A failure before any byte went out (printer off, unplugged, out of paper, refusing) leaves the
  job pending; it is retried with growing pauses and never lost.
- A failure part-way through, or a job the printer did not confirm, cannot be retried blindly
  (part or all of it may be on paper): the job is held (failed) for a person to look at the
  printout and retry, redirect or cancel. A held job does not hold up the printer's later jobs.
- Jobs for one printer go out in the order they were queued: while an earlier one waits to be
  sent, later ones wait behind it, so copy 3 never prints before copy 2.
- Drawer openings go ahead of everything, as a real-time pulse that does not care about paper;
  one not sent within DRAWER_DEADLINE of being asked for is dropped (and audited) rather than
  popping the drawer open later, unattended.
- A job claimed for sending is marked 'sending' in its own transaction first; one found in that
  state on start (the app died mid-send) is failed for a person to check, never resent silently.
  The claim is an atomic update, so two stations' spoolers never send the same job.

No Qt here: the app runs SpoolerThread and hears about changes through `on_change`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from pos.db.database import Database
from pos.db.models import PrintJob
from pos.domain import print_jobs
from pos.domain.payloads import unpack
from pos.domain.print_jobs import PrintJobStatus
from pos.printing.connections import (
    Connection,
    Delivery,
    PrinterConfig,
    PrinterError,
    PrinterStatus,
    open_connection,
    parse_uri,
)
from pos.services import audit

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (2, 5, 10, 20, 30, 60)
DRAWER = "drawer"
DRAWER_DEADLINE = timedelta(seconds=10)
EXPIRED = "Not sent within {seconds} s of being asked for: dropped, so the drawer never opens unattended."


def interrupted() -> PrinterError:
    return PrinterError("Interrupted while sending (the app stopped): check the printout, then retry or cancel.")


def backoff(attempts: int, steps: tuple[float, ...] = BACKOFF_SECONDS) -> timedelta:
    return timedelta(seconds=steps[min(max(attempts, 1), len(steps)) - 1])


class Spooler:
    def __init__(
        self,
        db: Database,
        station: str,
        *,
        preview_dir: Path | None = None,
        connect: Callable[[PrinterConfig], Connection] = open_connection,
        on_change: Callable[[], None] | None = None,
        on_preview: Callable[[Path, int], None] | None = None,
        backoff_seconds: tuple[float, ...] = BACKOFF_SECONDS,
    ) -> None:
        self.db = db
        self.backoff_seconds = backoff_seconds
        self.station = station
        self.preview_dir = preview_dir
        self.connect = connect
        self.on_change = on_change or (lambda: None)
        self.on_preview = on_preview or (lambda path, job_id: None)
        self.printer_status: dict[str, PrinterStatus | PrinterError] = {}  # uri -> last status or error

    def recover(self) -> int:
        """On start: jobs this station left in 'sending' are failed for a person to check."""
        with self.db.transaction() as session:
            result = session.execute(
                update(PrintJob)
                .where(PrintJob.station == self.station, PrintJob.status.in_(print_jobs.sources("interrupted")))
                .values(status=print_jobs.target("interrupted"), last_error=interrupted().to_json())
            )
            count = result.rowcount or 0
        if count:
            self.on_change()
        return count

    def due_jobs(self, now: datetime) -> list[int]:
        """Drawer openings first, then the first job in line for each printer, if it is due: later
        jobs wait behind it. Held (failed) jobs are out of the line."""
        with self.db.transaction() as session:
            jobs = session.execute(
                select(PrintJob.id, PrintJob.printer_uri, PrintJob.status, PrintJob.next_attempt_at, PrintJob.kind)
                .where(PrintJob.station == self.station, PrintJob.status.in_(print_jobs.IN_LINE))
                .order_by(PrintJob.id)
            ).all()
        heads: dict[str, tuple] = {}
        for job in jobs:
            if job.kind != DRAWER:
                heads.setdefault(job.printer_uri, job)
        drawers = [job for job in jobs if job.kind == DRAWER]
        return [
            job.id
            for job in (*drawers, *heads.values())
            if job.status in print_jobs.sources("claim") and (job.next_attempt_at is None or job.next_attempt_at <= now)
        ]

    def expire_drawers(self) -> int:
        """Drop drawer openings asked for longer than DRAWER_DEADLINE ago and still not sent."""
        now = self.db.now()
        with self.db.transaction() as session:
            expired = session.scalars(
                update(PrintJob)
                .where(
                    PrintJob.station == self.station,
                    PrintJob.kind == DRAWER,
                    PrintJob.status.in_(print_jobs.sources("expire")),
                    PrintJob.created_at < now - DRAWER_DEADLINE,
                )
                .values(
                    status=print_jobs.target("expire"),
                    cancel_reason=PrinterError(EXPIRED, seconds=int(DRAWER_DEADLINE.total_seconds())).message,
                    next_attempt_at=None,
                )
                .returning(PrintJob.id)
            ).all()
            for job_id in expired:
                audit.record(
                    session,
                    actor_id=None,
                    action="drawer.expired",
                    entity="print_job",
                    entity_id=job_id,
                    detail={"station": self.station, "seconds": int(DRAWER_DEADLINE.total_seconds())},
                    at=now,
                )
        if expired:
            self.on_change()
        return len(expired)

    def next_wakeup(self) -> datetime | None:
        with self.db.transaction() as session:
            return session.scalar(
                select(PrintJob.next_attempt_at)
                .where(
                    PrintJob.station == self.station,
                    PrintJob.status == PrintJobStatus.PENDING,
                    PrintJob.next_attempt_at.is_not(None),
                )
                .order_by(PrintJob.next_attempt_at)
                .limit(1)
            )

    def process_due(self) -> int:
        """Send every printer's next due job, printer after printer, until none is due."""
        handled = 0
        self.expire_drawers()
        while True:
            due = self.due_jobs(self.db.now())
            if not due:
                return handled
            progressed = False
            for job_id in due:
                # the line moved on unless the job was put back to wait (a held job is out of the line)
                if self.send_job(job_id) not in (PrintJobStatus.PENDING, "skipped"):
                    progressed = True
                handled += 1
            if not progressed:
                return handled

    def send_job(self, job_id: int) -> str:
        """Claim, send and record one job. Returns its new status."""
        with self.db.transaction() as session:
            claimed = session.execute(
                update(PrintJob)
                .where(PrintJob.id == job_id, PrintJob.status.in_(print_jobs.sources("claim")))
                .values(status=print_jobs.target("claim"), attempts=PrintJob.attempts + 1)
            ).rowcount
            if not claimed:
                return "skipped"  # another station's spooler, or a person, got there first
            job = session.get(PrintJob, job_id)
            assert job is not None
            uri, payload, attempts, name = job.printer_uri, unpack(job.payload), job.attempts, f"{job.id}-{job.job_ref}"
            drawer = job.kind == DRAWER
        self.on_change()
        try:
            config = parse_uri(uri)
            preview = None
            if config.is_preview:
                preview = None if drawer else self._write_preview(name, payload)  # no drawer to open
                delivery = Delivery(PrinterStatus(), confirmed=True)
            else:
                # the drawer opens whatever the paper says: change is owed with the printer out of paper
                delivery = self.connect(config).send(payload, require_ready=not drawer)
        except PrinterError as exc:
            return self._failed(job_id, uri, attempts, exc, partial=exc.sent > 0)
        except Exception as exc:  # noqa: BLE001 - a bug or odd device must not kill the spooler
            log.exception("print job %s", job_id)
            error = PrinterError("Unexpected error: {reason}", reason=f"{exc.__class__.__name__}: {exc}")
            return self._failed(job_id, uri, attempts, error, partial=True)
        act = "sent" if delivery.confirmed else "handed"
        with self.db.transaction() as session:
            session.execute(
                update(PrintJob)
                .where(PrintJob.id == job_id, PrintJob.status.in_(print_jobs.sources(act)))
                .values(status=print_jobs.target(act), sent_at=self.db.now(), last_error="", next_attempt_at=None)
            )
        self.printer_status[uri] = delivery.status
        self.on_change()
        if preview is not None:
            self.on_preview(preview, job_id)
        return print_jobs.target(act)

    def _failed(self, job_id: int, uri: str, attempts: int, error: PrinterError, *, partial: bool) -> str:
        act = "fail" if partial else "postpone"  # part of it may be on paper: a person looks first
        status = print_jobs.target(act)
        values: dict = {"status": status, "last_error": error.to_json()[:2000]}
        if not partial:
            values["next_attempt_at"] = self.db.now() + backoff(attempts, self.backoff_seconds)
        with self.db.transaction() as session:
            session.execute(
                update(PrintJob)
                .where(PrintJob.id == job_id, PrintJob.status.in_(print_jobs.sources(act)))
                .values(**values)
            )
        self.printer_status[uri] = error
        self.on_change()
        return status

    def _write_preview(self, name: str, payload: bytes) -> Path:
        if self.preview_dir is None:
            raise PrinterError("No preview folder is set.")
        self.preview_dir.mkdir(parents=True, exist_ok=True)
        path = self.preview_dir / f"job-{name}.pdf"
        path.write_bytes(payload)
        return path


class SpoolerThread(threading.Thread):
    """Runs the spooler in the background: on start, whenever woken (a job was queued), and when
    the next retry falls due."""

    IDLE_WAIT = 5.0  # seconds: also picks up jobs queued by another process on this station

    def __init__(self, spooler: Spooler) -> None:
        super().__init__(name="pos-spooler", daemon=True)
        self.spooler = spooler
        self._wake = threading.Event()
        self._halt = threading.Event()
        # passes over the queue begun and finished: a caller can know the thread looked again
        self.passes_begun = 0
        self.passes = 0
        self._passed = threading.Condition()

    def wake(self) -> None:
        self._wake.set()

    def look_again(self) -> int:
        """Wake the thread; returns the count `passes` reaches once a pass begun after this call
        has finished (a pass already under way may have read the queue before the caller's change)."""
        with self._passed:
            target = self.passes_begun + 1
        self.wake()
        return target

    def wait_for_passes(self, count: int, timeout: float) -> bool:
        with self._passed:
            return self._passed.wait_for(lambda: self.passes >= count, timeout)

    def stop(self, timeout: float = 10.0) -> None:
        self._halt.set()
        self._wake.set()
        self.join(timeout)

    def run(self) -> None:
        try:
            self.spooler.recover()
        except Exception:  # noqa: BLE001
            log.exception("spooler recovery")
        while not self._halt.is_set():
            with self._passed:
                self.passes_begun += 1
            try:
                self.spooler.process_due()
                wakeup = self.spooler.next_wakeup()
            except Exception:  # noqa: BLE001 - database hiccup: try again shortly
                log.exception("spooler pass")
                wakeup = None
            with self._passed:
                self.passes += 1
                self._passed.notify_all()
            wait = self.IDLE_WAIT
            if wakeup is not None:
                wait = max(0.05, min(wait, (wakeup - self.spooler.db.now()).total_seconds()))
            self._wake.wait(wait)
            self._wake.clear()
