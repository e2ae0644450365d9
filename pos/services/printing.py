"""Print use cases: gather what a document shows, build it once, store the jobs (bytes and all),
and let the spooler send them. Storing is the only thing done here; no printer IO."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.after_commit import after_commit
from pos.db.database import Database, use_case
from pos.db.models import (
    Box, Customer, Order, OrderLine, Payment, PrintJob, ReturnSlip, Signature, Staff,
)
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain import print_jobs
from pos.domain.orders import check_finished
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.roles import Role
from pos.domain.times import local
from pos.printing import layouts
from pos.printing.connections import PrinterConfig, english, parse_uri, stored_error
from pos.printing.data import (
    BoxLabelData, PaymentLine, PrintMeta, Receipt, ReturnLineData, ReturnSlipData, SalesSlip, SignatureData, SlipLine,
)
from pos.printing.document import Document, Element
from pos.printing.render import render_for, render_pdf
from pos.services import audit
from pos.services.lookup import get_order, lock_return_slip
from pos.services.orders import list_prices
from pos.services.staff import StaffInfo, require_role

KINDS = ("sales-slip", "receipt", "return-slip", "box-label")


@dataclass(frozen=True)
class PrintContext:
    """Station facts the print services need (from settings)."""

    station: str = ""
    shop_name: str = "饰品批发展厅"
    archive_dir: Path | None = None  # None: archive off
    drawer: tuple[int, int, int] = (2, 50, 500)  # pin, on ms, off ms


@dataclass(frozen=True)
class JobInfo:
    id: int
    job_ref: str
    kind: str
    document: str  # order or return slip number
    copy: int
    box_number: int
    reprint: int
    printer_uri: str
    status: str
    attempts: int
    error_template: str  # English template of the last error ('' when none), for translation
    error_details: dict[str, str]
    created_at: datetime
    station: str
    archive_path: str

    @property
    def last_error(self) -> str:
        """The last error in English (the command line, logs)."""
        return english(self.error_template, self.error_details)

    @property
    def label(self) -> str:
        parts = [self.kind, self.document]
        if self.copy:
            parts.append(f"copy {self.copy}")
        if self.box_number:
            parts.append(f"box {self.box_number}")
        return " ".join(parts)


def _return(session: Session, number: str) -> ReturnSlip:
    slip = session.scalar(select(ReturnSlip).where(ReturnSlip.number == number.strip().upper()))
    if slip is None:
        raise NotFound("No return slip with number {number}.", number=number)
    return slip


def _staff_name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    person = session.get(Staff, staff_id)
    return person.name if person else ""


def _checkers(session: Session, order: Order) -> tuple[str, ...]:
    signatures = session.scalars(
        select(Signature).where(Signature.order_id == order.id, Signature.superseded_at.is_(None),
                                Signature.role.in_(("checker", "second_checker")))
        .order_by(Signature.role)
    ).all()
    return tuple(s.signer_name for s in signatures)


def sales_slip_data(session: Session, order: Order) -> SalesSlip:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    changed = list_prices(session, order)
    return SalesSlip(
        number=order.number,
        created_at=local(order.created_at),
        cashier=_staff_name(session, order.cashier_id),
        customer_number=customer.number,
        customer_name=customer.name,
        phone=customer.phone,
        address=customer.address,
        lines=tuple(SlipLine(ln.item_code, ln.name, ln.unit_price_fen, ln.quantity, ln.crossed, changed.get(ln.position))
                    for ln in order.lines),
        customer_absent=order.customer_mode == "absent",
        checkers=_checkers(session, order),
    )


def receipt_data(session: Session, order: Order) -> Receipt:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    payments = session.scalars(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)).all()
    if not payments:
        raise Conflict("Order {number} has no payment yet: there is no receipt to print.", number=order.number)
    due = sum(p.amount_fen for p in payments)  # what was settled, exactly
    return Receipt(
        number=order.number,
        at=local(payments[-1].created_at),
        cashier=_staff_name(session, payments[-1].cashier_id),
        customer_name=customer.name,
        due_fen=due,
        payments=tuple(PaymentLine(p.method, p.amount_fen, p.tendered_fen, p.change_fen) for p in payments),
    )


def return_slip_data(session: Session, slip: ReturnSlip) -> ReturnSlipData:
    order = session.get(Order, slip.order_id)
    assert order is not None
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    lines = []
    for line in slip.lines:
        sold = session.get(OrderLine, line.order_line_id)
        assert sold is not None
        lines.append(ReturnLineData(sold.item_code, sold.name, line.quantity, line.unit_price_fen, line.reason, line.reason_text))
    signatures = {
        s.role: SignatureData(s.signer_name, local(s.signed_at), s.method)
        for s in slip.signatures
        if s.role in ("handler", "customer", "manager")
    }
    return ReturnSlipData(slip.number, order.number, local(slip.created_at), customer.name, customer.phone,
                          tuple(lines), signatures)


def box_label_data(session: Session, order: Order, box: Box) -> BoxLabelData:
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    return BoxLabelData(
        order_number=order.number,
        customer_name=customer.name,
        address=customer.address,
        phone=customer.phone,
        box_number=box.number,
        # the number of boxes is known only once the check is complete; a label printed at sealing
        # time says "box i", a reprint afterwards "box i of n"
        box_count=len(order.boxes) if check_finished(order.status) else 0,
        item_count=sum(item.quantity for item in box.items),
        packers=_checkers(session, order),
        customer_absent=order.customer_mode == "absent",
    )


@dataclass(frozen=True)
class _Planned:
    """One document to print: what it is, and how to build it once its marks are known."""

    kind: str
    copy: int
    box_number: int
    order_id: int | None
    return_slip_id: int | None
    build: Callable[[PrintMeta], Document]


def _plan(session: Session, kind: str, number: str, copies: tuple[int, ...], boxes: tuple[int, ...]) -> list[_Planned]:
    """The documents for one print request, from what is stored now. The order (or return slip)
    is held until commit, so two stations printing or reprinting it at once take turns: the
    second sees the first's job and numbers its reprint after it."""
    if kind == "sales-slip":
        order = get_order(session, number, lock=True)
        if not order.lines:
            raise Conflict("Order {number} has no lines to print.", number=order.number)
        slip = sales_slip_data(session, order)
        return [_Planned(kind, c, 0, order.id, None, lambda meta, slip=slip: layouts.sales_slip(slip, meta))
                for c in copies]
    if kind == "receipt":
        order = get_order(session, number, lock=True)
        data = receipt_data(session, order)
        return [_Planned(kind, 0, 0, order.id, None, lambda meta: layouts.receipt(data, meta))]
    if kind == "return-slip":
        slip = lock_return_slip(session, number)
        images = {s.role: s.image_png for s in slip.signatures if s.image_png}
        data = return_slip_data(session, slip)
        return [_Planned(kind, 0, 0, slip.order_id, slip.id, lambda meta: layouts.return_slip(data, meta, images))]
    if kind == "box-label":
        order = get_order(session, number, lock=True)
        chosen = [b for b in order.boxes if not boxes or b.number in boxes]
        if not chosen:
            raise Conflict("Order {number} has no boxes to label.", number=order.number)
        return [
            _Planned(kind, 0, b.number, order.id, None,
                     lambda meta, label=box_label_data(session, order, b): layouts.box_label(label, meta))
            for b in chosen
        ]
    raise InvalidInput("Unknown document kind '{kind}': use {kinds}.", kind=kind, kinds=", ".join(KINDS))


