"""Issue 10 Deliver 2 at the bench: a second person's PIN (the second packer, copy 3's other packer,
a manager for a reset or an undo further back, a cashier for the name) is checked inside the act's
transaction, so an act refused after a good PIN leaves no approval behind, and a wrong PIN refuses
the act yet still counts towards the lockout."""

import pytest
from sqlalchemy import func, select, update

from pos.db.models import AuditEvent, Order, Signature, Staff
from pos.domain.errors import AuthError, Conflict, LoginThrottled, PermissionDenied
from pos.services import bench
from pos.services.staff import FREE_ATTEMPTS, Approval
from tests.services.test_bench import context, printed  # noqa: F401 - fixtures

LI = Approval("2001", "2222")  # the packers fixture's logins and PINs, typed on the spot
ZHAO = Approval("2002", "2323")
MANAGER = Approval("3001", "3333")
CASHIER = Approval("1001", "1111")


def _actions(db) -> list[str]:
    with db.transaction() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _attempts(db, login: str) -> int:
    with db.transaction() as s:
        return s.scalar(select(Staff.failed_attempts).where(Staff.login_code == login))


def _stuck(db, packer, number):
    """An absent check begun by one packer (as an older bench left it)."""
    bench.start_check(db, packer, number, "present")
    with db.transaction() as s:
        s.execute(update(Order).where(Order.number == number).values(customer_mode="absent"))


def test_the_second_packers_approval_is_audited_with_the_start(db, packers, printed):
    before = len(_actions(db))
    bench.start_check(db, packers[0], printed, "absent", ZHAO)
    assert _actions(db)[before:] == ["staff.approval", "bench.start_check"]
    with db.transaction() as s:
        detail = s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "bench.start_check"))
    assert '"approved_by":"2002"' in detail.replace(" ", "")


def test_a_start_refused_after_a_good_pin_leaves_no_approval_behind(db, packers, printed):
    before = _actions(db)
    with pytest.raises(Conflict, match="different person"):
        bench.start_check(db, packers[0], printed, "absent", LI)  # the first packer's own PIN
    assert _actions(db) == before and bench.bench_view(db, printed).status == "printed"


def test_a_reset_refused_after_a_good_pin_leaves_no_approval_behind(db, packers, printed):
    _stuck(db, packers[0], printed)
    bench.cross_out(db, packers[0], printed, 2, 1, "unwanted")  # paper is out: no reset
    before = _actions(db)
    with pytest.raises(Conflict, match="cannot go back"):
        bench.reset_check(db, packers[0], printed, manager=MANAGER)
    assert _actions(db) == before


def test_a_seal_refused_after_a_good_pin_leaves_no_approval_behind(db, packers, printed, context, tmp_path):
    first, _ = packers
    bench.start_check(db, first, printed, "absent", ZHAO)
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(db, first, printed, code)
    before = _actions(db)
    with pytest.raises(bench.Copy3NotConfirmed):  # the sealing packer cannot confirm for the other
        bench.seal_box(db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}", copy3_confirmed_by=LI)
    assert _actions(db) == before and not bench.bench_view(db, printed).boxes[0].sealed


def test_an_undo_approved_by_a_packer_leaves_no_approval_behind(db, packers, printed):
    first, second = packers
    bench.start_check(db, first, printed, "present")
    bench.tick(db, first, printed, "YJ1000")
    bench.tick(db, second, printed, "BD2000")
    before = _actions(db)
    with pytest.raises(PermissionDenied):
        bench.undo_last_tick(db, first, printed, manager=ZHAO)  # a right PIN, but not a manager's
    assert _actions(db) == before


def test_a_wrong_second_packer_pin_refuses_and_still_counts_towards_the_lockout(db, packers, printed):
    _stuck(db, packers[0], printed)
    for attempt in range(1, FREE_ATTEMPTS + 1):
        with pytest.raises(AuthError):
            bench.sign_second_checker(db, packers[0], Approval("2002", "0000"), printed)
        assert _attempts(db, "2002") == attempt
    with pytest.raises(LoginThrottled):  # locked now, even with the right PIN
        bench.sign_second_checker(db, packers[0], ZHAO, printed)
    assert bench.bench_view(db, printed).needs_second_packer
    assert "bench.second_checker" not in _actions(db)


@pytest.mark.parametrize("act", ["start", "reset", "undo", "name", "seal", "complete"])
def test_a_wrong_pin_refuses_every_approved_act_and_is_counted(db, packers, printed, manager, cashier, act, context):
    first, _ = packers
    wrong = {"start": "2002", "reset": "3001", "undo": "3001", "name": "1001", "seal": "2002", "complete": "2002"}
    approval = Approval(wrong[act], "0000")
    if act != "start":
        bench.start_check(db, first, printed, "absent", ZHAO)
        bench.tick(db, first, printed, "YJ1000")
    calls = {
        "start": lambda: bench.start_check(db, first, printed, "absent", approval),
        "reset": lambda: bench.reset_check(db, first, printed, manager=approval),
        "undo": lambda: bench.undo_last_tick(db, first, printed, manager=approval),
        "name": lambda: bench.correct_name(db, first, printed, "张叁", cashier=approval),
        "seal": lambda: bench.seal_box(db, first, context, printed, 1, "preview:", copy3_confirmed_by=approval),
        "complete": lambda: bench.complete(db, first, printed, copy3_confirmed_by=approval),
    }
    before = _actions(db)
    with pytest.raises(AuthError):
        calls[act]()
    assert _actions(db) == [*before, "staff.sign_in_failed"] and _attempts(db, wrong[act]) == 1


def test_a_cashier_approves_the_name_correction_at_the_bench(db, packers, printed, cashier):
    bench.start_check(db, packers[0], printed, "present")
    with pytest.raises(PermissionDenied):
        bench.correct_name(db, packers[0], printed, "张叁")  # a packer alone may not
    with pytest.raises(PermissionDenied):
        bench.correct_name(db, packers[0], printed, "张叁", cashier=ZHAO)
    before = len(_actions(db))
    assert bench.correct_name(db, packers[0], printed, "张叁", cashier=CASHIER).customer_name == "张叁"
    assert _actions(db)[before:] == ["staff.approval", "customer.correct_name"]


def test_the_second_checker_signs_with_an_approval(db, packers, printed):
    _stuck(db, packers[0], printed)
    with pytest.raises(Conflict, match="different person"):
        bench.sign_second_checker(db, packers[0], LI, printed)
    view = bench.sign_second_checker(db, packers[0], ZHAO, printed)
    assert view.signatures["second_checker"] == "赵敏"
    with db.transaction() as s:
        rows = s.scalars(select(Signature.staff_id).where(Signature.role == "second_checker")).all()
        assert rows == [packers[1].id]
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "staff.approval")) == 1
