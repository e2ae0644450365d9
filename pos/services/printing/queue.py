"""Queueing documents: plan what to print from what is stored, number reprints, build each
document once, store the job (bytes and all) and, after commit, its archive PDF."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from pos.db.after_commit import after_commit
from pos.db.database import Database, use_case
from pos.db.models import Order, Payment, PrintJob, ReturnSlip
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.roles import Role
from pos.domain.times import local
from pos.printing import layouts
from pos.printing.connections import PrinterConfig, parse_uri
from pos.printing.data import BoxLabelData, PrintMeta
from pos.printing.document import Document, DrawerPulse, Element
from pos.printing.render import render_for, render_pdf
from pos.services import audit
from pos.services.lookup import get_order, lock_return_slip
from pos.services.printing.records import KINDS, REFUND, REVISION, JobInfo, PrintContext, job_info
from pos.services.printing.slip_data import box_label_data, receipt_data, return_slip_data, sales_slip_data
from pos.services.staff import StaffInfo, require_role


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
        sales = sales_slip_data(session, order)
        return [_Planned(kind, c, 0, order.id, None, lambda meta: layouts.sales_slip(sales, meta)) for c in copies]
    if kind == REVISION:
        order = get_order(session, number, lock=True)
        sales = sales_slip_data(session, order)
        if not any(line.crossed for line in sales.lines):
            raise Conflict(
                "Nothing was crossed out on order {number}: the customer's copy printed for checking is right.",
                number=order.number,
            )
        return [_Planned(kind, 3, 0, order.id, None, lambda meta: layouts.sales_slip(sales, meta))]
    if kind == "receipt":
        order = get_order(session, number, lock=True)
        paid = receipt_data(session, order)
        return [_Planned(kind, 0, 0, order.id, None, lambda meta: layouts.receipt(paid, meta))]
    if kind == "return-slip":
        slip = lock_return_slip(session, number)
        images = {s.role: s.image_png for s in slip.signatures if s.image_png}
        returned = return_slip_data(session, slip)
        return [_Planned(kind, 0, 0, slip.order_id, slip.id, lambda meta: layouts.return_slip(returned, meta, images))]
    if kind == REFUND:
        slip = lock_return_slip(session, number)
        refund = session.scalar(select(Payment).where(Payment.command_id == f"refund-{slip.number}"))
        if refund is None:
            raise Conflict("Return slip {number} was not refunded: there is no refund receipt.", number=slip.number)
        returned, method, at = return_slip_data(session, slip), refund.method, local(refund.created_at)
        return [
            _Planned(
                kind, 0, 0, slip.order_id, slip.id, lambda meta: layouts.refund_receipt(returned, method, at, meta)
            )
        ]
    if kind == "box-label":
        order = get_order(session, number, lock=True)
        chosen = [b for b in order.boxes if not boxes or b.number in boxes]
        if not chosen:
            raise Conflict("Order {number} has no boxes to label.", number=order.number)
        return [
            _Planned(kind, 0, b.number, order.id, None, _box_label(box_label_data(session, order, b))) for b in chosen
        ]
    raise InvalidInput("Unknown document kind '{kind}': use {kinds}.", kind=kind, kinds=", ".join(KINDS))


def _revisions(order_id: int | None) -> tuple[ColumnElement[bool], ...]:
    """The revised customer's copies of an order that were not cancelled: originals and reprints."""
    return PrintJob.kind == REVISION, PrintJob.order_id == order_id, PrintJob.status != PrintJobStatus.CANCELLED


def _revision_marks(session: Session, order_id: int | None, reprint: bool) -> tuple[int, int]:
    """(revision, reprint) for a revised customer's copy: a new one is the next revision; a reprint
    is the latest revision again, marked 重印 with its own count."""
    earlier = session.scalars(select(PrintJob.reprint).where(*_revisions(order_id))).all()
    made = sum(1 for r in earlier if not r)
    if not reprint or not made:
        return made + 1, 0
    return made, len(earlier) - made + 1


def revision_of(session: Session, job: PrintJob) -> int:
    """The revision number a stored job printed (0 for any other document): redirecting it to
    another printer builds the same revision again."""
    if job.kind != REVISION:
        return 0
    made = select(func.count()).where(*_revisions(job.order_id), PrintJob.reprint == 0, PrintJob.id <= job.id)
    return max(session.scalar(made) or 0, 1)