def _previous_prints(session: Session, planned: _Planned) -> int:
    query = select(func.count()).select_from(PrintJob).where(
        PrintJob.kind == planned.kind,
        PrintJob.copy == planned.copy,
        PrintJob.box_number == planned.box_number,
        PrintJob.status != PrintJobStatus.CANCELLED,
    )
    if planned.return_slip_id is not None:
        query = query.where(PrintJob.return_slip_id == planned.return_slip_id)
        completed = session.scalar(select(ReturnSlip.completed_at).where(ReturnSlip.id == planned.return_slip_id))
        if completed is not None:
            # printed for checking while unsigned, then once more when complete: not a reprint
            query = query.where(PrintJob.created_at >= completed)
    else:
        query = query.where(PrintJob.order_id == planned.order_id)
    return session.scalar(query) or 0


@use_case
def print_document(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    *,
    kind: str,
    number: str,
    printer_uri: str,
    copies: tuple[int, ...] = (1, 2, 3),
    boxes: tuple[int, ...] = (),
    reprint: bool = False,
) -> list[JobInfo]:
    """Queue a document for printing; returns the stored jobs (one per copy or box).

    A document already printed (or waiting to print) is only printed again when reprint is asked
    for, by a manager, and is then marked 重印 with its count: nothing prints twice by accident.
    `actor` None is the back-office command line, allowed for first prints only."""
    if actor is not None:
        require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        jobs = queue_in_session(session, db, actor, context, kind=kind, number=number, printer_uri=printer_uri,
                                copies=copies, boxes=boxes, reprint=reprint)
        return [job_info(session, j) for j in jobs]


