"""The print queue as the operator works it: list jobs, retry, redirect to another printer, cancel,
reprint."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import PrintJob
from pos.domain import print_jobs
from pos.domain.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from pos.domain.payloads import pack, unpack
from pos.domain.roles import Role
from pos.printing.connections import PrinterConfig, parse_uri
from pos.printing.data import PrintMeta
from pos.printing.render import render_for
from pos.services import audit
from pos.services.printing.plans import _plan, revision_of
from pos.services.printing.queue import queue_in_session
from pos.services.printing.records import REBUILT, JobInfo, PrintContext, job_info
from pos.services.staff import Approval, StaffInfo, approve, require_role


def list_jobs(db: Database, *, station: str | None = None, open_only: bool = True, limit: int = 200) -> list[JobInfo]:
    with db.transaction() as session:
        query = select(PrintJob).order_by(PrintJob.id.desc()).limit(limit)
        if station is not None:
            query = query.where(PrintJob.station == station)
        if open_only:
            query = query.where(PrintJob.status.in_(print_jobs.OPEN))
        newest_first = [job_info(session, j) for j in session.scalars(query)]
        return newest_first[::-1]  # queue order: the next to print first


def get_job(db: Database, job_id: int) -> JobInfo:
    with db.transaction() as session:
        job = session.get(PrintJob, job_id)
        if job is None:
            raise NotFound("No print job {id}.", id=job_id)
        return job_info(session, job)


def _replayed(session: Session, job_id: int, command_id: str | None) -> JobInfo | None:
    """The job as it is now when this command was done already (a retry after a lost reply): not
    done twice, and not refused because the first attempt changed the job's state."""
    if audit.command_seen(session, command_id) is None:
        return None
    return job_info(session, session.get_one(PrintJob, job_id))


def _open_job(session: Session, job_id: int) -> PrintJob:
    job = session.get(PrintJob, job_id)
    if job is None:
        raise NotFound("No print job {id}.", id=job_id)
    if job.status not in print_jobs.sources("cancel"):  # retry, redirect and cancel: the same states
        raise Conflict("Print job {id} is {status}: nothing to change.", id=job_id, status=job.status)
    return job


def retry_job(db: Database, actor: StaffInfo | None, job_id: int, *, command_id: str | None = None) -> JobInfo:
    """Send a waiting or failed job again now. A job that failed part-way may already be partly on
    paper: the operator decides, having looked (the job reference is printed on every slip)."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, job_id, command_id)) is not None:
            return done
        job = _open_job(session, job_id)
        job.status, job.next_attempt_at = print_jobs.transition(job.status, "retry"), None
        audit.record(
            session,
            actor_id=actor.id,
            action="print.retry",
            entity="print_job",
            entity_id=job.id,
            at=db.now(),
            command_id=command_id,
        )
        return job_info(session, job)


def _payload_for(session: Session, context: PrintContext, job: PrintJob, config: PrinterConfig) -> bytes:
    """The job's document for another printer. Slips, receipts, return slips, refund receipts and
    labels are built again from what is stored; a day-end report exists only as the bytes sent, so
    it moves only to a printer that takes the same bytes (same paper and encoding)."""
    if job.kind == "drawer":
        raise InvalidInput("A drawer opening is not sent to another printer: the drawer hangs on its own printer.")
    if job.kind not in REBUILT:
        before = parse_uri(job.printer_uri)
        previews = before.is_preview or config.is_preview  # PDF one side, printer bytes the other
        if previews or (before.paper, before.encoding) != (config.paper, config.encoding):
            raise InvalidInput(
                "This document is sent only as it was made ({paper} mm, {encoding}): choose a printer "
                "with the same paper and encoding.",
                paper=before.paper,
                encoding=before.encoding,
            )
        return unpack(job.payload)
    copies = (job.copy,) if job.copy else (1,)
    boxes = (job.box_number,) if job.box_number else ()
    plan = _plan(session, job.kind, job_info(session, job).document, copies, boxes)[0]
    document = plan.build(
        PrintMeta(
            job_ref=job.job_ref,
            columns=config.columns,
            copy=job.copy,
            reprint=job.reprint,
            revision=revision_of(session, job),
            shop_name=context.shop_name,
        )
    )
    return render_for(config, [document])


def redirect_job(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    job_id: int,
    printer_uri: str,
    *,
    command_id: str | None = None,
) -> JobInfo:
    """Send a waiting or failed job to another printer: the document is built again for that
    printer (paper width, encoding, or PDF for the preview)."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    config = parse_uri(printer_uri)
    with db.transaction() as session:
        if (done := _replayed(session, job_id, command_id)) is not None:
            return done
        job = _open_job(session, job_id)
        old = job.printer_uri
        job.printer_uri, job.payload = config.uri, pack(_payload_for(session, context, job, config))
        job.status, job.next_attempt_at, job.attempts = print_jobs.transition(job.status, "redirect"), None, 0
        audit.record(
            session,
            actor_id=actor.id,
            action="print.redirect",
            entity="print_job",
            entity_id=job.id,
            detail={"from": old, "to": config.uri},
            at=db.now(),
            command_id=command_id,
        )
        return job_info(session, job)


