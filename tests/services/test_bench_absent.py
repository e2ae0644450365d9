"""Customer absent: the check starts with both packers in one transaction, and an order left stuck
with one packer (by the bench before this fix) can get its second packer or go back to the queue."""

import json

import pytest
from sqlalchemy import func, select, update

from pos.db.models import AuditEvent, Box, Order, TickEvent
from pos.domain.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from pos.services import bench, returns
from pos.services.staff import Approval
from tests.conftest import approval_of
from tests.services.test_bench import context, printed  # noqa: F401 - fixtures

LI, ZHAO = Approval("2001", "2222"), Approval("2002", "2323")  # the packers' logins and PINs


def _audit(db, action):
    with db.transaction() as s:
        return [json.loads(e.detail) for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def _stuck(db, packer, number):
    """What the bench used to leave behind: an absent check begun by one packer, the second refused."""
    bench.start_check(db, packer, number, "present")
    with db.transaction() as s:
        s.execute(update(Order).where(Order.number == number).values(customer_mode="absent"))


def test_same_second_packer_is_refused_and_the_order_stays_in_the_queue(db, packers, printed):
    first, _ = packers
    with pytest.raises(Conflict, match="different person"):
        bench.start_check(db, first, printed, "absent", LI)
    with pytest.raises(InvalidInput, match="second packer"):
        bench.start_check(db, first, printed, "absent")
    view = bench.bench_view(db, printed)
    assert view.status == "printed" and view.signatures == {} and view.boxes == ()
    assert [e.number for e in bench.queue(db)] == [printed] and bench.queue(db)[0].status == "printed"


def test_absent_check_starts_with_both_packers_and_the_name_confirmed(db, packers, printed):
    first, second = packers
    view = bench.start_check(db, first, printed, "absent", ZHAO)
    assert view.status == "checking" and view.mode == "absent" and view.name_confirmed
    assert view.signatures == {"checker": "李强", "second_checker": "赵敏"} and not view.needs_second_packer
    assert _audit(db, "bench.start_check")[-1]["second_checker"] == "赵敏"


def test_a_stuck_order_gets_its_second_packer(db, packers, printed, context, tmp_path):
    first, second = packers
    _stuck(db, first, printed)
    assert bench.bench_view(db, printed).needs_second_packer
    with pytest.raises(Conflict, match="different person"):
        bench.sign_second_checker(db, first, LI, printed)
    assert bench.bench_view(db, printed).needs_second_packer
    view = bench.sign_second_checker(db, first, ZHAO, printed)
    assert not view.needs_second_packer and view.signatures["second_checker"] == "赵敏"
    assert len(_audit(db, "bench.second_checker")) == 1
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(db, first, printed, code)
    bench.seal_box(db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}", copy3_confirmed_by=ZHAO)
    assert bench.complete(db, first, printed).status == "checked"


def test_a_manager_resets_a_stuck_order_to_the_queue(db, packers, printed, manager):
    first, second = packers
    _stuck(db, first, printed)
    bench.tick(db, first, printed, "2*YJ1000")
    with pytest.raises(PermissionDenied):
        bench.reset_check(db, first, printed)
    bench.reset_check(db, manager, printed)
    view = bench.bench_view(db, printed)
    assert view.status == "printed" and view.signatures == {} and view.boxes == () and view.done_units == 0
    with db.transaction() as s:  # nothing deleted: the tick undone, the box set aside
        assert s.scalar(select(func.count()).select_from(TickEvent).where(TickEvent.undone_at.is_(None))) == 0
        assert s.scalar(select(func.count()).select_from(Box).where(Box.discarded_at.is_(None))) == 0
    assert _audit(db, "bench.reset_check") == [{"signatures": {"checker": "李强"}, "ticked": {"YJ1000": 2}}]
    # back in the queue: the next check starts afresh, this time with two packers
    view = bench.start_check(db, first, printed, "absent", ZHAO)
    assert view.open_box.number == 1 and view.lines[0].ticked == 0


def test_reset_refuses_once_paper_is_out(db, packers, printed, manager):
    first, _ = packers
    with pytest.raises(InvalidTransition):
        bench.reset_check(db, manager, printed)  # only printed: nothing to reset
    _stuck(db, first, printed)
    bench.cross_out(db, first, printed, 2, 1, "unwanted")  # a return slip exists now
    with pytest.raises(Conflict, match="cannot go back"):
        bench.reset_check(db, manager, printed)
    assert bench.bench_view(db, printed).status == "checking"


def test_sign_and_complete_is_one_transaction(db, packers, printed, context, tmp_path):
    first, _ = packers
    bench.start_check(db, first, printed, "present")
    bench.tick(db, first, printed, "3*YJ1000")
    with pytest.raises(Conflict, match="not finished"):
        bench.complete(db, first, printed, signed_on_paper=True)
    assert "customer" not in bench.bench_view(db, printed).signatures  # the refusal left no signature
    bench.tick(db, first, printed, "2*BD2000")
    bench.tick(db, first, printed, "XL5000")
    bench.seal_box(db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}")
    done = bench.complete(db, first, printed, signature_png=b"\x89PNG fake")
    assert done.status == "checked" and done.signatures["customer"] == "张三"


def test_copy3_in_box_is_asked_only_of_the_last_box(db, packers, printed, context, tmp_path):
    first, second = packers
    labels = f"file://{tmp_path / 'l.bin'}"
    bench.start_check(db, first, printed, "absent", ZHAO)
    bench.tick(db, first, printed, "3*YJ1000")
    bench.seal_box(db, first, context, printed, 1, labels)  # units left: not the last box
    bench.open_box(db, first, printed)
    bench.tick(db, first, printed, "2*BD2000")
    bench.seal_box(db, first, context, printed, 2, labels)
    bench.open_box(db, first, printed)
    bench.tick(db, first, printed, "XL5000")
    assert "copy3_in_box" in bench.bench_view(db, printed).problems
    with pytest.raises(bench.Copy3NotConfirmed):
        bench.seal_box(db, first, context, printed, 3, labels)
    view = bench.seal_box(db, second, context, printed, 3, labels, copy3_confirmed_by=LI)  # either may seal
    assert view.problems == () and bench.complete(db, first, printed).status == "checked"
    assert _audit(db, "bench.copy3_in_box") == [{"box": 3, "confirmed_by": ["李强", "赵敏"], "approved_by": "2001"}]


def test_copy3_confirmed_at_completion_when_the_last_units_were_crossed_out(
    db, packers, printed, context, tmp_path, manager
):
    first, second = packers
    bench.start_check(db, first, printed, "absent", ZHAO)
    bench.tick(db, first, printed, "3*YJ1000")
    bench.tick(db, first, printed, "2*BD2000")
    bench.seal_box(db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}")  # the necklace still to do
    slip = bench.cross_out(db, first, printed, 3, 1, "unwanted").open_returns[0]
    returns.sign(db, first, slip, "handler", signer=approval_of(first))
    returns.sign(db, first, slip, "customer", method="paper")
    returns.sign(db, first, slip, "manager", signer=approval_of(manager))
    assert bench.bench_view(db, printed).problems == ("copy3_in_box",)
    with pytest.raises(Conflict, match="not finished"):
        bench.complete(db, first, printed)
    done = bench.complete(db, first, printed, copy3_confirmed_by=ZHAO)
    assert done.status == "checked" and _audit(db, "bench.copy3_in_box")[0]["box"] == 1
