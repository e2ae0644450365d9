from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import CheckConstraint, Date, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints so Alembic batch migrations on SQLite can find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def searched(length: int) -> String:
    """A column searched by prefix as the person types (a phone, a name's pinyin, an item code).
    On PostgreSQL it compares in code point order ("C"), as SQLite does: only then can its index
    answer `LIKE 'prefix%'` and give the matches in index order, instead of filtering and sorting
    every row under a language's collation."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")  # type: ignore[return-value]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every model here is declared with columns, so it maps one Table; SQLAlchemy types
    # `__table__` as the wider FromClause (which has no insert(), update(), delete()).
    __table__: ClassVar[Table]


class DayCounter(Base):
    """Per-day sequence for slip numbers (S20261127-0007). Allocated in the same transaction that
    stores the slip, so a rolled-back slip gives its number back: no gaps, no reuse."""

    __tablename__ = "day_counters"
    __table_args__ = (CheckConstraint("last_value > 0", name="positive"),)

    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[Date] = mapped_column(Date, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)
