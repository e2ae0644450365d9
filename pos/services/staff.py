"""Staff: PINs, sign-in with throttling, and the role checks every service relies on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, select, text, update
from sqlalchemy.orm import Session

from pos.db.after_commit import after_commit, after_rollback
from pos.db.database import Database, use_case
from pos.db.engine import commit_only
from pos.db.models import Staff
from pos.domain.errors import AuthError, Conflict, InvalidInput, LoginThrottled, PermissionDenied
from pos.domain.roles import Role, format_roles, parse_roles
from pos.services import audit

# argon2id at OWASP's second recommended cost (19 MiB, 2 passes, 1 lane) rather than the library's
# 64 MiB: a PIN of 4 to 12 digits has at most 10^12 values and a 4-digit one 10^4, so no hash cost
# keeps a stolen database from being searched; that is the private files' job (0600) and, at the
# till, the lockout's (5 tries, then doubling waits). The hash only has to make each guess cost a
# real computation, and at 64 MiB every check took a till's memory up by that much. Hashes made
# with other costs still verify, and are made again at these when their person signs in.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@cache
def _dummy_hash() -> str:
    """A hash of nothing, checked for an unknown login so it costs what a real check costs; made
    at the first such check, not at import (it took a quarter of a second at every start)."""
    return _hasher.hash("not-a-pin")


FREE_ATTEMPTS = 5  # failures allowed before the login is locked
LOCK_BASE = timedelta(seconds=30)  # doubled for each further failure
LOCK_MAX = timedelta(minutes=15)

_LOGIN_RE = re.compile(r"^[A-Za-z0-9_.-]{1,20}$")
_PIN_RE = re.compile(r"^\d{4,12}$")


@dataclass(frozen=True, slots=True)
class StaffInfo:
    """A signed-in person as the UI and services see them (plain data, no session)."""

    id: int
    login_code: str
    name: str
    roles: frozenset[Role]

    def has(self, *roles: Role) -> bool:
        return bool(self.roles & set(roles))


def _info(staff: Staff) -> StaffInfo:
    return StaffInfo(staff.id, staff.login_code, staff.name, parse_roles(staff.roles))


def require_role(actor: StaffInfo | None, *roles: Role) -> StaffInfo:
    """Refuse unless actor holds one of roles. Services call this; the UI hiding a button is not enough."""
    if actor is None:
        raise PermissionDenied("Sign in first.")
    if not actor.has(*roles):
        names = " or ".join(r.value for r in roles)
        raise PermissionDenied("{name} may not do this: it needs the {roles} role.", name=actor.name, roles=names)
    return actor


def validate_pin(pin: str) -> str:
    if not _PIN_RE.match(pin or ""):
        raise InvalidInput("A PIN is 4 to 12 digits.")
    return pin


def add_staff(db: Database, actor: StaffInfo | None, *, login_code: str, name: str, roles: str, pin: str) -> StaffInfo:
    """Create a staff member. Needs an admin, except for the very first account of a new database."""
    login_code = login_code.strip()
    name = name.strip()
    if not _LOGIN_RE.match(login_code):
        raise InvalidInput("A login code is 1 to 20 letters, digits, '.', '_' or '-'.")
    if not name:
        raise InvalidInput("A name is required.")
    role_set = parse_roles(roles)
    validate_pin(pin)
    pin_hash = _hasher.hash(pin)  # slow: outside the transaction
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(Staff)):
            require_role(actor, Role.ADMIN)
        if session.scalar(select(Staff.id).where(Staff.login_code == login_code)):
            raise Conflict("Login code {login_code} is already taken.", login_code=login_code)
        staff = Staff(login_code=login_code, name=name, roles=format_roles(role_set), pin_hash=pin_hash)
        session.add(staff)
        session.flush()
        audit.record(
            session,
            actor_id=actor.id if actor else None,
            action="staff.add",
            entity="staff",
            entity_id=staff.id,
            detail={"login_code": login_code, "name": name, "roles": format_roles(role_set)},
            at=db.now(),
        )
        return _info(staff)


def _locked(session: Session, login_code: str) -> Staff | None:
    # held until commit: wrong PINs typed at two stations at once are both counted
    return session.scalar(
        select(Staff)
        .where(Staff.login_code == (login_code or "").strip())
        .with_for_update()
        .execution_options(populate_existing=True)
    )


@dataclass(frozen=True, slots=True)
class _Guess:
    staff_id: int
    attempts: int
    pin_hash: str = field(repr=False)


def _lock_for(attempts: int, now: datetime) -> datetime | None:
    over = attempts - FREE_ATTEMPTS
    return now + min(LOCK_BASE * (2**over), LOCK_MAX) if over >= 0 else None


def _reserve(db: Database, login_code: str, now: datetime) -> _Guess:
    """Count a guess as a failure before its PIN is checked, in a transaction of its own committed
    at once: one atomic UPDATE per guess, so stations guessing in parallel get FREE_ATTEMPTS checks
    between them before the lock, never FREE_ATTEMPTS each. A right PIN gives the attempt back."""
    login = (login_code or "").strip()
    with db.transaction() as session:
        if db.kind == "PostgreSQL":  # never wait forever on a row some act holds
            session.execute(text("SET LOCAL lock_timeout = '10s'"))
        row = session.execute(
            update(Staff)
            .where(
                Staff.login_code == login,
                Staff.active.is_(True),
                or_(Staff.locked_until.is_(None), Staff.locked_until <= now),
            )
            .values(failed_attempts=Staff.failed_attempts + 1)
            .returning(Staff.id, Staff.failed_attempts, Staff.pin_hash)
            .execution_options(synchronize_session=False)
        ).one_or_none()
        if row is not None:
            guess = _Guess(row[0], row[1], row[2])
            if (until := _lock_for(guess.attempts, now)) is not None:
                session.execute(
                    update(Staff)
                    .where(Staff.id == guess.staff_id)
                    .values(locked_until=until)
                    .execution_options(synchronize_session=False)
                )
            return guess
        locked_until = session.scalar(
            select(Staff.locked_until).where(Staff.login_code == login, Staff.active.is_(True))
        )
    if locked_until is None:
        _verify(_dummy_hash(), "not-the-pin")  # same cost as a real check: no login enumeration by timing
        raise AuthError("Wrong login code or PIN.")
    raise _throttled(locked_until, now)


def _throttled(locked_until: datetime, now: datetime) -> LoginThrottled:
    seconds = int((locked_until - now).total_seconds()) + 1
    return LoginThrottled("Too many wrong PINs. Try again in {seconds} seconds.", seconds=seconds)


def _give_back(db: Database, staff_id: int) -> None:
    """A right PIN: the counters start again."""
    with db.transaction() as session:
        session.execute(
            update(Staff)
            .where(Staff.id == staff_id)
            .values(failed_attempts=0, locked_until=None)
            .execution_options(synchronize_session=False)
        )


def _audit_failure(session: Session, staff_id: int, attempts: int, now: datetime) -> None:
    audit.record(
        session,
        actor_id=None,
        action="staff.sign_in_failed",
        entity="staff",
        entity_id=staff_id,
        detail={"attempts": attempts},
        at=now,
    )


def _check_pin(session: Session, staff: Staff | None, pin: str, now: datetime, action: str) -> StaffInfo | None:
    """The person if the PIN is theirs (counters reset, `action` audited); None for a wrong PIN,
    with nothing written. Refuses an unknown or inactive login and a locked one."""
    if staff is None or not staff.active:
        _verify(_dummy_hash(), pin or "")  # same cost as a real check: no login enumeration by timing
        raise AuthError("Wrong login code or PIN.")
    if staff.locked_until and staff.locked_until > now:
        raise _throttled(staff.locked_until, now)
    if not _verify(staff.pin_hash, pin or ""):
        return None
    if _hasher.check_needs_rehash(staff.pin_hash):  # made at another cost: now at today's
        staff.pin_hash = _hasher.hash(pin)
    staff.failed_attempts = 0
    staff.locked_until = None
    audit.record(session, actor_id=staff.id, action=action, entity="staff", entity_id=staff.id, at=now)
    return _info(staff)


def _person(session: Session, staff_id: int) -> StaffInfo:
    staff = session.get(Staff, staff_id, populate_existing=True)
    if staff is None or not staff.active:  # deactivated between the guess and now
        raise AuthError("Wrong login code or PIN.")
    return _info(staff)


@use_case
def sign_in(db: Database, login_code: str, pin: str) -> StaffInfo:
    """Check login code and PIN. Each guess is counted before it is checked (`_reserve`) and a
    right PIN resets the count; after FREE_ATTEMPTS the login is locked for a doubling period."""
    now = db.now()
    guess = _reserve(db, login_code, now)
    if not _verify(guess.pin_hash, pin or ""):
        with db.transaction() as session:
            _audit_failure(session, guess.staff_id, guess.attempts, now)
        raise AuthError("Wrong login code or PIN.")
    # a hash made at another cost is made again at today's (slow: before the transaction)
    fresh = _hasher.hash(pin) if _hasher.check_needs_rehash(guess.pin_hash) else None
    with db.transaction() as session:
        session.execute(
            update(Staff)
            .where(Staff.id == guess.staff_id)
            .values(failed_attempts=0, locked_until=None)
            .execution_options(synchronize_session=False)
        )
        if fresh is not None:  # unless the PIN was changed meanwhile
            session.execute(
                update(Staff)
                .where(Staff.id == guess.staff_id, Staff.pin_hash == guess.pin_hash)
                .values(pin_hash=fresh)
                .execution_options(synchronize_session=False)
            )
        person = _person(session, guess.staff_id)
        audit.record(session, actor_id=person.id, action="staff.sign_in", entity="staff", entity_id=person.id, at=now)
        return person


@dataclass(frozen=True, slots=True)
class Approval:
    """A second person's login code and PIN typed on the spot for one act: a manager approving an
    override, the second packer of a customer-absent check. The act checks it in its own
    transaction (`approve`), so the approval and what it approves are stored together or not at all."""

    login_code: str
    pin: str = field(repr=False)


def approve(db: Database, session: Session, approval: Approval, *roles: Role, requester: StaffInfo | None) -> StaffInfo:
    """The approving person, checked inside the act's transaction: someone other than `requester`
    (the person asking), PIN, lockout and role. The approval is audited with the act; a wrong PIN
    refuses the act and still counts towards the lockout."""
    if requester is not None and (approval.login_code or "").strip() == requester.login_code:
        raise PermissionDenied(
            "Someone else must approve this: {name} cannot approve their own request.", name=requester.name
        )
    now = db.now()
    if db.kind != "PostgreSQL":
        return _approve_in_act(db, session, approval, now, roles)
    # PostgreSQL: the guess is counted on a connection of its own before the PIN is checked, so
    # approvals at many stations at once cannot each slip a guess in before the count
    guess = _reserve(db, approval.login_code, now)
    staff_id = guess.staff_id
    if not _verify(guess.pin_hash, approval.pin or ""):
        after_rollback(session, lambda: _audit_failure_alone(db, staff_id, guess.attempts), what="auditing a wrong PIN")
        raise AuthError("Wrong login code or PIN.")
    after_commit(session, lambda: _give_back(db, staff_id), what="resetting the PIN counter")
    after_rollback(session, lambda: _give_back(db, staff_id), what="resetting the PIN counter")
    if _hasher.check_needs_rehash(guess.pin_hash):  # made at another cost: now at today's (once)
        session.execute(
            update(Staff)
            .where(Staff.id == staff_id, Staff.pin_hash == guess.pin_hash)
            .values(pin_hash=_hasher.hash(approval.pin))
            .execution_options(synchronize_session=False)
        )
    person = _person(session, staff_id)
    audit.record(session, actor_id=person.id, action="staff.approval", entity="staff", entity_id=person.id, at=now)
    return require_role(person, *roles)


def _approve_in_act(
    db: Database, session: Session, approval: Approval, now: datetime, roles: tuple[Role, ...]
) -> StaffInfo:
    # SQLite: the act holds the database's only write lock, so no other station checks a PIN
    # meanwhile; a wrong one is counted and committed before that lock is let go, the act's own
    # writes undone (commit_only): counted after the rollback, a station queued for the lock could
    # check one more guess in between
    staff = _locked(session, approval.login_code)
    person = _check_pin(session, staff, approval.pin, now, "staff.approval")
    if person is None:
        assert staff is not None
        staff_id, attempts = staff.id, staff.failed_attempts + 1
        until = _lock_for(attempts, now) or staff.locked_until
        commit_only(
            session,
            update(Staff).where(Staff.id == staff_id).values(failed_attempts=attempts, locked_until=until),
        )
        after_rollback(session, lambda: _audit_failure_alone(db, staff_id, attempts), what="auditing a wrong PIN")
        raise AuthError("Wrong login code or PIN.")
    return require_role(person, *roles)


def _audit_failure_alone(db: Database, staff_id: int, attempts: int) -> None:
    with db.transaction() as session:
        _audit_failure(session, staff_id, attempts, db.now())


def list_staff(db: Database) -> list[StaffInfo]:
    with db.transaction() as session:
        return [_info(s) for s in session.scalars(select(Staff).order_by(Staff.login_code))]


def _verify(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False
