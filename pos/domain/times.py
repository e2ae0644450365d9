"""Times are stored as naive UTC (one clock for every station on a shared database); people read
them in the shop's local time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def local(value: datetime) -> datetime:
    """A stored naive-UTC time as the shop's naive local time."""
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def day_start(day: date) -> datetime:
    """The start of the shop's calendar day as a stored (naive UTC) time."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


def local_text(value: datetime | None, fmt: str = "%H:%M") -> str:
    """A stored time formatted for a screen; '' for none."""
    return local(value).strftime(fmt) if value is not None else ""
