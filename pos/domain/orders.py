"""The sales order (销售单) state machine.

    open ──print_for_checking──▶ printed ──start_check──▶ checking ──complete_check──▶ checked
      │                            │  ▲                      │
      │                            │  └──────reopen_check────┘ (manager)
      └──────────void──────────────┘            (void: manager, unpaid only)

Payment is tracked apart from fulfilment: a customer who needs no packing settles an open order at
the counter, and a customer may pay before the bench finishes (注意客户是否买单). An order is done
when it is checked (or needs no packing) and paid in full.
"""

from __future__ import annotations

from enum import StrEnum

from pos.domain.errors import InvalidTransition


class OrderStatus(StrEnum):
    OPEN = "open"  # 开单中: lines can change at the counter
    PRINTED = "printed"  # 已打印: slip printed, waiting in the bench queue; lines frozen
    CHECKING = "checking"  # 点货中: a packer has loaded it
    CHECKED = "checked"  # 已点货: every unit ticked or crossed, boxes sealed, signatures present
    VOIDED = "voided"  # 已作废


_TRANSITIONS: dict[str, tuple[frozenset[OrderStatus], OrderStatus]] = {
    "print_for_checking": (frozenset({OrderStatus.OPEN}), OrderStatus.PRINTED),
    "start_check": (frozenset({OrderStatus.PRINTED}), OrderStatus.CHECKING),
    "complete_check": (frozenset({OrderStatus.CHECKING}), OrderStatus.CHECKED),
    "reset_check": (frozenset({OrderStatus.CHECKING}), OrderStatus.PRINTED),  # manager: back to the queue
    "reopen_check": (frozenset({OrderStatus.CHECKED}), OrderStatus.CHECKING),
    "void": (frozenset({OrderStatus.OPEN, OrderStatus.PRINTED}), OrderStatus.VOIDED),
}


def transition(status: OrderStatus | str, action: str, *, line_count: int = 0, paid: bool = False) -> OrderStatus:
    """The status after `action`, or InvalidTransition saying why it is not allowed."""
    current = OrderStatus(status)
    if action not in _TRANSITIONS:
        raise InvalidTransition("Unknown order action '{action}'.", action=action)
    allowed_from, target = _TRANSITIONS[action]
    if current not in allowed_from:
        raise InvalidTransition(
            "An order that is {status} cannot {action}.",
            status=current.value,
            action=action.replace("_", " "),
        )
    if action == "print_for_checking" and line_count == 0:
        raise InvalidTransition("An order with no lines cannot be printed.", action=action)
    if action == "void" and paid:
        raise InvalidTransition("A paid order cannot be voided; issue a return slip instead.", action=action)
    return target


def lines_editable(status: OrderStatus | str) -> bool:
    """Counter edits (add, remove, quantity, price) are allowed only before the slip is printed."""
    return OrderStatus(status) is OrderStatus.OPEN
