"""Day end (日结): the drawer and each payment channel counted against what the records say, stored,
printed, and kept as a PDF.

The PDF is written only after the count is committed: a day end that rolls back leaves no file, and
the report is not rendered while the transaction holds SQLite's write lock. A PDF that cannot be
written then (disk full, folder gone) does not undo the stored count: the result says so, and
`write_day_end_pdf` renders it again from what was stored."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import (
    AuditEvent,
    AuditHead,
    CallTask,
    Customer,
    Order,
    Payment,
    PrintJob,
    Reconciliation,
    ReconciliationLine,
    Staff,
)
from pos.db.statistics import analyze
from pos.domain.audit import GENESIS_HASH
from pos.domain.errors import InvalidInput, NotFound
from pos.domain.money import Money
from pos.domain.roles import Role
from pos.domain.settlement import METHODS
from pos.domain.times import day_start
from pos.printing import layouts
from pos.printing.data import DayEndReport, DayEndRow, PrintMeta
from pos.services import audit, audit_anchors, printing
from pos.services.printing import JobInfo, PrintContext
from pos.services.printing.retention import drop_old_bytes
from pos.services.staff import StaffInfo, require_role

log = logging.getLogger(__name__)


def _utc_bounds(day: date) -> tuple[datetime, datetime]:
    start = day_start(day)
    return start, start + timedelta(days=1)


def expected_takings(db: Database, station: str, day: date, opening_float: Money) -> dict[str, Money]:
    """What the drawer and each payment channel should show for the day at this station:
    cash = opening float + cash taken - cash refunded (refunds are negative cash payments)."""
    start, end = _utc_bounds(day)
    with db.read() as session:
        rows = session.execute(
            select(Payment.method, func.sum(Payment.amount_fen))
            .where(Payment.station == station, Payment.created_at >= start, Payment.created_at < end)
            .group_by(Payment.method)
        ).all()
    expected = {method: Money(0) for method in METHODS}
    for method, amount in rows:
        expected[method] = Money(int(amount))
    expected["cash"] += opening_float
    return expected


@dataclass(frozen=True)
class DayEndResult:
    report: DayEndReport
    pdf_path: Path
    job: JobInfo | None
    reconciliation_id: int = 0
    pdf_error: str = ""  # the PDF could not be written (the count is stored all the same); '' when it was

    @property
    def difference(self) -> Money:
        return Money(sum(row.counted_fen - row.expected_fen for row in self.report.rows))


def _report(session: Session, record: Reconciliation) -> DayEndReport:
    """The report of a stored day end, the same whenever it is rendered: the day's sales at the
    station up to the moment of the count."""
    start, end = _utc_bounds(record.day)
    sales = session.execute(
        select(
            func.count(func.distinct(Payment.order_id)),
            func.coalesce(func.sum(Payment.amount_fen).filter(Payment.amount_fen > 0), 0),
            func.coalesce(func.sum(Payment.amount_fen).filter(Payment.amount_fen < 0), 0),
        ).where(
            Payment.station == record.station,
            Payment.created_at >= start,
            Payment.created_at < end,
            Payment.created_at <= record.created_at,
        )
    ).one()
    lines = sorted(record.lines, key=lambda ln: METHODS.index(ln.method))
    rows = tuple(DayEndRow(ln.method, ln.expected_fen, ln.counted_fen) for ln in lines)
    cashier = session.get(Staff, record.cashier_id)
    seq, digest = _audit_head_before(session, record)
    return DayEndReport(
        record.day.isoformat(),
        record.station,
        cashier.name if cashier else "",
        int(sales[0]),
        int(sales[1]),
        -int(sales[2]),
        rows,
        audit_seq=seq,
        audit_hash=digest,
        open_calls=_open_calls(session, record.created_at),
    )


def _open_calls(session: Session, at: datetime) -> tuple[str, ...]:
    """The call tasks open at the moment of the count (any station's: calls are the shop's)."""
    rows = session.execute(
        select(Order.number, Customer.name, Customer.phone)
        .join(CallTask, CallTask.order_id == Order.id)
        .join(Customer, Customer.id == Order.customer_id)
        .where(CallTask.created_at <= at, or_(CallTask.done_at.is_(None), CallTask.done_at > at))
        .order_by(CallTask.id)
    ).all()
    return tuple(f"{number} {name} {phone}" for number, name, phone in rows)


def _audit_head_before(session: Session, record: Reconciliation) -> tuple[int, str]:
    """The audit chain's head as the count was made: printed on the report, a paper anchor that a
    later rewrite of the log cannot match (pos.services.audit_anchors). The same on a reprint: read
    back from the count's own entry once it exists."""
    entry = session.execute(
        select(AuditEvent.seq, AuditEvent.prev_hash).where(AuditEvent.command_id == record.command_id)
    ).first()
    if entry is not None:
        return entry.seq - 1, entry.prev_hash
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    return (head.seq, head.hash) if head is not None else (0, GENESIS_HASH)


