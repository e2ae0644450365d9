"""Freight fees to the fen: by weight (first kg + each further kg begun), per box, with a minimum
(issue 13, Deliver 1)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.errors import InvalidInput
from pos.domain.freight import Basis, Payer, Rate, grams_from_kg

BY_WEIGHT = Rate(Basis.WEIGHT, first_kg_fen=1200, further_kg_fen=550, minimum_fen=1500)
PER_BOX = Rate(Basis.BOX, per_box_fen=1500, minimum_fen=3000)


@pytest.mark.parametrize(
    ("grams", "fen"),
    [
        (1, 1500),  # 12.00 for the first kg is below the 15.00 minimum
        (1000, 1500),
        (1001, 1200 + 550),  # a kilogram begun is charged whole
        (2000, 1200 + 550),
        (12_345, 1200 + 12 * 550),
    ],
)
def test_by_weight(grams, fen):
    assert BY_WEIGHT.fee(boxes=3, grams=grams).fen == fen


@pytest.mark.parametrize(("boxes", "fen"), [(1, 3000), (2, 3000), (3, 4500), (12, 18000)])
def test_per_box_with_a_minimum(boxes, fen):
    assert PER_BOX.fee(boxes=boxes, grams=0).fen == fen


def test_weight_based_needs_a_weight_and_boxes_are_counted():
    with pytest.raises(InvalidInput, match="Weigh"):
        BY_WEIGHT.fee(boxes=2, grams=0)
    with pytest.raises(InvalidInput, match="boxes"):
        PER_BOX.fee(boxes=0, grams=0)
    with pytest.raises(InvalidInput):
        BY_WEIGHT.fee(boxes=1, grams=-5)


def test_rates_are_whole_fen_and_never_negative():
    with pytest.raises(InvalidInput):
        Rate(Basis.BOX, per_box_fen=-1)
    with pytest.raises(InvalidInput):
        Rate(Basis.WEIGHT, first_kg_fen=12.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="first kilogram"):
        Rate(Basis.WEIGHT)


@pytest.mark.parametrize(
    ("typed", "grams"), [("12.5", 12_500), ("0.3501 kg", 351), ("3公斤", 3000), (" 2 KG ", 2000), ("0", 0)]
)
def test_kilograms_typed_become_whole_grams(typed, grams):
    assert grams_from_kg(typed) == grams


@pytest.mark.parametrize("typed", ["", "abc", "-1", "NaN", "Infinity", "20000"])
def test_a_weight_that_is_not_one_is_refused(typed):
    with pytest.raises(InvalidInput):
        grams_from_kg(typed)


@given(grams=st.integers(1, 9_990_000), more=st.integers(0, 10_000))
def test_more_weight_never_costs_less(grams, more):
    assert BY_WEIGHT.fee(boxes=1, grams=grams + more) >= BY_WEIGHT.fee(boxes=1, grams=grams)


def test_only_freight_the_customer_pays_us_is_collected():
    assert [p for p in Payer if p.collected_by_us] == [Payer.CUSTOMER_TO_US]
