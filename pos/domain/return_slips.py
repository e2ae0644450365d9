"""The return slip's (退货单) life cycle.

    draft ─┐
           ├──add_lines / sign──▶ awaiting_signatures ──complete (the third signature)──▶ complete
           └───────────────────────────┴──void (a manager, with a reason)──────────────▶ void

A slip is started with its first lines and waits for the handler, the customer and a manager;
it takes effect (stock, money, settlement) only on `complete`. 'draft' is an open slip without
signatures yet that no act of this version leaves behind (a slip is stored awaiting signatures);
it is kept so rows written by earlier releases stay valid, and is treated as open.
A complete or void slip never changes again.
"""

from __future__ import annotations

from enum import StrEnum

from pos.domain.errors import InvalidTransition


class ReturnSlipStatus(StrEnum):
    DRAFT = "draft"
    AWAITING_SIGNATURES = "awaiting_signatures"  # 待签字
    COMPLETE = "complete"  # 三方签字完毕: in effect
    VOID = "void"  # 作废: set aside, never in effect


OPEN = frozenset({ReturnSlipStatus.DRAFT, ReturnSlipStatus.AWAITING_SIGNATURES})
NEW = ReturnSlipStatus.AWAITING_SIGNATURES  # what a slip is stored as when it is started

_TRANSITIONS: dict[str, tuple[frozenset[ReturnSlipStatus], ReturnSlipStatus]] = {
    "add_lines": (OPEN, ReturnSlipStatus.AWAITING_SIGNATURES),
    "sign": (OPEN, ReturnSlipStatus.AWAITING_SIGNATURES),  # one signature short of three
    "complete": (OPEN, ReturnSlipStatus.COMPLETE),
    "void": (OPEN, ReturnSlipStatus.VOID),
}
ACTIONS = tuple(_TRANSITIONS)


def transition(status: ReturnSlipStatus | str, action: str) -> ReturnSlipStatus:
    """The state after `action` (a name from ACTIONS), or InvalidTransition."""
    current = ReturnSlipStatus(status)
    allowed_from, target = _TRANSITIONS[action]
    if current not in allowed_from:
        raise InvalidTransition("A return slip that is {status} cannot change that way.", status=current.value)
    return target
