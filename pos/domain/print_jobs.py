"""The print job's life cycle in the durable spooler: stored first, then sent.

    pending ──claim──▶ sending ──sent──▶ done
      ▲  │                │ ──postpone──▶ pending  (nothing reached the paper: try again later)
      │  │                │ ──fail──────▶ failed   (part of it may be on paper: a person decides)
      │  │                └─ interrupted ─▶ failed (the station stopped mid-send)
      │  └──cancel (manager)──▶ cancelled ◀──cancel── failed
      └────────────retry / redirect─────────────────── failed (and pending: send now)

A done or cancelled job never changes again: nothing prints twice once acknowledged.
"""

from __future__ import annotations

from enum import StrEnum

from pos.domain.errors import InvalidTransition


class PrintJobStatus(StrEnum):
    PENDING = "pending"  # stored, waiting for its turn (or for next_attempt_at)
    SENDING = "sending"  # claimed by a spooler, bytes on their way
    DONE = "done"  # the printer took it
    FAILED = "failed"  # stopped part-way or interrupted: a person looks before it is sent again
    CANCELLED = "cancelled"  # a manager decided it will not print


OPEN = frozenset({PrintJobStatus.PENDING, PrintJobStatus.SENDING, PrintJobStatus.FAILED})  # in the queue

_TRANSITIONS: dict[str, tuple[frozenset[PrintJobStatus], PrintJobStatus]] = {
    "claim": (frozenset({PrintJobStatus.PENDING}), PrintJobStatus.SENDING),
    "sent": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.DONE),
    "postpone": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.PENDING),
    "fail": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.FAILED),
    "interrupted": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.FAILED),
    "retry": (frozenset({PrintJobStatus.PENDING, PrintJobStatus.FAILED}), PrintJobStatus.PENDING),
    "redirect": (frozenset({PrintJobStatus.PENDING, PrintJobStatus.FAILED}), PrintJobStatus.PENDING),
    "cancel": (frozenset({PrintJobStatus.PENDING, PrintJobStatus.FAILED}), PrintJobStatus.CANCELLED),
}
ACTIONS = tuple(_TRANSITIONS)


def sources(action: str) -> frozenset[PrintJobStatus]:
    """The states `action` may be taken from: the spooler's atomic UPDATEs match on them."""
    return _TRANSITIONS[action][0]


def target(action: str) -> PrintJobStatus:
    return _TRANSITIONS[action][1]


def transition(status: PrintJobStatus | str, action: str) -> PrintJobStatus:
    """The state after `action` (a name from ACTIONS), or InvalidTransition."""
    current = PrintJobStatus(status)
    if current not in sources(action):
        raise InvalidTransition("A print job that is {status} cannot change that way.", status=current.value)
    return target(action)
