"""Tampering with the audit log or the money rows is named by `pos audit verify`, however it is done.

Each case is what someone with write access to the database could do: edit, delete, reorder or
insert entries, rewrite the whole chain with the right hashes (they have the code), cut the tail
and move the head back, wipe the log, or leave the log alone and edit payments and lines.
"""

import json

import pytest
from sqlalchemy import select, text, update

from pos.db.models import AuditEvent, AuditHead, Order, OrderLine, Payment
from pos.domain.audit import GENESIS_HASH, AuditRecord, entry_hash
from pos.domain.errors import PermissionDenied
from pos.domain.settlement import Tender
from pos.services import audit_anchors, audit_check, audit_export, counter, customers, orders
from pos.services.printing import PrintContext
from tests.conftest import add_products

CTX = PrintContext(station="结算台1")


@pytest.fixture
def sold(db, cashier, tmp_path):
    """Two settled sales and the entries they made; the number of the first."""
    add_products(db, "YJ1000", "BD2000")
    shop = customers.create_customer(
        db, cashier, name="张三", phone="13800138000", address="义乌", customer_type="wholesale"
    )
    numbers = []
    for scans in (["2*YJ1000", "BD2000"], ["YJ1000"]):
        number = orders.open_order(db, cashier, shop.number)
        for scan in scans:
            orders.add_scan(db, cashier, number, scan)
        due = counter.amount_due(db, number).total
        counter.settle(
            db,
            cashier,
            CTX,
            number,
            [Tender("cash", due, due)],
            printer_uri=f"file://{tmp_path / 'r.bin'}",
            no_packing=True,
        )
        numbers.append(number)
    return numbers[0]


def _problems(db):
    findings = audit_check.check(db)
    return findings.problems


def _events(session):
    return session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()


def test_an_untouched_log_is_intact_with_its_anchors_and_orders(db, sold):
    findings = audit_check.check(db)
    assert findings.ok, findings.problems
    assert findings.anchors > 0 and findings.orders == 2


def test_an_edited_entry_is_named(db, sold):
    with db.transaction() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(detail='{"edited":true}'))
    assert any(p.startswith("entry 3: entry content does not match its hash") for p in _problems(db))


def test_a_deleted_entry_is_named(db, sold):
    with db.transaction() as s:
        s.execute(AuditEvent.__table__.delete().where(AuditEvent.seq == 4))
    assert any(p.startswith("entry 4: entry 4 is missing") for p in _problems(db))


def test_two_entries_swapped_are_named(db, sold):
    with db.transaction() as s:
        a, b = (s.get(AuditEvent, n) for n in (3, 4))
        fields = ("action", "entity", "entity_id", "detail", "at", "actor_id")
        va, vb = ({f: getattr(a, f) for f in fields}, {f: getattr(b, f) for f in fields})
        for f in fields:
            setattr(a, f, vb[f])
            setattr(b, f, va[f])
    assert any(p.startswith("entry 3:") for p in _problems(db))


def test_an_inserted_entry_is_named(db, sold):
    with db.transaction() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq > 2).values(seq=AuditEvent.seq + 1000))
        s.execute(update(AuditEvent).where(AuditEvent.seq > 1000).values(seq=AuditEvent.seq - 999))
        s.execute(update(AuditEvent).where(AuditEvent.seq == 4).values(prev_hash="y" * 64))
        second = s.get(AuditEvent, 2)
        forged = AuditRecord(3, second.at, second.actor_id, "order.void", "order", "S1", {}, second.hash)
        s.add(
            AuditEvent(
                seq=3,
                at=forged.at,
                actor_id=forged.actor_id,
                action=forged.action,
                entity=forged.entity,
                entity_id=forged.entity_id,
                detail="{}",
                prev_hash=forged.prev_hash,
                hash=entry_hash(forged),
            )
        )
    assert any(p.startswith("entry 4: previous-hash link does not match") for p in _problems(db))


