"""Dropping the printer bytes of old print jobs (the shop's retention setting).

A job's bytes are what was sent to the printer; once it is printed and its PDF is in the archive,
they only take room (a slip's three copies are several kilobytes, for years). The job itself is
kept: what was printed, when, by whom, and the reprint count. A reprint is built again from the
slip, as any reprint is."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, update

from pos.db.database import Database
from pos.db.models import PrintJob
from pos.domain.print_jobs import PrintJobStatus

FINISHED = (PrintJobStatus.DONE, PrintJobStatus.SENT, PrintJobStatus.CANCELLED)


def drop_old_bytes(db: Database, days: int) -> int:
    """Empty the bytes of finished, archived jobs older than `days` (0: keep them); how many."""
    if days <= 0:
        return 0
    before = db.now() - timedelta(days=days)
    with db.transaction() as session:
        dropped = session.execute(
            update(PrintJob)
            .where(
                PrintJob.status.in_(FINISHED),
                PrintJob.created_at < before,
                PrintJob.archive_path != "",
                func.length(PrintJob.payload) > 0,
            )
            .values(payload=b"")
        )
        return int(dropped.rowcount)  # type: ignore[attr-defined]
