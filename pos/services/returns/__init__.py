"""Return slips (退货单): they take effect only when the handler (经手人), the customer (客户) and a
department manager (部门经理) have all signed, and the handler and the manager are different people.
Until then a slip changes nothing: not the money, not the settlement.

Callers use `returns.<act>`; the acts live in modules named for what they hold: slips (the slip
as shown, crossed units from the bench), signing (signatures, taking effect, setting aside),
rules (delivery, franchise allowance), create (a return at the counter) and lists."""

from pos.services.returns.create import LineRequest, create_return, returnable
from pos.services.returns.lists import PastOrder, SlipSummary, list_slips, past_orders, stock_movement
from pos.services.returns.rules import allowance, delivery
from pos.services.returns.signing import sign, void
from pos.services.returns.slips import (
    CROSSED_AT_BENCH,
    OPEN,
    REASONS,
    ROLES,
    ReturnInfo,
    ReturnRefused,
    add_crossed,
    for_order,
    get,
    info,
)

__all__ = [
    "CROSSED_AT_BENCH",
    "OPEN",
    "REASONS",
    "ROLES",
    "LineRequest",
    "PastOrder",
    "ReturnInfo",
    "ReturnRefused",
    "SlipSummary",
    "add_crossed",
    "allowance",
    "create_return",
    "delivery",
    "for_order",
    "get",
    "info",
    "list_slips",
    "past_orders",
    "returnable",
    "sign",
    "stock_movement",
    "void",
]
