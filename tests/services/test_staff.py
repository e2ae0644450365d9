import pytest
from sqlalchemy import select

from pos.db.models import AuditEvent, Staff
from pos.domain.errors import AuthError, Conflict, InvalidInput, LoginThrottled, PermissionDenied
from pos.domain.roles import Role
from pos.services import staff
from pos.services.staff import FREE_ATTEMPTS, add_staff, require_role, sign_in


def test_first_account_needs_no_one_then_only_an_admin_may_add(db, admin, cashier):
    with pytest.raises(PermissionDenied):
        add_staff(db, cashier, login_code="2001", name="李强", roles="packer", pin="2222")
    with pytest.raises(PermissionDenied):
        add_staff(db, None, login_code="2001", name="李强", roles="packer", pin="2222")
    packer = add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    assert packer.roles == {Role.PACKER}


def test_pins_are_stored_as_argon2id_hashes(db, cashier):
    with db.transaction() as s:
        stored = s.scalar(select(Staff.pin_hash).where(Staff.login_code == "1001"))
    assert stored.startswith("$argon2id$")
    assert "1111" not in stored


@pytest.mark.parametrize(
    "login, name, roles, pin",
    [
        ("", "x", "cashier", "1234"),
        ("a b", "x", "cashier", "1234"),
        ("2001", "", "cashier", "1234"),
        ("2001", "x", "boss", "1234"),
        ("2001", "x", "cashier", "12"),
        ("2001", "x", "cashier", "abcd"),
    ],
)
def test_bad_staff_input_is_refused_and_nothing_stored(db, admin, login, name, roles, pin):
    with pytest.raises(InvalidInput):
        add_staff(db, admin, login_code=login, name=name, roles=roles, pin=pin)
    assert [p.login_code for p in staff.list_staff(db)] == ["9001"]


def test_duplicate_login_is_refused(db, admin, cashier):
    with pytest.raises(Conflict):
        add_staff(db, admin, login_code="1001", name="另一个", roles="cashier", pin="1234")


def test_sign_in_with_the_right_pin(db, cashier):
    person = sign_in(db, "1001", "1111")
    assert person.name == "王丽" and person.has(Role.CASHIER)


@pytest.mark.parametrize("login, pin", [("1001", "1112"), ("9999", "1111"), ("1001", ""), ("", "")])
def test_wrong_login_or_pin_gives_the_same_message(db, cashier, login, pin):
    with pytest.raises(AuthError) as info:
        sign_in(db, login, pin)
    assert info.value.message == "Wrong login code or PIN."


def test_repeated_failures_lock_the_login_for_a_growing_time(db, cashier, clock):
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(AuthError) as info:
            sign_in(db, "1001", "0000")
        assert not isinstance(info.value, LoginThrottled)
    # even the right PIN is refused while locked
    with pytest.raises(LoginThrottled) as info:
        sign_in(db, "1001", "1111")
    assert info.value.details["seconds"] <= 31
    clock.advance(seconds=31)
    with pytest.raises(AuthError):
        sign_in(db, "1001", "0000")  # one more failure: locked twice as long
    clock.advance(seconds=31)
    with pytest.raises(LoginThrottled):
        sign_in(db, "1001", "1111")
    clock.advance(seconds=31)
    assert sign_in(db, "1001", "1111").login_code == "1001"
    # success resets the count
    with pytest.raises(AuthError) as info:
        sign_in(db, "1001", "0000")
    assert not isinstance(info.value, LoginThrottled)


def test_failed_attempts_are_audited(db, cashier):
    with pytest.raises(AuthError):
        sign_in(db, "1001", "0000")
    with db.transaction() as s:
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    assert actions[-1] == "staff.sign_in_failed"


def test_roles_are_checked_by_services(db, cashier, manager):
    with pytest.raises(PermissionDenied):
        require_role(cashier, Role.MANAGER)
    assert require_role(manager, Role.MANAGER) is manager
    with pytest.raises(PermissionDenied):
        require_role(None, Role.CASHIER)
