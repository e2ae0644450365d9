"""Freight (运费, standard chapter 6): how a carrier charges, and who pays.

A carrier charges by weight (the first kilogram, then each further kilogram begun) or per box,
never less than its minimum. Weights are whole grams and fees whole fen: a scale's reading in
kilograms is turned into grams at the edge (`grams_from_kg`), never a float.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from enum import StrEnum

from pos.domain.errors import InvalidInput
from pos.domain.money import Money

GRAMS_PER_KG = 1000
MAX_GRAMS = 10_000_000  # ten tonnes: beyond any consignment from a showroom counter
MAX_BOXES = 10_000


class Basis(StrEnum):
    WEIGHT = "weight"  # first kg + each further kg begun
    BOX = "box"  # a price per box


class Payer(StrEnum):
    """Who pays the carrier. Only a fee the customer pays us is a line of the settlement."""

    ON_DELIVERY = "on_delivery"  # 到付: the customer pays the carrier on arrival
    CUSTOMER_TO_US = "customer_to_us"  # 寄付: we pay the carrier and collect it from the customer
    SHOP = "shop"  # 包邮: the shop pays

    @property
    def collected_by_us(self) -> bool:
        return self is Payer.CUSTOMER_TO_US


@dataclass(frozen=True)
class Rate:
    """One carrier's charges, all in fen."""

    basis: Basis
    first_kg_fen: int = 0
    further_kg_fen: int = 0
    per_box_fen: int = 0
    minimum_fen: int = 0

    def __post_init__(self) -> None:
        fees = (self.first_kg_fen, self.further_kg_fen, self.per_box_fen, self.minimum_fen)
        if any(isinstance(f, bool) or not isinstance(f, int) or f < 0 for f in fees):
            raise InvalidInput("A carrier's rates are amounts of zero or more.")
        if self.basis is Basis.WEIGHT and not (self.first_kg_fen or self.further_kg_fen or self.minimum_fen):
            raise InvalidInput("A rate by weight needs a price for the first kilogram.")
        if self.basis is Basis.BOX and not (self.per_box_fen or self.minimum_fen):
            raise InvalidInput("A rate per box needs a price per box.")

    def fee(self, *, boxes: int, grams: int) -> Money:
        """The fee for `boxes` boxes weighing `grams` in all. A part kilogram is charged whole, as
        carriers do; the minimum applies to any consignment."""
        if isinstance(boxes, bool) or not isinstance(boxes, int) or not 1 <= boxes <= MAX_BOXES:
            raise InvalidInput("The number of boxes is a whole number from 1 to {most}.", most=MAX_BOXES)
        if isinstance(grams, bool) or not isinstance(grams, int) or not 0 <= grams <= MAX_GRAMS:
            raise InvalidInput("The weight is from 0 to {most} kg.", most=MAX_GRAMS // GRAMS_PER_KG)
        if self.basis is Basis.BOX:
            charged = self.per_box_fen * boxes
        else:
            if grams == 0:
                raise InvalidInput("Weigh the boxes first: this carrier charges by weight.")
            kilograms = -(-grams // GRAMS_PER_KG)  # every kilogram begun
            charged = self.first_kg_fen + self.further_kg_fen * (kilograms - 1)
        return Money(max(charged, self.minimum_fen))


def grams_from_kg(text: str) -> int:
    """A weight typed or read from a scale in kilograms ('12.5', '0.35 kg', '3公斤') as whole grams,
    a part gram rounded up."""
    cleaned = (text or "").strip().lower().removesuffix("kg").removesuffix("公斤").removesuffix("千克").strip()
    try:
        kilograms = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput("'{value}' is not a weight in kilograms.", value=text) from None
    if not kilograms.is_finite() or kilograms < 0 or kilograms * GRAMS_PER_KG > MAX_GRAMS:
        raise InvalidInput("The weight is from 0 to {most} kg.", most=MAX_GRAMS // GRAMS_PER_KG)
    return int((kilograms * GRAMS_PER_KG).to_integral_value(rounding=ROUND_CEILING))
