"""Entries appended together are chained exactly like entries appended one by one."""

from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.services import audit


def test_entries_appended_at_once_chain_between_single_ones_and_verify(db, admin):
    with db.transaction() as s:
        audit.record(s, actor_id=admin.id, action="a.one", entity="x", entity_id=1, detail={"n": 1})
        audit.record_many(
            s, actor_id=admin.id, entries=[("a.many", "x", str(n), {"n": n, "名": "银"}) for n in range(2, 6)]
        )
        audit.record(s, actor_id=admin.id, action="a.last", entity="x", entity_id=6, detail={})
        audit.record_many(s, actor_id=admin.id, entries=[])
    report = audit.verify(db)
    assert report.ok, report.reason
    with db.transaction() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action.like("a.%")).order_by(AuditEvent.seq)).all()
    assert [e.action for e in events] == ["a.one"] + ["a.many"] * 4 + ["a.last"]
    assert [e.seq for e in events] == list(range(events[0].seq, events[0].seq + 6))


def test_a_first_batch_on_an_empty_log_starts_the_chain(db):
    with db.transaction() as s:
        s.execute(AuditEvent.__table__.delete())
        s.execute(audit.AuditHead.__table__.delete())
        audit.record_many(s, actor_id=None, entries=[("b.x", "y", "1", {}), ("b.x", "y", "2", {})])
    assert audit.verify(db).ok
