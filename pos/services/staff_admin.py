"""Staff management: deactivate and reactivate, change a PIN, change roles. An admin's acts, each
audited; a person may change their own PIN. Nothing here deletes a person: their name stays on
every slip, signature and audit entry they made, and a deactivated login simply cannot sign in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Staff
from pos.domain.errors import Conflict, NotFound, PermissionDenied
from pos.domain.roles import Role, format_roles, parse_roles
from pos.services import audit
from pos.services.staff import StaffInfo, _hasher, _info, require_role, validate_pin


@dataclass(frozen=True, slots=True)
class StaffRecord:
    """One line of the staff list an admin manages."""

    login_code: str
    name: str
    roles: frozenset[Role]
    active: bool
    locked_until: datetime | None
    failed_attempts: int


def list_records(db: Database, actor: StaffInfo | None) -> list[StaffRecord]:
    """Everyone, active or not, for an admin or a manager."""
    require_role(actor, Role.ADMIN, Role.MANAGER)
    with db.read() as session:
        return [
            StaffRecord(s.login_code, s.name, parse_roles(s.roles), s.active, s.locked_until, s.failed_attempts)
            for s in session.scalars(select(Staff).order_by(Staff.login_code))
        ]


def _admin(session: Session, actor: StaffInfo | None) -> Staff:
    """The acting admin as stored now: one deactivated or demoted since signing in acts no more."""
    require_role(actor, Role.ADMIN)
    assert actor is not None
    person = session.get(Staff, actor.id, with_for_update=True)
    if person is None or not person.active or Role.ADMIN not in parse_roles(person.roles):
        raise PermissionDenied("{name} may not do this: it needs the {roles} role.", name=actor.name, roles="admin")
    return person


def _target(session: Session, login_code: str) -> Staff:
    person = session.scalar(select(Staff).where(Staff.login_code == (login_code or "").strip()).with_for_update())
    if person is None:
        raise NotFound("No staff member has login code {login_code}.", login_code=(login_code or "").strip())
    return person


def _other_active_admins(session: Session, person: Staff) -> int:
    others = select(func.count()).select_from(Staff)
    return (
        session.scalar(
            others.where(Staff.active.is_(True), Staff.id != person.id, Staff.roles.contains(Role.ADMIN.value))
        )
        or 0
    )


@use_case
def set_active(db: Database, actor: StaffInfo | None, login_code: str, active: bool) -> StaffInfo:
    """Deactivate (cannot sign in or approve any more) or reactivate a login. The last active admin
    is never deactivated: nobody could manage staff after that."""
    with db.transaction() as session:
        admin = _admin(session, actor)
        person = _target(session, login_code)
        if person.active == active:
            return _info(person)
        if not active and Role.ADMIN in parse_roles(person.roles) and not _other_active_admins(session, person):
            raise Conflict("{name} is the last active admin and cannot be deactivated.", name=person.name)
        person.active = active
        if active:  # a fresh start: old wrong guesses do not lock the returning person out
            person.failed_attempts, person.locked_until = 0, None
        audit.record(
            session,
            actor_id=admin.id,
            action="staff.activate" if active else "staff.deactivate",
            entity="staff",
            entity_id=person.id,
            detail={"login_code": person.login_code},
            at=db.now(),
        )
        return _info(person)


@use_case
def change_roles(db: Database, actor: StaffInfo | None, login_code: str, roles: str) -> StaffInfo:
    """Give a login new roles (audited with old and new). The last active admin keeps admin."""
    new = parse_roles(roles)
    with db.transaction() as session:
        admin = _admin(session, actor)
        person = _target(session, login_code)
        old = parse_roles(person.roles)
        if new == old:
            return _info(person)
        if Role.ADMIN in old and Role.ADMIN not in new and person.active and not _other_active_admins(session, person):
            raise Conflict("{name} is the last active admin and keeps the admin role.", name=person.name)
        person.roles = format_roles(new)
        audit.record(
            session,
            actor_id=admin.id,
            action="staff.roles",
            entity="staff",
            entity_id=person.id,
            detail={"login_code": person.login_code, "old": format_roles(old), "new": format_roles(new)},
            at=db.now(),
        )
        return _info(person)


@use_case
def change_pin(db: Database, actor: StaffInfo | None, login_code: str, new_pin: str) -> StaffInfo:
    """Set a new PIN: an admin for anyone, or a person for themselves. The lockout counter starts
    over; the audit entry says who changed whose PIN, never the PIN."""
    if actor is None:
        raise PermissionDenied("Sign in first.")
    validate_pin(new_pin)
    pin_hash = _hasher.hash(new_pin)  # slow: outside the transaction
    with db.transaction() as session:
        person = _target(session, login_code)
        if person.id == actor.id:
            me = session.get(Staff, actor.id)
            if me is None or not me.active:
                raise PermissionDenied("Sign in first.")
        else:
            _admin(session, actor)
        person.pin_hash, person.failed_attempts, person.locked_until = pin_hash, 0, None
        audit.record(
            session,
            actor_id=actor.id,
            action="staff.pin",
            entity="staff",
            entity_id=person.id,
            detail={"login_code": person.login_code},
            at=db.now(),
        )
        return _info(person)
