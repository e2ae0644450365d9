"""Issue 11 finding 8: an admin deactivates and reactivates staff, changes PINs and roles; each
act is audited; a person changes their own PIN; nobody else manages staff, and the last admin stays."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.domain.errors import AuthError, Conflict, NotFound, PermissionDenied
from pos.domain.roles import Role
from pos.services import staff, staff_admin
from pos.services.staff import Approval


def _audit(db, action):
    with db.transaction() as s:
        return [
            (e.actor_id, json.loads(e.detail))
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq))
        ]


def test_a_deactivated_login_can_neither_sign_in_nor_approve_until_reactivated(db, admin, cashier, manager):
    staff_admin.set_active(db, admin, "3001", False)

    with pytest.raises(AuthError):
        staff.sign_in(db, "3001", "3333")
    with pytest.raises(AuthError), db.transaction() as session:
        staff.approve(db, session, Approval("3001", "3333"), Role.MANAGER, requester=cashier)
    assert [r.active for r in staff_admin.list_records(db, admin) if r.login_code == "3001"] == [False]

    staff_admin.set_active(db, admin, "3001", True)
    assert staff.sign_in(db, "3001", "3333").login_code == "3001"
    assert _audit(db, "staff.deactivate") == [(admin.id, {"login_code": "3001"})]
    assert _audit(db, "staff.activate") == [(admin.id, {"login_code": "3001"})]


def test_an_admin_changes_a_pin_and_the_old_one_stops_working(db, admin, cashier):
    staff_admin.change_pin(db, admin, "1001", "246810")
    with pytest.raises(AuthError):
        staff.sign_in(db, "1001", "1111")
    assert staff.sign_in(db, "1001", "246810").id == cashier.id
    [(actor, detail)] = _audit(db, "staff.pin")
    assert (actor, detail) == (admin.id, {"login_code": "1001"})  # who and whose, never the PIN


def test_a_person_changes_their_own_pin_but_nobody_elses(db, admin, cashier, manager):
    staff_admin.change_pin(db, cashier, "1001", "135790")
    assert staff.sign_in(db, "1001", "135790").id == cashier.id
    with pytest.raises(PermissionDenied):
        staff_admin.change_pin(db, manager, "1001", "000000")
    with pytest.raises(PermissionDenied):
        staff_admin.change_pin(db, None, "1001", "000000")
    assert staff.sign_in(db, "1001", "135790").id == cashier.id


def test_roles_change_with_old_and_new_in_the_audit(db, admin, cashier):
    changed = staff_admin.change_roles(db, admin, "1001", "cashier,packer")
    assert changed.roles == {Role.CASHIER, Role.PACKER}
    assert staff.sign_in(db, "1001", "1111").roles == {Role.CASHIER, Role.PACKER}
    assert _audit(db, "staff.roles") == [(admin.id, {"login_code": "1001", "old": "cashier", "new": "cashier,packer"})]


def test_only_an_admin_manages_staff_and_bad_input_changes_nothing(db, admin, cashier, manager):
    for act in (
        lambda: staff_admin.set_active(db, manager, "1001", False),
        lambda: staff_admin.change_roles(db, manager, "1001", "manager"),
        lambda: staff_admin.change_roles(db, cashier, "1001", "admin"),
    ):
        with pytest.raises(PermissionDenied):
            act()
    with pytest.raises(NotFound):
        staff_admin.set_active(db, admin, "7777", False)
    with pytest.raises(Exception, match="role"):
        staff_admin.change_roles(db, admin, "1001", "boss")
    with pytest.raises(Exception, match="PIN"):
        staff_admin.change_pin(db, admin, "1001", "12")
    assert staff.sign_in(db, "1001", "1111").roles == {Role.CASHIER}


def test_the_last_active_admin_is_never_deactivated_or_demoted(db, admin):
    with pytest.raises(Conflict):
        staff_admin.set_active(db, admin, "9001", False)
    with pytest.raises(Conflict):
        staff_admin.change_roles(db, admin, "9001", "manager")
    second = staff.add_staff(db, admin, login_code="9002", name="副管理员", roles="admin", pin="9292")
    staff_admin.set_active(db, second, "9001", False)
    with pytest.raises(PermissionDenied):  # signed in before, deactivated since: acts no more
        staff_admin.change_roles(db, admin, "9002", "manager")