def _previous_prints(session: Session, planned: _Planned) -> int:
    query = (
        select(func.count())
        .select_from(PrintJob)
        .where(
            PrintJob.kind == planned.kind,
            PrintJob.copy == planned.copy,
            PrintJob.box_number == planned.box_number,
            PrintJob.status != PrintJobStatus.CANCELLED,
        )
    )
    if planned.return_slip_id is not None:
        query = query.where(PrintJob.return_slip_id == planned.return_slip_id)
        completed = session.scalar(select(ReturnSlip.completed_at).where(ReturnSlip.id == planned.return_slip_id))
        if completed is not None:
            # printed for checking while unsigned, then once more when complete: not a reprint
            query = query.where(PrintJob.created_at >= completed)
    else:
        query = query.where(PrintJob.order_id == planned.order_id)
        if planned.kind == "box-label":
            checked = session.scalar(select(Order.checked_at).where(Order.id == planned.order_id))
            if checked is not None:
                # "box i" at sealing, then the final "box i of n" set when the check completes: not a reprint
                query = query.where(PrintJob.created_at >= checked)
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
        jobs = queue_in_session(
            session,
            db,
            actor,
            context,
            kind=kind,
            number=number,
            printer_uri=printer_uri,
            copies=copies,
            boxes=boxes,
            reprint=reprint,
        )
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
        if plan.kind == REVISION:
            revision, earlier = _revision_marks(session, plan.order_id, reprint)
        else:
            revision, earlier = 0, _previous_prints(session, plan)
        if earlier and not reprint:
            raise Conflict(
                "{what} was printed (or queued) already; ask a manager for a reprint.",
                what=f"{plan.kind} {number}"
                + (f" copy {plan.copy}" if plan.copy else "")
                + (f" box {plan.box_number}" if plan.box_number else ""),
            )
        if earlier:
            require_role(actor, Role.MANAGER)
        ref = uuid.uuid4().hex[:8]
        document = plan.build(replace(meta, job_ref=ref, copy=plan.copy, reprint=earlier, revision=revision))
        document.elements.extend(extra)
        jobs.append(
            _store(
                session,
                db,
                actor,
                context,
                config,
                document,
                ref,
                kind=plan.kind,
                label=number,
                order_id=plan.order_id,
                return_slip_id=plan.return_slip_id,
                copy=plan.copy,
                box_number=plan.box_number,
                reprint=earlier,
            )
        )
    session.flush()
    audit.record(
        session,
        actor_id=actor.id if actor else None,
        action="print.queue",
        entity=kind,
        entity_id=number,
        at=db.now(),
        detail={
            "jobs": [j.id for j in jobs],
            "printer": config.uri,
            "reprint": max(j.reprint for j in jobs),
            "station": context.station,
        },
    )
    return jobs


def queue_document(
    session: Session,
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    *,
    kind: str,
    label: str,
    printer_uri: str,
    build: Callable[[PrintMeta], Document],
    order_id: int | None = None,
    return_slip_id: int | None = None,
) -> PrintJob:
    """Queue a document that is not a stored slip (a drawer opening, a day-end report, a refund receipt)."""
    config = parse_uri(printer_uri)
    ref = uuid.uuid4().hex[:8]
    document = build(PrintMeta(job_ref=ref, columns=config.columns, shop_name=context.shop_name))
    job = _store(
        session,
        db,
        actor,
        context,
        config,
        document,
        ref,
        kind=kind,
        label=label,
        order_id=order_id,
        return_slip_id=return_slip_id,
    )
    session.flush()
    return job


def queue_drawer(
    session: Session, db: Database, actor: StaffInfo | None, context: PrintContext, printer_uri: str
) -> PrintJob:
    """A drawer opening: a job of its own, sent ahead of any waiting job as a real-time pulse,
    so it neither waits for paper nor rides on a receipt that may be refused."""
    return queue_document(
        session,
        db,
        actor,
        context,
        kind="drawer",
        label="drawer",
        printer_uri=printer_uri,
        build=lambda meta: Document("drawer", meta.columns, [DrawerPulse(*context.drawer)]),
    )


def _store(
    session: Session,
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    config: PrinterConfig,
    document: Document,
    ref: str,
    *,
    kind: str,
    label: str,
    order_id: int | None = None,
    return_slip_id: int | None = None,
    copy: int = 0,
    box_number: int = 0,
    reprint: int = 0,
) -> PrintJob:
    job = PrintJob(
        command_id=uuid.uuid4().hex,
        job_ref=ref,
        station=context.station,
        kind=kind,
        order_id=order_id,
        return_slip_id=return_slip_id,
        copy=copy,
        box_number=box_number,
        reprint=reprint,
        printer_uri=config.uri,
        payload=render_for(config, [document]),
        created_by_id=actor.id if actor else None,
        created_at=db.now(),
    )
    if context.archive_dir is not None and kind != "drawer":  # a drawer pulse has nothing to archive
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


def _box_label(label: BoxLabelData) -> Callable[[PrintMeta], Document]:
    """Binds each box's label now: the plan is laid out after the loop has moved on."""
    return lambda meta: layouts.box_label(label, meta)
