"""Issue 11 finding 5: a database that refuses (unreachable, disk full, read-only, locked) is
refused to the person with what happened and what to do; the driver's error stays chained as the
cause, for the log. Real driver errors, on each backend."""

import sqlite3

import psycopg
import pytest
from sqlalchemy import text

from pos.db.database import Database, use_case
from pos.db.failures import classify
from pos.domain.errors import Conflict, DatabaseBusy, DatabaseUnreachable, DiskFull, ReadOnly
from pos.services.startup import open_database

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/none"


class _PgError(Exception):
    def __init__(self, sqlstate):
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@use_case
def _write_read_only(db):
    with db.transaction() as session:
        if db.kind == "SQLite":
            session.execute(text("PRAGMA query_only = ON"))
        else:
            session.execute(text("SET TRANSACTION READ ONLY"))
        session.execute(text("CREATE TABLE scratch (x integer)"))


def test_writing_a_read_only_database_is_refused_as_read_only(db):
    with pytest.raises(ReadOnly) as refused:
        _write_read_only(db)
    assert "nothing was saved" in refused.value.message
    assert "readonly" in str(refused.value.__cause__) or "read-only" in str(refused.value.__cause__)
    db.engine.dispose()  # the read-only connection goes; the fixture's clean-up gets a fresh one


@use_case
def _count_staff(db):
    with db.transaction() as session:
        return session.scalar(text("SELECT 1"))


def test_an_unreachable_server_names_the_server():
    db = Database(UNREACHABLE)
    with pytest.raises(DatabaseUnreachable) as refused:
        _count_staff(db)
    assert refused.value.message.startswith("Cannot reach the database server at 127.0.0.1:1.")
    assert "Connection refused" in str(refused.value.__cause__)


def test_starting_on_an_unreachable_server_is_a_clear_refusal():
    with pytest.raises(DatabaseUnreachable) as refused:
        open_database(UNREACHABLE)
    assert "127.0.0.1:1" in refused.value.message and "OperationalError" not in refused.value.message
    assert refused.value.__cause__ is not None


def test_a_full_sqlite_disk_says_where_to_free_space(tmp_path):
    path = tmp_path / "full.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE t (x)")
    raw.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as full:
        raw.execute("INSERT INTO t VALUES (randomblob(100000))")
    raw.close()
    refusal = classify(full.value, f"sqlite:///{path}")
    assert isinstance(refusal, DiskFull) and str(path) in refusal.message and "nothing was saved" in refusal.message


def test_a_locked_sqlite_file_outside_a_use_case_is_busy(tmp_path):
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("BEGIN IMMEDIATE")
    holder.close()
    other.close()
    assert isinstance(classify(locked.value), DatabaseBusy)


@pytest.mark.parametrize(
    ("sqlstate", "kind"),
    [("53100", DiskFull), ("25006", ReadOnly), ("08006", DatabaseUnreachable), ("57P01", DatabaseUnreachable)],
)
def test_postgresql_states_a_person_can_act_on(sqlstate, kind):
    refusal = classify(_PgError(sqlstate), "postgresql+psycopg://pos:secret@db.shop:5433/pos")
    assert isinstance(refusal, kind)
    assert "secret" not in refusal.message


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OSError(28, "No space left on device", "/media/usb/pos.sqlite3"), DiskFull),
        (OSError(30, "Read-only file system", "/media/usb/pos.sqlite3"), ReadOnly),
        (ConnectionRefusedError(111, "Connection refused"), DatabaseUnreachable),
        (sqlite3.IntegrityError("UNIQUE constraint failed: orders.number"), Conflict),
    ],
)
def test_operating_system_errors_a_person_can_act_on(error, kind):
    refusal = classify(error)
    assert isinstance(refusal, kind) and refusal.__cause__ is error


def test_a_bug_is_not_dressed_up_as_a_refusal():
    assert classify(RuntimeError("boom")) is None
    assert classify(KeyError("total")) is None


@pytest.mark.parametrize("wrong", ["database", "user"])
def test_a_server_without_the_database_or_user_named_says_so(db, wrong):
    """Found in a walkthrough: a mistyped database name was reported as "cannot reach the server,
    check the network cable". The server answered; the setting is what to check."""
    if db.kind == "SQLite":  # a missing SQLite file is made; the refusal is a PostgreSQL server's
        url = "postgresql+psycopg://postgres@127.0.0.1:5432/" if wrong == "database" else "postgresql+psycopg://x@h/"
        refusal = classify(
            psycopg.OperationalError(
                'connection failed: FATAL:  database "nope_x" does not exist'
                if wrong == "database"
                else 'connection failed: FATAL:  role "nobody_x" does not exist'
            ),
            url,
        )
    else:
        url = db.engine.url.set(database="nope_x") if wrong == "database" else db.engine.url.set(username="nobody_x")
        with pytest.raises(DatabaseUnreachable) as refused:
            open_database(url.render_as_string(hide_password=False))
        refusal = refused.value
    assert isinstance(refusal, DatabaseUnreachable)
    named = "nope_x" if wrong == "database" else "nobody_x"
    assert named in refusal.message and "network cable" not in refusal.message
    assert refusal.message.startswith("The database server at ")
