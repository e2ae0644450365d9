"""after_commit: work that must follow a commit runs only after the outermost commit, never after a
rollback, and a failure in it does not undo the committed act (issue 10, finding 10)."""

import pytest
from sqlalchemy import func, select

from pos.db.after_commit import after_commit
from pos.db.models import AuditEvent
from pos.services import audit


def _count(db):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def test_runs_after_the_commit_and_never_after_a_rollback(db):
    ran = []
    with db.transaction() as s:
        audit.record(s, actor_id=None, action="test.kept", entity="t", entity_id="1", at=db.now())
        after_commit(s, lambda: ran.append(_count(db)), what="count")  # sees the committed row
        assert ran == []
    assert ran == [1]
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            audit.record(s, actor_id=None, action="test.dropped", entity="t", entity_id="2", at=db.now())
            after_commit(s, lambda: ran.append("rolled back"), what="never")
            raise RuntimeError("refused")
    assert ran == [1] and _count(db) == 1


def test_a_savepoint_released_is_not_the_commit(db):
    ran = []
    with db.transaction() as s:
        with s.begin_nested():
            after_commit(s, lambda: ran.append("done"), what="inner")
        assert ran == []
    assert ran == ["done"]


def test_a_failing_action_is_reported_and_the_rest_still_run(db, caplog):
    ran, errors = [], []

    def broken():
        raise OSError("disk full")

    with db.transaction() as s:
        audit.record(s, actor_id=None, action="test.kept", entity="t", entity_id="1", at=db.now())
        after_commit(s, broken, what="archive copy", on_error=errors.append)
        after_commit(s, lambda: ran.append("second"), what="second")
    assert ran == ["second"] and [str(e) for e in errors] == ["disk full"]
    assert "archive copy failed" in caplog.text
    assert _count(db) == 1
