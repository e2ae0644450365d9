"""A transaction that fails at commit, after everything in it has run: what a serialization failure
at COMMIT on PostgreSQL, or a full disk on SQLite, does to an act. Read-only transactions (nothing
flushed) commit as usual, so only the act that wrote something fails."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pos.services.audit_anchors import appended

_WROTE = "tests.wrote"


def _flushed(session, _context) -> None:
    session.info[_WROTE] = True


def wrote(session) -> bool:
    """Whether the session's open transaction wrote: through the ORM (flushed), or in Core
    statements of its own, as a scan or a tick does, which append to the audit log as every act."""
    return bool(session.info.get(_WROTE) or session.new or session.dirty or session.deleted) or appended(session)


def _refuse(session) -> None:
    written = wrote(session)
    session.info.pop(_WROTE, None)
    if written:
        raise OperationalError("COMMIT", {}, Exception("could not serialize access (test)"))


@pytest.fixture
def failing_commits():
    """While active, every transaction that wrote something fails at commit."""
    event.listen(Session, "after_flush", _flushed)
    event.listen(Session, "before_commit", _refuse)
    yield
    event.remove(Session, "before_commit", _refuse)
    event.remove(Session, "after_flush", _flushed)