def _pdf_path(pdf_dir: Path, record: Reconciliation) -> Path:
    return pdf_dir / f"day-end-{record.station}-{record.day.isoformat()}-{record.id}.pdf"


def _write(path: Path, report: DayEndReport, record_id: int, context: PrintContext) -> None:
    printing.write_pdf(path, [layouts.day_end(report, PrintMeta(job_ref=f"R{record_id}", shop_name=context.shop_name))])


@use_case
def day_end(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    *,
    day: date,
    opening_float: Money,
    counted: dict[str, Money],
    pdf_dir: Path,
    printer_uri: str | None = None,
    command_id: str,
) -> DayEndResult:
    """日结: store the count against what was expected, per method, print it and keep a PDF."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER)
    unknown = set(counted) - set(METHODS)
    if unknown:
        raise InvalidInput("Unknown payment method '{method}'.", method=sorted(unknown)[0])
    if opening_float.fen < 0 or any(m.fen < 0 for m in counted.values()):
        raise InvalidInput("Counted amounts cannot be negative.")
    with db.transaction() as session:
        done = session.scalar(select(Reconciliation).where(Reconciliation.command_id == command_id))
        stored = _stored_result(session, done, pdf_dir) if done is not None else None
    if stored is not None:  # a retry after a lost reply: counted once, the PDF written if it is missing
        return stored if stored.pdf_path.exists() else _written(stored, context)
    expected = expected_takings(db, context.station, day, opening_float)
    with db.transaction() as session:
        methods = [m for m in METHODS if expected[m] or m in counted]
        record = Reconciliation(
            command_id=command_id,
            station=context.station,
            day=day,
            cashier_id=actor.id,
            opening_float_fen=opening_float.fen,
            created_at=db.now(),
        )
        record.lines = [
            ReconciliationLine(method=m, expected_fen=expected[m].fen, counted_fen=counted.get(m, Money(0)).fen)
            for m in methods
        ]
        session.add(record)
        session.flush()
        report = _report(session, record)
        job = None
        if printer_uri:
            job = printing.queue_document(
                session,
                db,
                actor,
                context,
                kind="report",
                label=f"day-end-{day}",
                printer_uri=printer_uri,
                build=lambda meta: layouts.day_end(report, meta),
            )
        audit.record(
            session,
            actor_id=actor.id,
            action="day_end.reconcile",
            entity="station",
            entity_id=context.station,
            detail={
                "day": day.isoformat(),
                "rows": [[r.method, r.expected_fen, r.counted_fen] for r in report.rows],
                "job": job.id if job else None,
            },
            command_id=command_id,
            at=db.now(),
        )
        record_id, pdf_path = record.id, _pdf_path(pdf_dir, record)
        job_info = printing.job_info(session, job) if job else None
    # committed: only now is the PDF written (see the module's docstring), and the head anchored
    # on disk for good (the day's last anchor, synced)
    audit_anchors.anchor_head(db)
    drop_old_bytes(db, context.keep_bytes_days)
    analyze(db.engine)  # once a day, with the day's rows in: the planner keeps choosing the date index
    return _written(DayEndResult(report, pdf_path, job_info, record_id), context)


def _stored_result(session: Session, record: Reconciliation, pdf_dir: Path) -> DayEndResult:
    event = audit.command_seen(session, record.command_id)
    job_id = json.loads(event.detail).get("job") if event is not None else None
    job = session.get(PrintJob, job_id) if job_id else None
    return DayEndResult(
        _report(session, record),
        _pdf_path(pdf_dir, record),
        printing.job_info(session, job) if job is not None else None,
        record.id,
    )


def _written(result: DayEndResult, context: PrintContext) -> DayEndResult:
    try:
        _write(result.pdf_path, result.report, result.reconciliation_id, context)
    except Exception as exc:  # noqa: BLE001 - the count is stored; say the file is missing, never lose the act
        log.exception("day end %s: PDF %s not written", result.reconciliation_id, result.pdf_path)
        return replace(result, pdf_error=str(exc) or type(exc).__name__)
    return result


def write_day_end_pdf(db: Database, context: PrintContext, reconciliation_id: int, pdf_dir: Path) -> Path:
    """Render a stored day end's PDF again (after it could not be written, or was lost)."""
    with db.transaction() as session:
        record = session.get(Reconciliation, reconciliation_id)
        if record is None:
            raise NotFound("No day end {id}.", id=reconciliation_id)
        report, path = _report(session, record), _pdf_path(pdf_dir, record)
    _write(path, report, reconciliation_id, context)
    return path
