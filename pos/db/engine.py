"""Engines for the embedded SQLite file and for a shared PostgreSQL database.

SQLite is set up for durability and for several writers: WAL, synchronous=FULL, foreign keys on,
a busy timeout, and every writing transaction opened with BEGIN IMMEDIATE so two writers queue at
the start instead of failing half-way with "database is locked" on upgrade from a read lock.
Read-only transactions begin deferred and never wait for a writer.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import Engine, Executable, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from pos.private_files import private_file

BUSY_TIMEOUT_MS = 10_000
PING_AFTER_IDLE_S = 5.0  # a PostgreSQL connection idle this long is pinged before use
_IDLE_SINCE = "pos_idle_since"
READ_ONLY = "pos_read_only"  # execution option of the engine that read-only use cases run on
ACT_START = "pos_act_start"  # SQLite savepoint opened with every writing transaction


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # created owner-only before SQLite opens it: its -wal and -shm copy these permissions
            private_file(Path(parsed.database))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, connect_args={"connect_timeout": 5})
        _ping_when_idle(engine)
        return engine
    raise ValueError(f"Unsupported database: {parsed.get_backend_name()}")


def _ping_when_idle(engine: Engine) -> None:
    """A pooled connection that sat idle is pinged before use, and replaced if the server dropped
    it (restarted, or a firewall forgot the connection). One in use a moment ago is not: a ping
    is a round trip to the server, and a scan or a tick makes only four. A connection lost while
    the shop is busy fails its statement, and the act is made again on a fresh one (ui.worker)."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        since = record.info.get(_IDLE_SINCE)
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError() from exc  # the pool connects afresh and tries again


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Take transaction control from pysqlite so BEGIN IMMEDIATE below is what actually runs.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        # a read (READ_ONLY, Database.read) begins deferred: it reads the last commit from the
        # WAL while a writer works, instead of queueing for the write lock behind it
        read = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")
        if not read:
            connection.exec_driver_sql(f"SAVEPOINT {ACT_START}")


def commit_only(session: Session, *statements: Executable) -> None:
    """SQLite: undo what this writing transaction did so far, store only `statements`, and commit,
    all without letting go of the database's write lock. A refused act uses it for what must
    outlive the refusal (a wrong PIN's count): committed after the rollback instead, another
    station waiting for the lock could slip in between. The caller raises next; the act's own
    rollback then finds nothing left to undo."""
    connection = session.connection()
    connection.exec_driver_sql(f"ROLLBACK TO {ACT_START}")
    for statement in statements:
        connection.execute(statement)
    connection.exec_driver_sql("COMMIT")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services return plain data built inside the transaction anyway,
    # and nothing should lazy-load after commit.
    return sessionmaker(engine, expire_on_commit=False)


def database_kind(url: str) -> str:
    return "PostgreSQL" if make_url(url).get_backend_name() == "postgresql" else "SQLite"


def redacted(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def database_identity(url: str) -> str:
    """The same database however its URL is written: the absolute file for SQLite, server, port
    and database name for PostgreSQL (not the user, not the password)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return f"sqlite:{Path(parsed.database or ':memory:').resolve()}"
    return f"{parsed.get_backend_name()}://{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