def queue_in_session(
    session: Session,
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    *,
    kind: str,
    number: str,
    printer_uri: str,
    copies: tuple[int, ...] = (1, 2, 3),
    boxes: tuple[int, ...] = (),
    reprint: bool = False,
    extra: tuple[Element, ...] = (),
) -> list[PrintJob]:
    """print_document inside a caller's transaction, so printing commits with the change that
    asked for it (a slip printed for checking, a receipt at settlement). `extra` elements go at
    the end of each document (a drawer pulse after the receipt)."""
    config = parse_uri(printer_uri)
    if any(c not in (1, 2, 3) for c in copies) or not copies:
        raise InvalidInput("Copies are 1, 2 and 3.")
    meta = PrintMeta(job_ref="", columns=config.columns, shop_name=context.shop_name)
    jobs: list[PrintJob] = []
    for plan in _plan(session, kind, number, copies, boxes):
        earlier = _previous_prints(session, plan)
        if earlier and not reprint:
            raise Conflict(
                "{what} was printed (or queued) already; ask a manager for a reprint.",
                what=f"{plan.kind} {number}" + (f" copy {plan.copy}" if plan.copy else "")
                + (f" box {plan.box_number}" if plan.box_number else ""),
            )
        if earlier:
            require_role(actor, Role.MANAGER)
        ref = uuid.uuid4().hex[:8]
        document = plan.build(replace(meta, job_ref=ref, copy=plan.copy, reprint=earlier))
        document.elements.extend(extra)
        jobs.append(_store(session, db, actor, context, config, document, ref, kind=plan.kind, label=number,
                           order_id=plan.order_id, return_slip_id=plan.return_slip_id, copy=plan.copy,
                           box_number=plan.box_number, reprint=earlier))
    session.flush()
    audit.record(session, actor_id=actor.id if actor else None, action="print.queue", entity=kind,
                 entity_id=number, at=db.now(),
                 detail={"jobs": [j.id for j in jobs], "printer": config.uri,
                         "reprint": max(j.reprint for j in jobs), "station": context.station})
    return jobs


def queue_document(
    session: Session, db: Database, actor: StaffInfo | None, context: PrintContext, *, kind: str, label: str,
    printer_uri: str, build: Callable[[PrintMeta], Document], order_id: int | None = None,
    return_slip_id: int | None = None,
) -> PrintJob:
    """Queue a document that is not a stored slip (a drawer opening, a day-end report, a refund receipt)."""
    config = parse_uri(printer_uri)
    ref = uuid.uuid4().hex[:8]
    document = build(PrintMeta(job_ref=ref, columns=config.columns, shop_name=context.shop_name))
    job = _store(session, db, actor, context, config, document, ref, kind=kind, label=label, order_id=order_id,
                 return_slip_id=return_slip_id)
    session.flush()
    return job


def _store(session: Session, db: Database, actor: StaffInfo | None, context: PrintContext, config: PrinterConfig,
           document: Document, ref: str, *, kind: str, label: str, order_id: int | None = None,
           return_slip_id: int | None = None, copy: int = 0, box_number: int = 0, reprint: int = 0) -> PrintJob:
    job = PrintJob(
        command_id=uuid.uuid4().hex, job_ref=ref, station=context.station, kind=kind, order_id=order_id,
        return_slip_id=return_slip_id, copy=copy, box_number=box_number, reprint=reprint, printer_uri=config.uri,
        payload=render_for(config, [document]), created_by_id=actor.id if actor else None, created_at=db.now(),
    )
    if context.archive_dir is not None:
        path = _archive_path(context.archive_dir, db.now(), label, kind, copy, box_number, ref)
        job.archive_path = str(path)
        # rendered and written only once the job is committed: a rolled-back print leaves no file,
        # and the PDF is not rendered while the transaction holds SQLite's write lock
        after_commit(session, lambda: write_pdf(path, [document]), what=f"archive copy {path}")
    session.add(job)
    return job