def cancel_job(
    db: Database,
    actor: StaffInfo | None,
    approval: Approval,
    job_id: int,
    reason: str,
    *,
    command_id: str | None = None,
) -> JobInfo:
    """The job will not be printed: a manager approves on the spot (login and PIN, checked in this
    transaction), with a reason. A retry with the same command_id is recorded once."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("A reason is required to cancel a print job.")
    with db.transaction() as session:
        if (done := _replayed(session, job_id, command_id)) is not None:
            return done
        job = _open_job(session, job_id)
        approver = approve(db, session, approval, Role.MANAGER, requester=actor)
        job.status, job.cancel_reason, job.cancelled_by_id = (
            print_jobs.transition(job.status, "cancel"),
            reason,
            approver.id,
        )
        audit.record(
            session,
            actor_id=actor.id,
            action="print.cancel",
            entity="print_job",
            entity_id=job.id,
            detail={"reason": reason, "approved_by": approver.login_code},
            at=db.now(),
            command_id=command_id,
        )
        return job_info(session, job)


def queue_counts(db: Database, station: str) -> dict[str, int]:
    with db.transaction() as session:
        rows = session.execute(
            select(PrintJob.status, func.count())
            .where(PrintJob.station == station, PrintJob.status.in_(print_jobs.OPEN))
            .group_by(PrintJob.status)
        ).all()
        return {status: count for status, count in rows}


def job_payload(db: Database, job_id: int) -> bytes:
    with db.transaction() as session:
        job = session.get(PrintJob, job_id)
        if job is None:
            raise NotFound("No print job {id}.", id=job_id)
        return unpack(job.payload)


def reprint_job(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    job_id: int,
    *,
    approval: Approval | None = None,
    printer_uri: str | None = None,
    command_id: str | None = None,
) -> list[JobInfo]:
    """Print a queued document again (a printed, sent or held job's slip, receipt, return slip or
    box label), built from what is stored now and marked 重印 with its count: a manager's act, signed
    in or approving on the spot (`approval`, login and PIN checked in this transaction). It goes to
    the job's printer unless `printer_uri` names another. Documents made elsewhere (refund receipt,
    day-end report, test page, drawer) are printed again where they were made. A retry with the
    same command_id queues nothing again."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (seen := audit.command_seen(session, command_id)) is not None:
            ids = json.loads(seen.detail)["jobs"]
            return [job_info(session, session.get_one(PrintJob, i)) for i in ids]
        job = session.get(PrintJob, job_id)
        if job is None:
            raise NotFound("No print job {id}.", id=job_id)
        if job.kind not in REBUILT:
            raise InvalidInput(
                "Only sales slips, receipts, return slips, refund receipts and box labels are reprinted from the "
                "print queue: print this one again where it was made."
            )
        manager = actor if Role.MANAGER in actor.roles else None
        if manager is None:
            if approval is None:
                raise PermissionDenied("A reprint needs a manager's approval.")
            manager = approve(db, session, approval, Role.MANAGER, requester=actor)
        info = job_info(session, job)
        jobs = queue_in_session(
            session,
            db,
            manager,
            context,
            kind=job.kind,
            number=info.document,
            printer_uri=printer_uri or job.printer_uri,
            copies=(job.copy,) if job.copy else (1, 2, 3),
            boxes=(job.box_number,) if job.box_number else (),
            reprint=True,
        )
        audit.record(
            session,
            actor_id=actor.id,
            action="print.reprint",
            entity="print_job",
            entity_id=job.id,
            detail={"jobs": [j.id for j in jobs], "approved_by": manager.login_code},
            at=db.now(),
            command_id=command_id,
        )
        return [job_info(session, j) for j in jobs]
