"""A weighed piece's line carries the weight on its label in its name, written by the counter and
read back by the bench to find that piece's line from its label."""

from decimal import Decimal

import pytest

from pos.domain.codes import with_check_digit
from pos.domain.instore_codes import InStoreRule, decode_instore, weighed_name, weight_in_name


@pytest.mark.parametrize(
    "rule, value, grams",
    [
        ("22:5:weight:1", "12345", Decimal("1234.5")),
        ("22:5:weight:1", "00120", Decimal("12")),
        ("22:5:weight:2", "01234", Decimal("12.34")),
        ("22:5:weight", "00050", Decimal("50")),
    ],
)
def test_the_weight_on_a_label_goes_into_the_line_name_and_back(rule, value, grams):
    code = decode_instore(with_check_digit("22" + "00123" + value), (InStoreRule.parse(rule),))
    assert code.grams == grams
    name = weighed_name("足银手镯", code.grams)
    assert weight_in_name(name, "足银手镯") == grams


@pytest.mark.parametrize(
    "line, item",
    [
        ("足银条 50g", "足银条 50g"),  # the item's own name carries a weight: a line of the item, not a piece
        ("925银素圈戒指", "925银素圈戒指"),
        ("足银手镯 g", "足银手镯"),
        ("足银手镯 12.g", "足银手镯"),
        ("足银手镯12.3g", "足银手镯"),
    ],
)
def test_a_line_of_the_item_itself_carries_no_weight(line, item):
    assert weight_in_name(line, item) is None


def test_a_piece_of_an_item_named_with_a_weight_reads_the_pieces_weight():
    assert weight_in_name(weighed_name("足银条 50g", Decimal("51.2")), "足银条 50g") == Decimal("51.2")
