"""How big the database is and how fast it grows, table by table (`pos db stats`): for the shop to
see what its history costs, and to check the retention settings do their work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Column, DateTime, Table, func, select, text
from sqlalchemy.exc import DBAPIError

from pos.db.database import Database
from pos.db.models import Base

# the column that says when a row was made, in the order looked for
CREATED = ("created_at", "at", "signed_at")


@dataclass(frozen=True)
class TableStats:
    name: str
    rows: int
    size: int | None  # bytes with its indexes; None where the database cannot say
    added: int | None  # rows made in the window; None for a table that keeps no creation time


@dataclass(frozen=True)
class DatabaseStats:
    tables: tuple[TableStats, ...]
    days: int

    @property
    def size(self) -> int | None:
        sizes = [t.size for t in self.tables]
        return None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)

    @property
    def growth_per_day(self) -> int | None:
        """Bytes a day, from what the tables with a creation time gained in the window at their
        present bytes per row (child tables without one, such as order lines, are not counted)."""
        total = 0
        for table in self.tables:
            if table.size is None:
                return None
            if table.added and table.rows:
                total += table.size * table.added // table.rows
        return total // self.days


def _created(table: Table) -> Column[Any] | None:
    for name in CREATED:
        column = table.columns.get(name)
        if column is not None and isinstance(column.type, DateTime):
            return column
    return None


def _sizes(db: Database) -> dict[str, int]:
    if db.engine.dialect.name == "sqlite":
        sizes = text(
            "SELECT m.tbl_name, SUM(s.pgsize) FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY m.tbl_name"
        )
    else:
        sizes = text(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema())"
        )
    try:
        # a read: a plain connection would begin SQLite's writing transaction and hold up the tills
        with db.read() as session:
            return {str(name): int(size or 0) for name, size in session.execute(sizes)}
    except DBAPIError:  # an SQLite built without its dbstat table
        return {}


def database_stats(db: Database, *, days: int = 30) -> DatabaseStats:
    sizes = _sizes(db)
    since = db.now() - timedelta(days=days)
    tables = []
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            rows = session.scalar(select(func.count()).select_from(table)) or 0
            created = _created(table)
            added = None
            if created is not None:
                added = session.scalar(select(func.count()).select_from(table).where(created >= since)) or 0
            tables.append(TableStats(table.name, int(rows), sizes.get(table.name) if sizes else None, added))
    tables.sort(key=lambda t: (-(t.size or 0), -t.rows, t.name))
    return DatabaseStats(tuple(tables), days)
