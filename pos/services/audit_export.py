"""The audit journal as CSV, for an accountant or an inspector."""

from __future__ import annotations

import csv
from datetime import UTC
from pathlib import Path

from sqlalchemy import select

from pos.db.database import Database
from pos.db.models import AuditEvent, Staff
from pos.domain.roles import Role
from pos.services.staff import StaffInfo, require_role

COLUMNS = ("seq", "time", "login", "name", "action", "entity", "entity_id", "detail", "hash")
BATCH = 5000


def export_csv(db: Database, actor: StaffInfo | None, path: Path) -> int:
    """Write every entry, oldest first, with local times; UTF-8 with a byte-order mark so Excel
    shows the Chinese. Managers and admins only. The number of entries written."""
    require_role(actor, Role.MANAGER, Role.ADMIN)
    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        with db.read() as session:
            people = {s.id: (s.login_code, s.name) for s in session.scalars(select(Staff))}
            rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=BATCH))
            for event in rows.scalars():
                login, name = people.get(event.actor_id, ("", "")) if event.actor_id is not None else ("", "")
                local = event.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
                writer.writerow(
                    (
                        event.seq,
                        local.isoformat(sep=" ", timespec="seconds"),
                        login,
                        name,
                        event.action,
                        event.entity,
                        event.entity_id,
                        event.detail,
                        event.hash,
                    )
                )
                written += 1
    return written
