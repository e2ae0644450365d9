"""The sales order (销售单) life cycle: one state, one table of moves.

    open ──print_for_checking──▶ printed ──start_check──▶ checking ──complete_check──▶ checked ──settle──▶ settled
      │  ╲                         │  ▲                      │
      │   ╲                        │  └──────reset_check─────┘ (manager: back to the queue)
      │    ╲───────take_now (the customer takes it unpacked, pays at once)──────────────────────────▶ settled
      └──────────void──────────────┘

    a remote order (phone, video, website: pos.domain.remote), paid before it is packed:
    open ──send_notice──▶ awaiting_pay ──record_transfer──▶ printed ──▶ … ──complete_check──▶ checked ──settle──▶ settled
      ▲                     │  │                                              (at once: the money is in)
      └──────reopen─────────┘  └──void

The customer settles after the bench has checked everything with them (standard 4.6 "确认无误后进行
结帐", 5.1.F "注意客户是否买单"), or takes the goods now, unpacked, and pays for them at once
(take_now). Nothing else is paid: an order at the bench cannot be settled until it is checked.
Remote customers (chapters 8, 9) pay first: the payment notice freezes the lines, the recorded
transfer sends the order to the bench, and the check's completion settles it with the money that
came in.

A settled order is final: money comes back only through a return slip; a voided one never had any.
"""

from __future__ import annotations

from enum import StrEnum

from pos.domain.errors import InvalidTransition


class OrderStatus(StrEnum):
    OPEN = "open"  # 开单中: lines can change at the counter
    AWAITING_PAYMENT = "awaiting_pay"  # 待付款: a remote order's payment notice is out; lines frozen
    PRINTED = "printed"  # 已打印: slip printed, waiting in the bench queue; lines frozen
    CHECKING = "checking"  # 点货中: a packer has loaded it
    CHECKED = "checked"  # 已点货: every unit ticked or crossed, boxes sealed, signatures present
    SETTLED = "settled"  # 已结算: paid in full (after the check, or taken now unpacked)
    VOIDED = "voided"  # 已作废


_TRANSITIONS: dict[str, tuple[frozenset[OrderStatus], OrderStatus]] = {
    "print_for_checking": (frozenset({OrderStatus.OPEN}), OrderStatus.PRINTED),
    "start_check": (frozenset({OrderStatus.PRINTED}), OrderStatus.CHECKING),
    "complete_check": (frozenset({OrderStatus.CHECKING}), OrderStatus.CHECKED),
    "reset_check": (frozenset({OrderStatus.CHECKING}), OrderStatus.PRINTED),  # manager: back to the queue
    "settle": (frozenset({OrderStatus.CHECKED}), OrderStatus.SETTLED),
    "take_now": (frozenset({OrderStatus.OPEN}), OrderStatus.SETTLED),
    "void": (frozenset({OrderStatus.OPEN, OrderStatus.PRINTED, OrderStatus.AWAITING_PAYMENT}), OrderStatus.VOIDED),
    "send_notice": (frozenset({OrderStatus.OPEN}), OrderStatus.AWAITING_PAYMENT),
    "reopen": (frozenset({OrderStatus.AWAITING_PAYMENT}), OrderStatus.OPEN),  # before the money: change the lines
    "record_transfer": (frozenset({OrderStatus.AWAITING_PAYMENT}), OrderStatus.PRINTED),
}
ACTIONS = tuple(_TRANSITIONS)
_NEED_LINES = frozenset({"print_for_checking", "settle", "take_now", "send_notice", "record_transfer"})


def transition(status: OrderStatus | str, action: str, *, line_count: int = 0) -> OrderStatus:
    """The status after `action`, or InvalidTransition saying why it is not allowed: an action
    from a state not in its row, and printing or paying for an order with no lines."""
    current = OrderStatus(status)
    if action not in _TRANSITIONS:
        raise InvalidTransition("Unknown order action '{action}'.", action=action)
    allowed_from, target = _TRANSITIONS[action]
    if current not in allowed_from:
        raise InvalidTransition(
            "An order that is {status} cannot {action}.", status=current.value, action=action.replace("_", " ")
        )
    if action in _NEED_LINES and line_count == 0:
        raise InvalidTransition("An order with no lines cannot be printed or paid.", action=action)
    return target


def allowed(status: OrderStatus | str, action: str) -> bool:
    """Whether `action` may be taken from `status` (the guards on lines aside)."""
    return action in _TRANSITIONS and OrderStatus(status) in _TRANSITIONS[action][0]


def check_finished(status: OrderStatus | str) -> bool:
    """The bench is done with the order (checked, and maybe paid since): its boxes are final.
    An order taken now unpacked is settled too, with no boxes at all."""
    return OrderStatus(status) in (OrderStatus.CHECKED, OrderStatus.SETTLED)


def lines_editable(status: OrderStatus | str) -> bool:
    """Counter edits (add, remove, quantity, price) are allowed only before the slip is printed."""
    return OrderStatus(status) is OrderStatus.OPEN
