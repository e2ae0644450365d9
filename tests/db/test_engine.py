import sqlite3

import pytest
from sqlalchemy import text

from pos.db.database import Database


@pytest.fixture
def sqlite_db(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'pragmas.sqlite3'}")
    yield database
    database.dispose()


def test_sqlite_is_configured_for_durability(sqlite_db):
    with sqlite_db.transaction() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_sqlite_transactions_take_the_write_lock_at_begin(sqlite_db, tmp_path):
    """BEGIN IMMEDIATE: while one station's transaction is open, another cannot start writing,
    so nobody fails half-way through a use case on a lock upgrade."""
    with sqlite_db.transaction() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(tmp_path / "pragmas.sqlite3", timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    other = sqlite3.connect(tmp_path / "pragmas.sqlite3", timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_failed_use_case_is_rolled_back(db):
    from pos.db.models import Staff

    with pytest.raises(RuntimeError):
        with db.transaction() as session:
            session.add(Staff(login_code="x", name="x", roles="cashier", pin_hash="h"))
            session.flush()
            raise RuntimeError("boom")
    with db.transaction() as session:
        assert session.query(Staff).count() == 0
