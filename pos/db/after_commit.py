"""Side effects that belong to a transaction but must not happen inside it.

A file written while the transaction is still open holds SQLite's write lock for as long as the
rendering takes, and stays behind as an orphan when the transaction then rolls back (a refusal after
the write, a serialization failure at commit on PostgreSQL). So a service registers such work with
`after_commit(session, ...)` and it runs only once the session's outermost transaction has
committed; a rollback drops it unrun.

The mirror, `after_rollback`, is for what a refusal must still leave behind in a transaction of
its own: a wrong PIN given as an approval refuses the act, yet still counts towards the lockout.

The act is already stored when after-commit work runs, so a failure here must not undo or hide it: each
action's exception is logged and given to `on_error`, and the remaining actions still run."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

_KEY = "pos.after_commit"
_ROLLBACK_KEY = "pos.after_rollback"
_LISTENING = "pos.after_commit.listening"

Action = Callable[[], None]


def after_commit(
    session: Session, action: Action, *, what: str, on_error: Callable[[BaseException], None] | None = None
) -> None:
    """Run `action` once `session` commits its outermost transaction; never if it rolls back.
    `what` names the work in the log when it fails."""
    _listen(session)
    session.info.setdefault(_KEY, []).append((what, action, on_error))


def after_rollback(session: Session, action: Action, *, what: str) -> None:
    """Run `action` once `session`'s outermost transaction has rolled back; never if it commits.
    The action opens a transaction of its own; its failure is logged."""
    _listen(session)
    session.info.setdefault(_ROLLBACK_KEY, []).append((what, action, None))


def _listen(session: Session) -> None:
    if not session.info.get(_LISTENING):
        session.info[_LISTENING] = True
        event.listen(session, "after_commit", _run)
        event.listen(session, "after_rollback", _drop)


def _run(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # a savepoint was released: the outer transaction may still roll back
    session.info.pop(_ROLLBACK_KEY, None)
    _each(session.info.pop(_KEY, None) or [], "after commit")


def _each(pending: list[tuple[str, Action, Callable[[BaseException], None] | None]], when: str) -> None:
    for what, action, on_error in pending:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - the act is committed; report, never undo it
            log.exception("%s: %s failed", when, what)
            if on_error is not None:
                try:
                    on_error(exc)
                except Exception:  # noqa: BLE001 - nor may the report of it
                    log.exception("%s: reporting %s failed", when, what)


def _drop(session: Session) -> None:
    if session.get_nested_transaction() is None:
        session.info.pop(_KEY, None)
        _each(session.info.pop(_ROLLBACK_KEY, None) or [], "after rollback")
