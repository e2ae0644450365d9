"""Money as integer fen (分). Decimal only at the edges, never float.

`Money.capitals()` writes the amount in Chinese financial capitals (大写金额) as required on slips,
following the People's Bank of China rules for writing amounts (pos/domain/capitals.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pos.domain.capitals import capitals
from pos.domain.errors import InvalidInput

# Accepts what a person types or a spreadsheet holds: "12", "12.5", "1,234.50", "¥12", "￥12", "-3.00"
_AMOUNT_RE = re.compile(r"^\s*(-)?\s*[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?\s*$")

MAX_FEN = 10**15  # far beyond any slip; keeps capitals within 万亿 and refuses absurd input


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount in fen. Immutable; arithmetic returns new values and refuses floats."""

    fen: int

    def __post_init__(self) -> None:
        if isinstance(self.fen, bool) or not isinstance(self.fen, int):
            raise TypeError(f"Money needs integer fen, got {type(self.fen).__name__}")
        if abs(self.fen) >= MAX_FEN:
            raise InvalidInput("Amount is too large.", fen=self.fen)

    # construction -------------------------------------------------------------------------
    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def from_yuan(cls, value: str | Decimal | int) -> Money:
        """Parse yuan from text, Decimal or int. Refuses floats and fractions of a fen."""
        if isinstance(value, float):
            raise TypeError("Money refuses float; pass a string or Decimal")
        if isinstance(value, bool):
            raise TypeError("Money refuses bool")
        if isinstance(value, int):
            return cls(value * 100)
        if isinstance(value, Decimal):
            dec = value
        else:
            match = _AMOUNT_RE.match(str(value))
            if not match or (match.group(2) is None and not match.group(3)):
                raise InvalidInput("'{value}' is not an amount of money.", value=str(value))
            sign, whole, frac = match.groups()
            text = f"{sign or ''}{(whole or '0').replace(',', '')}.{frac or '0'}"
            try:
                dec = Decimal(text)
            except InvalidOperation:  # pragma: no cover - regex already guarantees digits
                raise InvalidInput("'{value}' is not an amount of money.", value=str(value)) from None
        if not dec.is_finite():
            raise InvalidInput("'{value}' is not an amount of money.", value=str(value))
        fen = dec * 100
        if fen != fen.to_integral_value():
            raise InvalidInput("'{value}' has more than two decimal places.", value=str(value))
        return cls(int(fen))

    # views --------------------------------------------------------------------------------
    @property
    def yuan(self) -> Decimal:
        return (Decimal(self.fen) / 100).quantize(Decimal("0.01"))

    def format(self, symbol: str = "¥") -> str:
        """'¥1,234.50', '-¥3.00'. Use symbol='￥' for Chinese thermal printers."""
        sign = "-" if self.fen < 0 else ""
        whole, part = divmod(abs(self.fen), 100)
        return f"{sign}{symbol}{whole:,}.{part:02d}"

    def plain(self) -> str:
        """'1234.50': for files and CSV."""
        return f"{self.yuan}"

    def capitals(self) -> str:
        """Chinese financial capitals by the People's Bank rules (see pos.domain.capitals):
        壹仟贰佰叁拾肆元伍角整, 壹仟陆佰捌拾元零叁角贰分."""
        return capitals(self.fen)

    # arithmetic ---------------------------------------------------------------------------
    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen + other.fen)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen - other.fen)

    def __neg__(self) -> Money:
        return Money(-self.fen)

    def __mul__(self, quantity: int) -> Money:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            return NotImplemented
        return Money(self.fen * quantity)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.fen != 0

    def percent(self, percent: Decimal | int) -> Money:
        """This amount times percent/100, rounded half-up to the fen (for return ratios, rates)."""
        if isinstance(percent, float):
            raise TypeError("percent refuses float")
        value = (Decimal(self.fen) * Decimal(percent) / 100).quantize(Decimal(1), ROUND_HALF_UP)
        return Money(int(value))

    def __str__(self) -> str:
        return self.format()


def total(amounts: Iterable[Money]) -> Money:
    return Money(sum((a.fen for a in amounts), 0))
