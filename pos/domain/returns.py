"""The return rules of the service standard (chapter 11), as a pure decision.

- On the spot, before the customer leaves (crossed at the bench, or at the counter before
  settling): always possible.
- A wholesale customer who collected the goods personally cannot return afterwards.
- A remote (shipped) wholesale customer may exchange a wrong item.
- A defect, once confirmed, is exchanged, or refunded when there is no replacement: for anyone.
- A franchise customer may return up to the ratio in their contract, over the contract period.

A refusal names its reason; a manager may override it with a written reason (audited).
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.money import Money

ON_SITE = "on_site"
COLLECTED = "collected"
SHIPPED = "shipped"


@dataclass(frozen=True)
class Allowance:
    """A franchise customer's return allowance over the contract period (defects do not count):
    the contract's ratio of the net goods bought in the period (goods sold less goods returned,
    never payments: paying off an old balance buys nothing)."""

    ratio_permille: int
    purchases: Money  # net goods bought in the period
    used: Money  # returned in the period (not defects)
    has_contract: bool = True  # False: no contract dates on file, so no allowance at all

    @property
    def allowance(self) -> Money:
        return Money(self.purchases.fen * self.ratio_permille // 1000)

    @property
    def remaining(self) -> Money:
        return self.allowance - self.used


NO_ALLOWANCE = Allowance(0, Money(0), Money(0))


@dataclass(frozen=True)
class ReturnRequest:
    customer_type: str  # wholesale | franchise
    delivery: str  # on_site | collected | shipped
    reasons: frozenset[str]
    amount: Money
    allowance: Allowance = NO_ALLOWANCE  # franchise customers


def violations(request: ReturnRequest) -> list[str]:
    """Why the standard says no (empty: allowed). Codes: self_collected, shipped_not_wrong_item,
    franchise_no_contract, franchise_ratio."""
    if request.delivery == ON_SITE:
        return []
    found = []
    non_defect = request.reasons - {"defective"}
    if request.customer_type == "wholesale":
        if request.delivery == COLLECTED and non_defect:
            found.append("self_collected")
        elif request.delivery == SHIPPED and non_defect - {"wrong_item"}:
            found.append("shipped_not_wrong_item")
    elif request.customer_type == "franchise" and non_defect:
        if not request.allowance.has_contract:
            found.append("franchise_no_contract")
        elif request.amount > request.allowance.remaining:
            found.append("franchise_ratio")
    return found
