"""What the print services are told (the station's PrintContext) and what they tell back about
a stored job (JobInfo)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models import Order, PrintJob, ReturnSlip
from pos.domain.print_jobs import DOCUMENT_KINDS
from pos.domain.times import local
from pos.printing.connections import english, stored_error

KINDS = DOCUMENT_KINDS
REVISION = "slip-revision"  # the customer's copy made anew after a cross-out, numbered
REFUND = "refund"  # a refund receipt (退款收据), by its return slip
REBUILT = (*KINDS, REVISION, REFUND)  # built again from what is stored: reprinted, redirected to any paper


@dataclass(frozen=True)
class PrintContext:
    """Station facts the print services need (from settings)."""

    station: str = ""
    shop_name: str = "饰品批发展厅"
    archive_dir: Path | None = None  # None: archive off
    drawer: tuple[int, int, int] = (2, 50, 500)  # pin, on ms, off ms
    keep_bytes_days: int = 0  # printer bytes of archived, finished jobs are dropped after this; 0: kept


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


def job_info(session: Session, job: PrintJob) -> JobInfo:
    if job.return_slip_id is not None:
        document = session.scalar(select(ReturnSlip.number).where(ReturnSlip.id == job.return_slip_id)) or ""
    elif job.order_id is not None:
        document = session.scalar(select(Order.number).where(Order.id == job.order_id)) or ""
    else:
        document = ""
    template, details = stored_error(job.last_error)
    return JobInfo(
        job.id,
        job.job_ref,
        job.kind,
        document,
        job.copy,
        job.box_number,
        job.reprint,
        job.printer_uri,
        job.status,
        job.attempts,
        template,
        details,
        local(job.created_at),
        job.station,
        job.archive_path,
    )