def _rehash(session, until: int | None = None):
    """What a tamperer with the code does: recompute every hash after their edit, and the head."""
    prev = GENESIS_HASH
    events = [e for e in _events(session) if until is None or e.seq <= until]
    for event in events:
        rec = AuditRecord(
            event.seq,
            event.at,
            event.actor_id,
            event.action,
            event.entity,
            event.entity_id,
            json.loads(event.detail),
            prev,
        )
        event.prev_hash, event.hash = prev, entry_hash(rec)
        prev = event.hash
    session.flush()
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=len(events), hash=prev))


def test_a_rewritten_chain_with_correct_hashes_is_caught_by_its_anchors(db, sold):
    with db.transaction() as s:
        settle = s.scalar(select(AuditEvent).where(AuditEvent.action == "order.settle").order_by(AuditEvent.seq))
        detail = json.loads(settle.detail)
        detail["payments"] = [["cash", 1, 1]]
        settle.detail = json.dumps(detail, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        s.flush()
        # a unique prev_hash per entry: free it before rewriting
        s.execute(update(AuditEvent).values(prev_hash=text("'x' || seq")))
        _rehash(s)
    problems = _problems(db)
    # the rewritten chain holds together; only the anchors written before show the rewrite
    assert not any("does not match" in p or "is missing" in p for p in problems)
    assert any("differs from its anchor" in p and "rewritten" in p for p in problems)


def test_a_cut_tail_with_the_head_moved_back_is_caught(db, sold):
    with db.transaction() as s:
        last = max(e.seq for e in _events(s))
        s.execute(AuditEvent.__table__.delete().where(AuditEvent.seq > last - 3))
        tail = s.get(AuditEvent, last - 3)
        s.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=last - 3, hash=tail.hash))
    problems = _problems(db)
    assert any(f"entry {last}" in p and "entries were removed" in p for p in problems)


def test_a_wiped_log_is_caught(db, sold):
    with db.transaction() as s:
        s.execute(AuditEvent.__table__.delete())
        s.execute(AuditHead.__table__.delete())
    problems = _problems(db)
    assert any("the log ends at entry 0: entries were removed" in p for p in problems)


def test_an_edited_payment_is_named_with_its_order(db, sold):
    with db.transaction() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == sold))
        s.execute(update(Payment).where(Payment.order_id == order_id).values(amount_fen=Payment.amount_fen - 100))
    assert any(p.startswith(f"order {sold}: payments") and "differ" in p for p in _problems(db))


def test_a_deleted_payment_is_named_with_its_order(db, sold):
    with db.transaction() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == sold))
        s.execute(Payment.__table__.delete().where(Payment.order_id == order_id))
    assert any(p.startswith(f"order {sold}: payments (none) differ") for p in _problems(db))


@pytest.mark.parametrize("change", [{"quantity": 5}, {"unit_price_fen": 1}])
def test_an_edited_line_is_named_with_its_order(db, sold, change):
    with db.transaction() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == sold))
        s.execute(update(OrderLine).where(OrderLine.order_id == order_id, OrderLine.position == 1).values(**change))
    assert f"order {sold}: its lines differ from those recorded when it was settled" in _problems(db)


def test_anchors_typed_from_a_day_end_report_are_checked(db, sold, tmp_path):
    with db.transaction() as s:
        head = s.get(AuditHead, 1)
        paper = tmp_path / "paper.txt"
        paper.write_text(f"{head.seq} {head.hash}\n")
        s.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=head.seq))
    assert audit_check.check(db, paper).ok
    paper.write_text(f"{head.seq} {'0' * 64}\n")
    assert any("differs from its anchor paper.txt:1" in p for p in audit_check.check(db, paper).problems)


def test_each_commit_that_appends_entries_anchors_the_head(db, sold):
    anchors = audit_anchors.read_anchors(audit_anchors.anchor_path(db.url))
    with db.transaction() as s:
        head = s.get(AuditHead, 1)
    assert anchors[-1].seq == head.seq and anchors[-1].hash == head.hash
    assert (audit_anchors.anchor_path(db.url).stat().st_mode & 0o777) == 0o600


def test_only_managers_and_admins_export_the_journal(db, cashier, manager, tmp_path):
    with pytest.raises(PermissionDenied):
        audit_export.export_csv(db, cashier, tmp_path / "j.csv")
    assert audit_export.export_csv(db, manager, tmp_path / "j.csv") >= 2
