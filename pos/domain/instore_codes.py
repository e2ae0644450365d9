"""In-store EAN-13 codes with an embedded price or weight (GS1 prefixes 20-29).

Shops set these up on their label scales and printers, each differently, so the layout is a rule:

    PP IIIII VVVVV C     prefix, item digits, value digits, check digit

e.g. rule "22: 5 item digits, weight in grams" reads 2200123012345 as item "00123" weighing
1234 g... The value is a price in fen or a weight in grams (or tenths of grams)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pos.domain.codes import gtin_check_digit
from pos.domain.errors import BadCheckDigit, InvalidInput


@dataclass(frozen=True)
class InStoreRule:
    prefix: str  # "20".."29"
    item_digits: int = 5
    kind: str = "price"  # price (value in fen) or weight (value in grams x 10**-decimals)
    decimals: int = 0  # for weight: 1 means tenths of a gram

    def __post_init__(self) -> None:
        if not (len(self.prefix) == 2 and self.prefix.isdigit() and 20 <= int(self.prefix) <= 29):
            raise InvalidInput("An in-store code prefix is 20 to 29.")
        if not 3 <= self.item_digits <= 7:
            raise InvalidInput("An in-store code has 3 to 7 item digits.")
        if self.kind not in ("price", "weight"):
            raise InvalidInput("An in-store code carries a price or a weight.")

    @property
    def value_digits(self) -> int:
        return 12 - len(self.prefix) - self.item_digits

    @classmethod
    def parse(cls, text: str) -> InStoreRule:
        """'22:5:weight:1' -> prefix 22, 5 item digits, weight in tenths of a gram."""
        parts = [p.strip() for p in text.split(":")]
        try:
            prefix = parts[0]
            digits = int(parts[1]) if len(parts) > 1 else 5
            kind = parts[2] if len(parts) > 2 else "price"
            decimals = int(parts[3]) if len(parts) > 3 else 0
        except ValueError:
            raise InvalidInput(
                "An in-store rule is PREFIX:ITEM_DIGITS:price|weight[:DECIMALS], e.g. 22:5:weight:1."
            ) from None
        return cls(prefix, digits, kind, decimals)


@dataclass(frozen=True)
class InStoreCode:
    item: str  # the item digits, looked up as an item code
    kind: str
    value: int  # fen for price; grams x 10**decimals for weight
    decimals: int = 0

    @property
    def grams(self) -> Decimal:
        """The weight on a weight label (1234.5 for value 12345 with one decimal)."""
        scale: int = 10**self.decimals  # int ** int is typed Any: the exponent could be negative
        return Decimal(self.value) / scale


def decode_instore(code: str, rules: tuple[InStoreRule, ...]) -> InStoreCode | None:
    """None when no rule's prefix matches (an ordinary barcode)."""
    if len(code) != 13 or not code.isdigit():
        return None
    for rule in rules:
        if code.startswith(rule.prefix):
            if gtin_check_digit(code[:12]) != int(code[12]):
                raise BadCheckDigit(
                    "{symbology} code {code} has a wrong check digit (expected {expected}).",
                    symbology="EAN-13",
                    code=code,
                    expected=gtin_check_digit(code[:12]),
                )
            start = len(rule.prefix)
            item = code[start : start + rule.item_digits]
            value = int(code[start + rule.item_digits : 12])
            return InStoreCode(item, rule.kind, value, rule.decimals)
    return None


# A weighed piece's line is named after the item and the weight on its label ("足银手镯 31.2g"):
# the slip shows which piece it is, and the bench finds the line again from the label.
_WEIGHT_IN_NAME = re.compile(r" (\d+(?:\.\d+)?)g$")


def weighed_name(name: str, grams: Decimal) -> str:
    return f"{name} {grams}g"


def weight_in_name(line_name: str, item_name: str) -> Decimal | None:
    """The weight a weighed piece's line name carries, or None for a line of the item itself.
    `item_name` is the item's name in the catalog: an item named "银条 5g" is not a 5 g piece."""
    match = _WEIGHT_IN_NAME.search(line_name)
    if match is None or line_name == item_name:
        return None
    return Decimal(match.group(1))
