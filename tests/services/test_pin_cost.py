"""The PIN hash's cost: argon2id at 19 MiB rather than 64 (a till's memory at every check), older
hashes made again at today's cost when their person signs in, and nothing hashed at import."""

import subprocess
import sys

from argon2 import PasswordHasher
from sqlalchemy import select

from pos.db.models import Staff
from pos.domain.roles import Role
from pos.services.staff import Approval, approve, sign_in


def _hash_of(db, login):
    with db.transaction() as s:
        return s.scalar(select(Staff.pin_hash).where(Staff.login_code == login))


def test_pins_are_hashed_at_19_mib_two_passes_one_lane(db, cashier):
    assert _hash_of(db, "1001").startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_a_hash_made_at_the_old_cost_is_made_again_at_sign_in(db, cashier):
    old = PasswordHasher().hash("1111")  # the library's default: 64 MiB, 3 passes, 4 lanes
    with db.transaction() as s:
        s.scalar(select(Staff).where(Staff.login_code == "1001")).pin_hash = old
    assert sign_in(db, "1001", "1111").login_code == "1001"  # the old hash still lets them in
    assert _hash_of(db, "1001").startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert sign_in(db, "1001", "1111").login_code == "1001"


def test_importing_the_staff_service_hashes_nothing():
    code = "import pos.services.staff as s; print(s._dummy_hash.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_an_approval_with_an_old_hash_makes_it_again(db, cashier, manager):
    with db.transaction() as s:
        s.scalar(select(Staff).where(Staff.login_code == "3001")).pin_hash = PasswordHasher().hash("3333")
    with db.transaction() as s:
        approver = approve(db, s, Approval("3001", "3333"), Role.MANAGER, requester=cashier)
    assert approver.login_code == "3001"
    assert _hash_of(db, "3001").startswith("$argon2id$v=19$m=19456,t=2,p=1$")
