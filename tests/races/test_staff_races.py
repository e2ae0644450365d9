"""Wrong PINs typed at two stations at once are both counted towards the lockout."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from pos.db.models import Staff
from pos.domain.errors import AuthError, LoginThrottled
from pos.domain.roles import Role
from pos.services import staff
from pos.services.staff import FREE_ATTEMPTS, Approval
from tests.races.harness import ROUNDS, Racers


def test_two_wrong_pins_at_once_both_count(db, cashier, racers):
    for _ in range(ROUNDS):
        with db.transaction() as s:
            s.execute(update(Staff).where(Staff.id == cashier.id).values(failed_attempts=0, locked_until=None))
        outcomes = racers.run(*[lambda station: staff.sign_in(station, "1001", "0000")] * 2)
        assert all(isinstance(o.error, AuthError) for o in outcomes)
        with db.transaction() as s:
            assert s.scalar(select(Staff.failed_attempts).where(Staff.id == cashier.id)) == 2


GUESSERS = 8


def _reset(db, person):
    with db.transaction() as s:
        s.execute(update(Staff).where(Staff.id == person.id).values(failed_attempts=0, locked_until=None))


def _approve(station, approval):
    with station.transaction() as session:
        return staff.approve(station, session, approval, Role.MANAGER, requester=None)


@pytest.mark.parametrize("guess", ["sign_in", "approval"])
def test_eight_stations_guessing_at_once_get_five_tries_in_all(db, db_url, manager, guess):
    """Issue 11 finding 3: each guess is counted before its PIN is checked, so eight stations
    guessing in parallel have five PINs checked between them before the login locks, not 5 each."""
    wrong = Approval("3001", "0000")
    call = {
        "sign_in": lambda station: staff.sign_in(station, "3001", "0000"),
        "approval": lambda station: _approve(station, wrong),
    }[guess]
    stations = Racers(db_url, GUESSERS)
    try:
        for _ in range(ROUNDS // 10):
            _reset(db, manager)
            checked = 0
            for _wave in range(3):  # 24 guesses in waves of 8
                outcomes = stations.run(*[call] * GUESSERS)
                assert all(isinstance(o.error, AuthError) for o in outcomes)
                checked += sum(not isinstance(o.error, LoginThrottled) for o in outcomes)
            assert checked == FREE_ATTEMPTS
            with db.transaction() as s:
                assert s.scalar(select(Staff.failed_attempts).where(Staff.id == manager.id)) == FREE_ATTEMPTS
            with pytest.raises(LoginThrottled):  # the right PIN too, while locked
                staff.sign_in(db, "3001", "3333")
    finally:
        stations.dispose()
