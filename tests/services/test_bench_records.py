"""The bench's records only grow: an emptied box is set aside rather than deleted (so an order
whose box an undo emptied can still finish), a signature given again supersedes the earlier one,
and a check sent back to the queue keeps its ticks, boxes and signatures on record."""

import json

from sqlalchemy import select, update

from pos.db.models import AuditEvent, Box, Order, Signature, TickEvent
from pos.services import bench, returns
from pos.services.staff import Approval
from tests.conftest import approval_of
from tests.services.test_bench import context, printed  # noqa: F401 - fixtures


def _audit(db, action):
    with db.transaction() as s:
        return [json.loads(e.detail) for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def test_an_order_whose_box_an_undo_emptied_can_still_finish(db, packers, printed, context, tmp_path, cashier, manager):
    """Finding 13: the necklace is ticked into box 2, the tick undone (box 2 empty), the necklace
    crossed out. Completing used to delete box 2 under the undone tick (IntegrityError every
    time), and a new box could not be opened while box 2 stood open and empty."""
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    bench.tick(db, packer, printed, "3*YJ1000")
    bench.tick(db, packer, printed, "2*BD2000")
    bench.open_box(db, packer, printed)
    bench.tick(db, packer, printed, "XL5000")
    view = bench.undo_last_tick(db, packer, printed)
    assert [b.count for b in view.boxes] == [5, 0]
    view = bench.cross_out(db, packer, printed, 3, 1, "unwanted")
    slip = view.open_returns[0]
    returns.sign(db, cashier, slip, "handler", signer=approval_of(cashier))
    returns.sign(db, cashier, slip, "customer", method="paper")
    returns.sign(db, cashier, slip, "manager", signer=approval_of(manager))
    bench.seal_box(db, packer, context, printed, 1, f"file://{tmp_path / 'l.bin'}")
    view = bench.complete(db, packer, printed, signed_on_paper=True)
    assert view.status == "checked" and [(b.number, b.count) for b in view.boxes] == [(1, 5)]
    with db.transaction() as s:
        box2 = s.scalar(select(Box).where(Box.number == 2))
        assert box2.discarded_at is not None  # kept, set aside: the undone tick still names it
        assert s.scalar(select(TickEvent.box_id).where(TickEvent.undone_at.is_not(None))) == box2.id


def test_signing_again_supersedes_the_earlier_signature_and_both_are_audited(db, packers, printed):
    packer = packers[0]
    bench.start_check(db, packer, printed, "present")
    bench.sign_customer(db, packer, printed, image_png=b"\x89PNG first")
    view = bench.sign_customer(db, packer, printed, on_paper=True)
    assert view.signatures["customer"] == "张三"
    with db.transaction() as s:
        rows = s.scalars(select(Signature).where(Signature.role == "customer").order_by(Signature.id)).all()
        assert [(r.method, r.superseded_at is None) for r in rows] == [("pad", False), ("paper", True)]
        assert rows[0].superseded_by_id == rows[1].id and rows[0].image_png == b"\x89PNG first"
    assert [e["method"] for e in _audit(db, "bench.customer_signed")] == ["pad", "paper"]
    assert _audit(db, "signature.superseded") == [{"role": "customer", "signature": rows[0].id, "by": rows[1].id}]


def test_a_check_sent_back_to_the_queue_keeps_its_records(db, packers, printed, manager):
    first, second = packers
    bench.start_check(db, first, printed, "present")
    with db.transaction() as s:
        s.execute(update(Order).where(Order.number == printed).values(customer_mode="absent"))
    bench.tick(db, first, printed, "2*YJ1000")
    bench.reset_check(db, manager, printed)
    view = bench.bench_view(db, printed)
    assert view.status == "printed" and view.signatures == {} and view.boxes == () and view.done_units == 0
    with db.transaction() as s:
        ticks = s.scalars(select(TickEvent)).all()
        assert [(t.quantity, t.undone_by_id) for t in ticks] == [(2, manager.id)]
        assert [b.discarded_at is not None for b in s.scalars(select(Box))] == [True]
        assert [(g.role, g.superseded_at is not None) for g in s.scalars(select(Signature))] == [("checker", True)]
    assert _audit(db, "signature.superseded") == [{"roles": ["checker"], "reason": "reset_check"}]
    view = bench.start_check(
        db, first, printed, "absent", Approval("2002", "2323")
    )  # afresh: box 1 again, nothing ticked
    assert view.open_box.number == 1 and view.lines[0].ticked == 0
    assert view.signatures == {"checker": "李强", "second_checker": "赵敏"}
