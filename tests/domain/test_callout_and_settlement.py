import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.callout import CallOut, spoken_amount, spoken_integer
from pos.domain.codes import with_check_digit
from pos.domain.errors import BadCheckDigit, InvalidInput
from pos.domain.instore_codes import InStoreRule, decode_instore
from pos.domain.money import Money
from pos.domain.settlement import Tender, cash_only, quick_notes, settle


@pytest.mark.parametrize(
    "fen, spoken",
    [
        (10000, "一百元"),
        (2050, "二十元五角"),
        (100500, "一千零五元"),
        (1000, "十元"),
        (1500, "十五元"),
        (50, "五角"),
        (5, "五分"),
        (2005, "二十元零五分"),
        (0, "零元"),
        (11000000, "十一万元"),
        (10000100, "十万零一元"),
        (200000, "两千元"),
        (25000, "两百五十元"),
        (120000, "一千二百元"),
        (1010, "十元一角"),
        (100100, "一千零一元"),
        (101000000, "一百零一万元"),
    ],
)
def test_amounts_are_spoken_as_people_say_them(fen, spoken):
    assert spoken_amount(Money(fen)) == spoken


def test_call_out_on_screen_and_aloud():
    callout = CallOut(Money(10000), Money(2050))
    assert callout.screen() == "收您 ¥100.00  找您 ¥20.50"
    assert callout.spoken() == "收您一百元，找您二十元五角"
    assert callout.screen_english() == "Received ¥100.00  Change ¥20.50"
    assert CallOut(Money(23300), Money(0)).spoken() == "收您两百三十三元，不用找零"


_READ = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _read_integer(text: str) -> int:
    """Independent reader (test oracle) of spoken integers."""
    total = section = number = 0
    for ch in text:
        if ch in _READ:
            number = _READ[ch]
        elif ch in "十百千":
            section += (number or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            number = 0
        elif ch == "万":
            total += (section + number) * 10_000
            section = number = 0
        elif ch == "亿":
            total = (total + section + number) * 100_000_000
            section = number = 0
    return total + section + number


@given(st.integers(min_value=0, max_value=10**11))
def test_spoken_integers_read_back(number):
    text = spoken_integer(number)
    assert _read_integer(text) == number
    assert "零零" not in text and not (number and text.endswith("零"))


def test_mixed_payment_change_and_refusals():
    result = settle(
        Money(23300),
        [Tender("wechat", Money(10000)), Tender("cash", Money(13300), Money(15000))],
        on_account_allowed=False,
    )
    assert result.change == Money(1700) and result.cash_tendered == Money(15000)
    with pytest.raises(InvalidInput):
        cash_only(Money(23300), Money(23299))
    with pytest.raises(InvalidInput):
        settle(Money(100), [Tender("wechat", Money(100), Money(200))], on_account_allowed=False)
    assert [m.fen for m in quick_notes(Money(7950))] == [7950, 8000, 10000]
    assert [m.fen for m in quick_notes(Money(10000))] == [10000]


def test_in_store_codes():
    rule = InStoreRule.parse("22:5:weight:1")
    code = decode_instore(with_check_digit("220012312345"), (rule,))
    assert (code.item, code.kind, code.value, code.decimals) == ("00123", "weight", 12345, 1)
    assert decode_instore(with_check_digit("690012312345"), (rule,)) is None
    with pytest.raises(BadCheckDigit):
        decode_instore("2200123123450" if with_check_digit("220012312345")[-1] != "0" else "2200123123451", (rule,))
    for text in ("19:5", "22:9", "22:5:volume", "x"):
        with pytest.raises(InvalidInput):
            InStoreRule.parse(text)
