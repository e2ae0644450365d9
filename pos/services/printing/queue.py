"""Queueing documents: plan what to print from what is stored, number reprints, build each
document once, store the job (bytes and all) and, after commit, its archive PDF."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from pos.db.after_commit import after_commit
from pos.db.database import Database, use_case
from pos.db.models import PrintJob
from pos.domain.payloads import pack
from pos.domain.roles import Role
from pos.domain.times import local
from pos.printing.connections import PrinterConfig, parse_uri
from pos.printing.data import PrintMeta
from pos.printing.document import Document, DrawerPulse, Element
from pos.printing.render import render_for, render_pdf
from pos.services import audit
from pos.services.printing.plans import check_copies, documents
from pos.services.printing.records import JobInfo, PrintContext, job_info
from pos.services.staff import StaffInfo, require_role

if TYPE_CHECKING:
    from pos.services.printing.prerender import Prerendered


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
    prerendered: Prerendered | None = None,
) -> list[PrintJob]:
    """print_document inside a caller's transaction, so printing commits with the change that
    asked for it (a slip printed for checking, a receipt at settlement). `extra` elements go at
    the end of each document (a drawer pulse after the receipt). Documents found `prerendered`
    exactly as they come out here are stored with those bytes instead of being rendered again
    while the transaction holds the write lock."""
    config = parse_uri(printer_uri)
    check_copies(copies)
    jobs: list[PrintJob] = []
    planned = documents(
        session,
        actor,
        context,
        config,
        kind=kind,
        number=number,
        copies=copies,
        boxes=boxes,
        reprint=reprint,
        extra=extra,
        refs=prerendered.refs if prerendered else None,
        known=prerendered.documents if prerendered else None,
    )
    for one in planned:
        plan = one.plan
        jobs.append(
            _store(
                session,
                db,
                actor,
                context,
                config,
                one.document,
                one.ref,
                kind=plan.kind,
                label=number,
                order_id=plan.order_id,
                return_slip_id=plan.return_slip_id,
                copy=plan.copy,
                box_number=plan.box_number,
                reprint=one.earlier,
                payload=prerendered.payloads.get(one.key) if prerendered and one.key else None,
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


def queue_sales_slip(
    session: Session,
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    *,
    number: str,
    printer_uri: str,
    prerendered: Prerendered | None = None,
) -> list[PrintJob]:
    """The slip's three copies in the caller's transaction: printed for checking, taken now
    unpacked, or paid by transfer."""
    return queue_in_session(
        session, db, actor, context, kind="sales-slip", number=number, printer_uri=printer_uri, prerendered=prerendered
    )


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
    payload: bytes | None = None,
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
        payload=pack(payload if payload is not None else render_for(config, [document])),
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
