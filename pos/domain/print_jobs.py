"""The print job's life cycle in the durable spooler: stored first, then sent.

    pending ──claim──▶ sending ──sent──▶ done     (the printer confirmed every byte)
      ▲  │                │ ──handed──▶ sent      (a printer that cannot confirm took it)
      │  │                │ ──postpone──▶ pending  (nothing reached the paper: try again later)
      │  │                │ ──fail──────▶ failed   (held: part or all of it may be on paper, unconfirmed)
      │  │                └─ interrupted ─▶ failed (the station stopped mid-send)
      │  ├──cancel (manager)──▶ cancelled ◀──cancel── failed
      │  └──expire──▶ cancelled (a drawer opening not sent within seconds of being asked for)
      └────────────retry / redirect─────────────────── failed (and pending: send now)

A done, sent or cancelled job never changes again: nothing prints twice once acknowledged. A failed
(held) job waits for a person without holding up the printer's later jobs.
"""

from __future__ import annotations

from enum import StrEnum

from pos.domain.errors import InvalidTransition


class PrintJobStatus(StrEnum):
    PENDING = "pending"  # stored, waiting for its turn (or for next_attempt_at)
    SENDING = "sending"  # claimed by a spooler, bytes on their way
    DONE = "done"  # the printer confirmed it took every byte
    SENT = "sent"  # sent, unconfirmed: the printer is one that cannot say (status=none, CUPS)
    FAILED = "failed"  # stopped part-way or interrupted: a person looks before it is sent again
    CANCELLED = "cancelled"  # a manager decided it will not print


OPEN = frozenset({PrintJobStatus.PENDING, PrintJobStatus.SENDING, PrintJobStatus.FAILED})  # in the queue

_TRANSITIONS: dict[str, tuple[frozenset[PrintJobStatus], PrintJobStatus]] = {
    "claim": (frozenset({PrintJobStatus.PENDING}), PrintJobStatus.SENDING),
    "sent": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.DONE),
    "handed": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.SENT),
    "expire": (frozenset({PrintJobStatus.PENDING}), PrintJobStatus.CANCELLED),
    "postpone": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.PENDING),
    "fail": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.FAILED),
    "interrupted": (frozenset({PrintJobStatus.SENDING}), PrintJobStatus.FAILED),
    "retry": (frozenset({PrintJobStatus.PENDING, PrintJobStatus.FAILED}), PrintJobStatus.PENDING),
    "redirect": (frozenset({PrintJobStatus.PENDING, PrintJobStatus.FAILED}), PrintJobStatus.PENDING),
    "cancel": (frozenset({PrintJobStatus.PENDING, PrintJobStatus.FAILED}), PrintJobStatus.CANCELLED),
}
ACTIONS = tuple(_TRANSITIONS)
# jobs that hold up the printer's later jobs: copy 3 never goes out while copy 2 waits to be sent
IN_LINE = frozenset({PrintJobStatus.PENDING, PrintJobStatus.SENDING})


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


# What can be printed from the stored slips (the `pos print --kind` choices).
DOCUMENT_KINDS = ("sales-slip", "receipt", "return-slip", "box-label")
