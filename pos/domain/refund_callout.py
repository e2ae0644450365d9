"""退款唱付: calling out money handed back when a return slip takes effect.

Like the settlement call-out, the screen and the customer display show figures ("退您 ¥85.00")
and the voice says the amount the way people say it ("退您八十五元")."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.callout import spoken_amount
from pos.domain.money import Money


@dataclass(frozen=True)
class RefundCallOut:
    amount: Money  # handed back in cash, positive

    def screen(self, symbol: str = "¥") -> str:
        return f"退您 {self.amount.format(symbol)}"

    def screen_english(self, symbol: str = "¥") -> str:
        return f"Refund {self.amount.format(symbol)}"

    def spoken(self) -> str:
        return f"退您{spoken_amount(self.amount)}"

    def spoken_english(self) -> str:
        return f"Your refund, {self.amount.yuan} yuan"
