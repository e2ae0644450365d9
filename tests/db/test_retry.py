"""db.run: an act that loses a race is run again whole; a loser that cannot go through gets a
Conflict, never a raw database error."""

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from pos.db.database import ATTEMPTS, use_case
from pos.domain.errors import Conflict, DatabaseUnreachable


class _PgError(Exception):
    def __init__(self, sqlstate):
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _failing(times, error):
    calls = []

    def act():
        calls.append(1)
        if len(calls) <= times:
            raise error
        return "done"

    return act, calls


@pytest.mark.parametrize("orig", [_PgError("40P01"), _PgError("40001"), sqlite3.OperationalError("database is locked")])
def test_a_deadlock_or_serialization_failure_is_run_again(db, orig):
    act, calls = _failing(2, OperationalError("UPDATE", {}, orig))
    assert db.run(act) == "done" and len(calls) == 3


def test_losing_every_time_is_a_conflict(db):
    act, calls = _failing(99, OperationalError("UPDATE", {}, _PgError("40P01")))
    with pytest.raises(Conflict, match="busy"):
        db.run(act)
    assert len(calls) == ATTEMPTS


def test_other_operational_errors_are_not_retried(db):
    error = OperationalError("SELECT", {}, _PgError("08006"))  # connection failure
    act, calls = _failing(1, error)
    with pytest.raises(DatabaseUnreachable) as refused:
        db.run(act)
    assert len(calls) == 1
    assert refused.value.__cause__ is error  # the driver's words stay with it, for the log


def test_a_unique_clash_is_looked_at_again_once_then_refused(db):
    act, calls = _failing(1, IntegrityError("INSERT", {}, Exception("duplicate key")))
    assert db.run(act) == "done" and len(calls) == 2  # the second look sees the other's row: a replay
    act, calls = _failing(2, IntegrityError("INSERT", {}, Exception("duplicate key")))
    with pytest.raises(Conflict, match="same moment"):
        db.run(act)
    assert len(calls) == 2


def test_a_use_case_inside_another_is_retried_by_the_outer_one_only(db):
    inner_calls = []

    @use_case
    def inner(db):
        inner_calls.append(1)
        raise OperationalError("UPDATE", {}, _PgError("40P01"))

    @use_case
    def outer(db):
        return inner(db)

    with pytest.raises(Conflict):
        outer(db)
    assert len(inner_calls) == ATTEMPTS
