import threading

from sqlalchemy import delete, select, update

from pos.db.database import Database
from pos.db.models import AuditEvent
from pos.services import audit


def _append(db, n, actor=None):
    for i in range(n):
        with db.transaction() as s:
            audit.record(
                s, actor_id=actor, action="test.event", entity="thing", entity_id=i, detail={"i": i, "名": "张三"}
            )


def test_chain_of_service_writes_verifies(db, cashier):
    _append(db, 5, cashier.id)
    report = audit.verify(db)
    assert report.ok and report.checked == 7  # two staff.add entries from the fixtures


def test_altered_row_is_reported(db):
    _append(db, 5)
    with db.transaction() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(detail='{"i":99}'))
    report = audit.verify(db)
    assert not report.ok and report.broken_at == 3


def test_removed_row_is_reported(db):
    _append(db, 5)
    with db.transaction() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 2))
    report = audit.verify(db)
    assert not report.ok and report.broken_at == 2


def test_removed_newest_row_is_reported(db):
    _append(db, 5)
    with db.transaction() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 5))
    report = audit.verify(db)
    assert not report.ok and report.broken_at == 5


def test_rolled_back_change_leaves_no_entry(db):
    _append(db, 2)
    try:
        with db.transaction() as s:
            audit.record(s, actor_id=None, action="test.event", entity="thing", entity_id="x")
            raise RuntimeError
    except RuntimeError:
        pass
    _append(db, 1)
    report = audit.verify(db)
    assert report.ok and report.checked == 3


def test_stations_appending_at_once_keep_one_unbroken_chain(db):
    def station():
        own = Database(db.url)
        try:
            _append(own, 20)
        finally:
            own.dispose()

    threads = [threading.Thread(target=station) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report = audit.verify(db)
    assert report.ok and report.checked == 60
    with db.transaction() as s:
        assert s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all() == list(range(1, 61))
