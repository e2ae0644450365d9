"""PostgreSQL connections in the pool: one that sat idle is pinged before use and replaced if the
server dropped it; one used a moment ago is not (a ping is a round trip, and a scan is four)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from pos.db import engine as engines
from pos.db.database import Database
from pos.domain.errors import DatabaseUnreachable
from tests.conftest import BACKENDS, PG_URL


def _backend_pid(db: Database) -> int:
    with db.read() as session:
        return session.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _drop(pid: int) -> None:
    """The server ends the connection, as a restart or a firewall would."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    admin.dispose()


@pytest.mark.parametrize("db_url", [b for b in BACKENDS if b == "postgresql"], indirect=True)
def test_an_idle_connection_the_server_dropped_is_replaced_before_use(db_url, monkeypatch):
    db = Database(db_url)
    try:
        first = _backend_pid(db)
        _drop(first)
        monkeypatch.setattr(engines, "PING_AFTER_IDLE_S", 0.0)  # as if it had sat idle
        assert _backend_pid(db) != first  # answered on a fresh connection, no error
    finally:
        db.dispose()


@pytest.mark.parametrize("db_url", [b for b in BACKENDS if b == "postgresql"], indirect=True)
def test_a_connection_used_a_moment_ago_is_not_pinged(db_url, monkeypatch):
    db = Database(db_url)
    try:
        monkeypatch.setattr(engines, "PING_AFTER_IDLE_S", 3600.0)
        first = _backend_pid(db)
        _drop(first)
        # no ping found it gone: the statement did (an act is then made again, ui.worker)
        with pytest.raises(DatabaseUnreachable):
            _backend_pid(db)
        assert _backend_pid(db) != first  # the pool let the dead one go
    finally:
        db.dispose()
