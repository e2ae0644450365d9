"""Settling an order: what is due, how it is paid, what change goes back.

Due = lines less crossed units, less signed return slips, plus the customer's previous balance,
plus a shipping fee. Payments may be mixed; only cash gives change, and cash handed over must
cover the cash part. "On account" (挂账) is for franchise customers with credit only."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.errors import InvalidInput
from pos.domain.money import Money

METHODS = ("cash", "bank", "wechat", "alipay", "account")


@dataclass(frozen=True)
class Due:
    lines: Money
    returns: Money = Money(0)
    previous_balance: Money = Money(0)
    shipping: Money = Money(0)

    @property
    def total(self) -> Money:
        return self.lines - self.returns + self.previous_balance + self.shipping


@dataclass(frozen=True)
class Tender:
    method: str
    amount: Money  # applied to the order
    tendered: Money = Money(0)  # cash handed over (cash only)


@dataclass(frozen=True)
class Settlement:
    due: Money
    tenders: tuple[Tender, ...]
    change: Money

    @property
    def cash_tendered(self) -> Money:
        return Money(sum(t.tendered.fen for t in self.tenders if t.method == "cash"))


def settle(due: Money, tenders: list[Tender], *, on_account_allowed: bool) -> Settlement:
    """Check the payments against what is due; refuses short payment, overpayment by anything but
    cash, and on-account payment for a customer without credit."""
    if not tenders:
        raise InvalidInput("Enter at least one payment.")
    if due.fen < 0:
        raise InvalidInput("The amount due is negative: refund it through a return slip.")
    change = Money(0)
    for tender in tenders:
        if tender.method not in METHODS:
            raise InvalidInput("Unknown payment method '{method}'.", method=tender.method)
        if tender.amount.fen < 0:
            raise InvalidInput("A payment cannot be negative.")
        if tender.method == "account" and not on_account_allowed:
            raise InvalidInput("Only franchise customers with credit may pay on account.")
        if tender.method == "cash":
            if tender.tendered < tender.amount:
                raise InvalidInput(
                    "Cash handed over ({tendered}) is less than the cash part ({amount}).",
                    tendered=tender.tendered.format(),
                    amount=tender.amount.format(),
                )
            change += tender.tendered - tender.amount
        elif tender.tendered:
            raise InvalidInput("Only cash is handed over and given change.")
    paid = Money(sum(t.amount.fen for t in tenders))
    if paid < due:
        raise InvalidInput(
            "Payments ({paid}) are less than the amount due ({due}).", paid=paid.format(), due=due.format()
        )
    if paid > due:
        raise InvalidInput(
            "Payments ({paid}) are more than the amount due ({due}).", paid=paid.format(), due=due.format()
        )
    return Settlement(due, tuple(tenders), change)


def cash_only(due: Money, tendered: Money) -> Settlement:
    """The everyday case: the whole amount in cash."""
    if tendered < due:
        raise InvalidInput(
            "The customer handed over {tendered}, less than the {due} due.",
            tendered=tendered.format(),
            due=due.format(),
        )
    return settle(due, [Tender("cash", due, tendered)], on_account_allowed=False)


def quick_notes(due: Money) -> list[Money]:
    """Tender buttons: exact, then the next round amounts people hand over (￥50, ￥100 ...)."""
    options = [due]
    for step in (1000, 5000, 10000):
        rounded = Money(-(-due.fen // step) * step)
        if rounded > due and rounded not in options:
            options.append(rounded)
    return options[:4]


LARGEST_NOTE = Money(10000)  # ￥100, the largest banknote in circulation


def implausible_cash(cash_due: Money, tendered: Money) -> bool:
    """Nobody hands over more than one note beyond what they owe: a larger amount is a slip of the
    finger (or a stray scan) until the cashier confirms it."""
    return tendered > cash_due + LARGEST_NOTE
