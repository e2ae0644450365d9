"""Wrong PINs typed at two stations at once are both counted towards the lockout."""

from __future__ import annotations

from sqlalchemy import select, update

from pos.db.models import Staff
from pos.domain.errors import AuthError
from pos.services import staff
from tests.races.harness import ROUNDS


def test_two_wrong_pins_at_once_both_count(db, cashier, racers):
    for _ in range(ROUNDS):
        with db.transaction() as s:
            s.execute(update(Staff).where(Staff.id == cashier.id).values(failed_attempts=0, locked_until=None))
        outcomes = racers.run(*[lambda station: staff.sign_in(station, "1001", "0000")] * 2)
        assert all(isinstance(o.error, AuthError) for o in outcomes)
        with db.transaction() as s:
            assert s.scalar(select(Staff.failed_attempts).where(Staff.id == cashier.id)) == 2
