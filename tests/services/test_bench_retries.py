"""Issue 10 Deliver 2 at the bench: every committing bench act takes a command id, and a retry with
it (after a lost reply) is stored once: not done twice, and not refused because the first attempt
already changed what the act checks."""

import pytest
from sqlalchemy import func, select, update

from pos.db.models import AuditEvent, Box, Order, OrderLine, PrintJob, Signature, TickEvent
from pos.services import bench
from pos.services.staff import Approval
from tests.services.test_bench import context, printed  # noqa: F401 - fixtures

ZHAO = Approval("2002", "2323")
MANAGER = Approval("3001", "3333")
CASHIER = Approval("1001", "1111")


def _count(db, model, *where):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _audited(db, action):
    return _count(db, AuditEvent, AuditEvent.action == action)


def _twice(call):
    first, again = call(), call()
    assert first == again
    return again


def _all_ticked(db, packer, number):
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(db, packer, number, code)


def test_start_check_retried_starts_once(db, packers, printed):
    view = _twice(lambda: bench.start_check(db, packers[0], printed, "absent", ZHAO, command_id="st-1"))
    assert view.signatures == {"checker": "李强", "second_checker": "赵敏"}
    assert _audited(db, "bench.start_check") == 1 and _audited(db, "staff.approval") == 1


def test_cross_out_retried_crosses_out_once(db, packers, printed):
    bench.start_check(db, packers[0], printed, "present")
    view = _twice(lambda: bench.cross_out(db, packers[0], printed, 1, 1, "unwanted", command_id="x-1"))
    assert view.lines[0].crossed == 1 and _audited(db, "bench.cross_out") == 1
    with db.transaction() as s:
        assert s.scalar(select(OrderLine.crossed).where(OrderLine.position == 1)) == 1


def test_undo_retried_undoes_one_tick(db, packers, printed):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    bench.tick(db, packer, printed, "YJ1000")
    bench.tick(db, packer, printed, "YJ1000")
    view = _twice(lambda: bench.undo_last_tick(db, packer, printed, command_id="u-1"))
    assert view.lines[0].ticked == 1
    assert _count(db, TickEvent, TickEvent.undone_at.is_not(None)) == 1


def test_an_approved_undo_retried_undoes_one_tick(db, packers, printed, manager):
    first, second = packers
    bench.start_check(db, first, printed, "present")
    bench.tick(db, first, printed, "YJ1000")
    bench.tick(db, second, printed, "BD2000")
    bench.tick(db, second, printed, "BD2000")
    bench.undo_last_tick(db, second, printed)
    view = _twice(lambda: bench.undo_last_tick(db, first, printed, manager=MANAGER, command_id="u-2"))
    assert [ln.ticked for ln in view.lines] == [1, 0, 0]
    assert _count(db, TickEvent, TickEvent.undone_at.is_not(None)) == 2 and _audited(db, "staff.approval") == 1


def test_seal_retried_seals_once_and_prints_one_label(db, packers, printed, context, tmp_path):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    _all_ticked(db, packer, printed)
    labels = f"file://{tmp_path / 'l.bin'}"
    view = _twice(lambda: bench.seal_box(db, packer, context, printed, 1, labels, command_id="s-1"))
    assert view.boxes[0].sealed and _audited(db, "bench.seal_box") == 1
    assert _count(db, PrintJob, PrintJob.kind == "box-label") == 1


def test_seal_with_copy3_retried_is_confirmed_once(db, packers, printed, context, tmp_path):
    first, _ = packers
    bench.start_check(db, first, printed, "absent", ZHAO)
    _all_ticked(db, first, printed)
    labels = f"file://{tmp_path / 'l.bin'}"
    _twice(lambda: bench.seal_box(db, first, context, printed, 1, labels, copy3_confirmed_by=ZHAO, command_id="s-2"))
    assert _audited(db, "bench.copy3_in_box") == 1 and _audited(db, "bench.seal_box") == 1


def test_open_box_retried_opens_one_box(db, packers, printed):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    bench.tick(db, packer, printed, "YJ1000")
    view = _twice(lambda: bench.open_box(db, packer, printed, command_id="b-1"))
    assert [b.number for b in view.boxes] == [1, 2] and _count(db, Box) == 2


def test_move_item_retried_moves_once(db, packers, printed):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    bench.tick(db, packer, printed, "3*YJ1000")
    bench.open_box(db, packer, printed)
    bench.tick(db, packer, printed, "BD2000")
    view = _twice(lambda: bench.move_item(db, packer, printed, 1, 1, 2, command_id="m-1"))
    assert [b.count for b in view.boxes] == [2, 2] and _audited(db, "bench.move_item") == 1


def test_reset_retried_is_not_refused(db, packers, printed, manager):
    bench.start_check(db, packers[0], printed, "present")
    with db.transaction() as s:
        s.execute(update(Order).where(Order.number == printed).values(customer_mode="absent"))
    for _ in range(2):  # the second would be refused: the order is back in the queue
        bench.reset_check(db, packers[0], printed, manager=MANAGER, command_id="r-1")
    assert bench.bench_view(db, printed).status == "printed" and _audited(db, "bench.reset_check") == 1


def test_sign_second_checker_retried_is_not_refused(db, packers, printed):
    bench.start_check(db, packers[0], printed, "present")
    with db.transaction() as s:
        s.execute(update(Order).where(Order.number == printed).values(customer_mode="absent"))
    view = _twice(lambda: bench.sign_second_checker(db, packers[0], ZHAO, printed, command_id="2-1"))
    assert view.signatures["second_checker"] == "赵敏" and _audited(db, "bench.second_checker") == 1


def test_names_retried_are_recorded_once(db, packers, printed, cashier):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    _twice(lambda: bench.confirm_name(db, packer, printed, command_id="n-1"))
    view = _twice(lambda: bench.correct_name(db, packer, printed, "张叁", cashier=CASHIER, command_id="n-2"))
    assert view.customer_name == "张叁"
    assert _audited(db, "bench.confirm_name") == 1 and _audited(db, "customer.correct_name") == 1


def test_sign_customer_retried_signs_once(db, packers, printed):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    _twice(lambda: bench.sign_customer(db, packer, printed, on_paper=True, command_id="c-1"))
    assert _count(db, Signature, Signature.role == "customer") == 1


@pytest.mark.parametrize("signed", [False, True])
def test_complete_retried_is_not_refused(db, packers, printed, context, tmp_path, signed):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    _all_ticked(db, packer, printed)
    bench.seal_box(db, packer, context, printed, 1, f"file://{tmp_path / 'l.bin'}")
    if not signed:
        bench.sign_customer(db, packer, printed, on_paper=True)
    view = _twice(lambda: bench.complete(db, packer, printed, signed_on_paper=signed, command_id="done-1"))
    assert view.status == "checked" and _audited(db, "bench.complete") == 1
    assert _count(db, Signature, Signature.role == "customer") == 1
