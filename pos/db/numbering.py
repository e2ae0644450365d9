"""Gap-free daily slip numbers: S20261127-0007, R20261127-0002 (written and recognised by
pos/domain/slip_numbers.py).

The counter row is bumped with an atomic upsert inside the caller's transaction. Two stations
allocating at once serialise on that row (PostgreSQL row lock, SQLite write lock); a rollback
returns the number; the slip tables' unique constraints make reuse impossible.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.db.models import DayCounter
from pos.domain.slip_numbers import PREFIXES, format_number


def next_number(session: Session, kind: str, day: date) -> str:
    return format_number(PREFIXES[kind], day, next_value(session, kind, day))


def next_value(session: Session, kind: str, day: date) -> int:
    """Bump and return the counter for (kind, day), starting at 1."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = DayCounter.__table__
    stmt = (
        insert(table)
        .values(kind=kind, day=day, last_value=1)
        .on_conflict_do_update(index_elements=[table.c.kind, table.c.day], set_={"last_value": table.c.last_value + 1})
        .returning(table.c.last_value)
    )
    value: int = session.execute(stmt).scalar_one()
    return value


def last_number(session: Session, kind: str, day: date) -> int:
    value = session.scalar(select(DayCounter.last_value).where(DayCounter.kind == kind, DayCounter.day == day))
    return value or 0
