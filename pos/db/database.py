"""The one object services need: where the data is, how to open a transaction, what time it is."""

from __future__ import annotations

import functools
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from pos.db.engine import READ_ONLY, database_kind, make_engine, make_session_factory, redacted
from pos.db.failures import classify
from pos.db.models.base import utcnow
from pos.domain.errors import Conflict, DatabaseBusy

ATTEMPTS = 6  # a use case that loses a race this many times running is refused as busy
# PostgreSQL's serialization_failure and deadlock_detected: the transaction was rolled back for
# the other one's sake and is safe to run again from the start
RETRY_SQLSTATES = {"40001", "40P01"}
UNIQUE_VIOLATION = "23505"

T = TypeVar("T")
P = ParamSpec("P")
_running = threading.local()
log = logging.getLogger(__name__)


class Reread(Exception):
    """An act found that what it read before taking its lock was changed meanwhile by another
    station: nothing it did is kept, and Database.run runs it again from the start."""


@contextmanager
def reread_on_clash() -> Iterator[None]:
    """Around a write made from what an act read before its lock was sure (see Reread): a unique
    key the write collides with means another station wrote first, so the act runs again."""
    try:
        yield
    except IntegrityError as exc:
        if getattr(exc.orig, "sqlstate", None) == UNIQUE_VIOLATION:
            raise Reread() from exc
        raise


def _busy() -> DatabaseBusy:
    return DatabaseBusy("The database is busy with other stations' changes; wait a moment and try again.")


def _retryable(exc: OperationalError) -> bool:
    if getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    return "database is locked" in str(exc.orig)  # SQLite past its busy timeout


class Database:
    def __init__(self, url: str, *, clock: Callable[[], datetime] = utcnow, engine: Engine | None = None):
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = make_session_factory(self.engine)
        self._read_sessions = make_session_factory(self.engine.execution_options(**{READ_ONLY: True}))
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
    def read(self) -> Iterator[Session]:
        """A transaction for a use case that only reads (a view, a list, a report): on SQLite it
        does not take the write lock, so it never waits behind another station's write. Nothing
        may be written in it."""
        with self._begin(self._read_sessions) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case, one transaction: committed on success, rolled back on any exception.
        Outside a use case (a read for a screen), a failure a person can act on is raised as its
        refusal, as run() does; a constraint violation stays what it is, for its caller."""
        with self._begin(self._sessions) as session:
            yield session

    @contextmanager
    def _begin(self, sessions: sessionmaker[Session]) -> Iterator[Session]:
        if getattr(_running, "active", False):
            with sessions.begin() as session:
                yield session
            return
        try:
            with sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            refusal = classify(exc, self.url)
            if refusal is None or type(refusal) is Conflict:
                raise
            log.error("database refused: %s", refusal.code, exc_info=exc)
            raise refusal from exc

    def run(self, act: Callable[[], T]) -> T:
        """Run one use case and, when the database rolled it back for the sake of a concurrent one
        (deadlock, serialization failure, SQLite's lock), the act found what it read outdated
        (Reread), or a unique constraint caught a concurrent insert of the same thing (a command
        id, a number), run the whole act again in
        a new transaction: it then sees what the other stored and answers accordingly (a replay,
        a refusal). A loser that still cannot go through gets a Conflict, never a raw database
        error. Any other failure a person can act on (server unreachable, disk full, read-only) is
        raised as its PosError (pos.db.failures) with the driver's error, logged, as its cause.
        A use case called from inside another runs as part of the outer one's attempt."""
        if getattr(_running, "active", False):
            return act()
        _running.active = True
        try:
            for attempt in range(1, ATTEMPTS + 1):
                try:
                    return act()
                except Reread as exc:
                    if attempt == ATTEMPTS:
                        raise _busy() from exc
                except IntegrityError as exc:
                    if attempt >= 2:  # the same clash after a fresh look: a real conflict
                        log.warning("constraint conflict after a retry", exc_info=exc)
                        raise Conflict(
                            "Another station changed this at the same moment; look again and retry."
                        ) from exc
                except DBAPIError as exc:
                    if not (isinstance(exc, OperationalError) and _retryable(exc)):
                        refusal = classify(exc, self.url)
                        if refusal is None:
                            raise
                        log.error("database refused: %s", refusal.code, exc_info=exc)
                        raise refusal from exc
                    if attempt == ATTEMPTS:
                        # nothing of the act was stored
                        log.error("database still busy after %d attempts", ATTEMPTS, exc_info=exc)
                        raise _busy() from exc
                # a short random pause so two losers do not collide again in step
                time.sleep(random.uniform(0.005, 0.02) * attempt)
            raise AssertionError("unreachable")
        finally:
            _running.active = False

    def dispose(self) -> None:
        self.engine.dispose()


def use_case(fn: Callable[Concatenate[Database, P], T]) -> Callable[Concatenate[Database, P], T]:
    """A service function `fn(db, ...)` run through `db.run`: retried whole when it loses a race."""

    @functools.wraps(fn)
    def wrapper(db: Database, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return db.run(lambda: fn(db, *args, **kwargs))

    return wrapper