def _archive_path(root: Path, now: datetime, label: str, kind: str, copy: int, box_number: int, ref: str) -> Path:
    name = f"{label}-{kind}"
    if copy:
        name += f"-copy{copy}"
    if box_number:
        name += f"-box{box_number}"
    return root / local(now).strftime("%Y-%m-%d") / f"{name}-{ref}.pdf"


def write_pdf(path: Path, documents: list[Document]) -> None:
    """Render and write a PDF whole: written under a temporary name and renamed, so a failure
    part-way never leaves a truncated file where the archive copy should be."""
    data = render_pdf(documents)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def job_info(session: Session, job: PrintJob) -> JobInfo:
    if job.return_slip_id is not None:
        document = session.scalar(select(ReturnSlip.number).where(ReturnSlip.id == job.return_slip_id)) or ""
    elif job.order_id is not None:
        document = session.scalar(select(Order.number).where(Order.id == job.order_id)) or ""
    else:
        document = ""
    template, details = stored_error(job.last_error)
    return JobInfo(job.id, job.job_ref, job.kind, document, job.copy, job.box_number, job.reprint,
                   job.printer_uri, job.status, job.attempts, template, details, local(job.created_at), job.station,
                   job.archive_path)


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


def _open_job(session: Session, job_id: int) -> PrintJob:
    job = session.get(PrintJob, job_id)
    if job is None:
        raise NotFound("No print job {id}.", id=job_id)
    if job.status not in print_jobs.sources("cancel"):  # retry, redirect and cancel: the same states
        raise Conflict("Print job {id} is {status}: nothing to change.", id=job_id, status=job.status)
    return job


def retry_job(db: Database, actor: StaffInfo | None, job_id: int) -> JobInfo:
    """Send a waiting or failed job again now. A job that failed part-way may already be partly on
    paper: the operator decides, having looked (the job reference is printed on every slip)."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        job = _open_job(session, job_id)
        job.status, job.next_attempt_at = print_jobs.transition(job.status, "retry"), None
        audit.record(session, actor_id=actor.id, action="print.retry", entity="print_job", entity_id=job.id, at=db.now())
        return job_info(session, job)


def redirect_job(db: Database, actor: StaffInfo | None, context: PrintContext, job_id: int, printer_uri: str) -> JobInfo:
    """Send a waiting or failed job to another printer: the document is built again for that
    printer (paper width, encoding, or PDF for the preview)."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    config = parse_uri(printer_uri)
    with db.transaction() as session:
        job = _open_job(session, job_id)
        number = job_info(session, job).document
        copies = (job.copy,) if job.copy else (1,)
        boxes = (job.box_number,) if job.box_number else ()
        plan = _plan(session, job.kind, number, copies, boxes)[0]
        document = plan.build(PrintMeta(job_ref=job.job_ref, columns=config.columns, copy=job.copy,
                                        reprint=job.reprint, shop_name=context.shop_name))
        old = job.printer_uri
        job.printer_uri, job.payload = config.uri, render_for(config, [document])
        job.status, job.next_attempt_at, job.attempts = print_jobs.transition(job.status, "redirect"), None, 0
        audit.record(session, actor_id=actor.id, action="print.redirect", entity="print_job", entity_id=job.id,
                     detail={"from": old, "to": config.uri}, at=db.now())
        return job_info(session, job)


def cancel_job(db: Database, actor: StaffInfo | None, job_id: int, reason: str) -> JobInfo:
    """Manager only, with a reason: the job will not be printed."""
    actor = require_role(actor, Role.MANAGER)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("A reason is required to cancel a print job.")
    with db.transaction() as session:
        job = _open_job(session, job_id)
        job.status, job.cancel_reason, job.cancelled_by_id = print_jobs.transition(job.status, "cancel"), reason, actor.id
        audit.record(session, actor_id=actor.id, action="print.cancel", entity="print_job", entity_id=job.id,
                     detail={"reason": reason}, at=db.now())
        return job_info(session, job)


def queue_counts(db: Database, station: str) -> dict[str, int]:
    with db.transaction() as session:
        rows = session.execute(
            select(PrintJob.status, func.count()).where(PrintJob.station == station,
                                                        PrintJob.status.in_(print_jobs.OPEN))
            .group_by(PrintJob.status)
        ).all()
        return {status: count for status, count in rows}


def job_payload(db: Database, job_id: int) -> bytes:
    with db.transaction() as session:
        job = session.get(PrintJob, job_id)
        if job is None:
            raise NotFound("No print job {id}.", id=job_id)
        return job.payload
