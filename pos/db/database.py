"""The one object services need: where the data is, how to open a transaction, what time it is."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pos.db.engine import database_kind, make_engine, make_session_factory, redacted
from pos.db.models.base import utcnow


class Database:
    def __init__(self, url: str, *, clock: Callable[[], datetime] = utcnow, engine: Engine | None = None):
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = make_session_factory(self.engine)
        self.clock = clock

    @property
    def kind(self) -> str:
        return database_kind(self.url)

    @property
    def display_url(self) -> str:
        return redacted(self.url)

    def now(self) -> datetime:
        return self.clock()

    def business_day(self) -> date:
        """The shop's calendar day (local time), which slip numbers are counted by."""
        return self.clock().replace(tzinfo=UTC).astimezone().date()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case, one transaction: committed on success, rolled back on any exception."""
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
