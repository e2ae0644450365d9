import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.errors import InvalidInput
from pos.domain.money import MAX_FEN, Money, total

fens = st.integers(min_value=-(10**12), max_value=10**12)


@pytest.mark.parametrize(
    "fen, capitals",
    [
        (123450, "壹仟贰佰叁拾肆元伍角整"),
        (100500, "壹仟零伍元整"),
        (1005, "壹拾元零伍分"),
        (1000, "壹拾元整"),
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角整"),
        (55, "伍角伍分"),
        (105, "壹元零伍分"),
        (1050, "壹拾元零伍角整"),
        (10000000, "壹拾万元整"),
        (10001000, "壹拾万零壹拾元整"),
        (10010000, "壹拾万零壹佰元整"),
        (1000000100, "壹仟万零壹元整"),
        (100001000000, "壹拾亿零壹万元整"),
        (168032, "壹仟陆佰捌拾元零叁角贰分"),
        (-1234, "负壹拾贰元叁角肆分"),
    ],
)
def test_capitals_follow_the_writing_rules(fen, capitals):
    assert Money(fen).capitals() == capitals


@pytest.mark.parametrize(
    "fen, text", [(123450, "¥1,234.50"), (0, "¥0.00"), (5, "¥0.05"), (-300, "-¥3.00"), (100000000, "¥1,000,000.00")]
)
def test_format(fen, text):
    assert Money(fen).format() == text


def test_format_with_fullwidth_symbol_for_chinese_printers():
    assert Money(12000).format("￥") == "￥120.00"


@pytest.mark.parametrize(
    "text, fen",
    [("12", 1200), ("12.5", 1250), ("1,234.50", 123450), ("¥3.05", 305), ("￥0.5", 50), (" -3.00 ", -300), (".5", 50)],
)
def test_from_yuan_parses_what_people_type(text, fen):
    assert Money.from_yuan(text).fen == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "12,34", "1e5", "NaN", "--1", "¥", "1.2.3"])
def test_from_yuan_refuses_non_amounts(text):
    with pytest.raises(InvalidInput):
        Money.from_yuan(text)


def test_float_is_refused_everywhere():
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.from_yuan(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100) * 1.5  # type: ignore[operator]


def test_absurd_amounts_are_refused():
    with pytest.raises(InvalidInput):
        Money(MAX_FEN)


def test_percent_rounds_half_up_to_the_fen():
    assert Money(1005).percent(Decimal(90)).fen == 905  # 904.5 -> 905
    assert Money(1000).percent(5).fen == 50


@given(fens, fens, fens)
def test_addition_is_associative_and_subtraction_undoes_it(a, b, c):
    x, y, z = Money(a), Money(b), Money(c)
    assert (x + y) + z == x + (y + z)
    assert (x + y) - y == x
    assert total([x, y, z]).fen == a + b + c


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=9999))
def test_multiplication_matches_repeated_addition_in_fen(a, n):
    assert (Money(a) * n).fen == a * n


@given(fens)
def test_format_parses_back_to_the_same_amount(fen):
    assert Money.from_yuan(Money(fen).format()) == Money(fen)
    assert Money.from_yuan(Money(fen).plain()) == Money(fen)
    assert Money(fen).yuan == Decimal(fen) / 100


_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _read_capitals(text: str) -> int:
    """An independent reader of capital amounts (test oracle), strict about the shape."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负")
    assert re.fullmatch(r"(.+元)?(零?.角)?(零?.分|整)", text), text
    yuan_part, _, rest = text.rpartition("元") if "元" in text else ("", "", text)
    total_yuan = 0
    section = 0
    number = 0
    for ch in yuan_part:
        if ch in _DIGIT:
            number = _DIGIT[ch]
        elif ch in _UNIT:
            assert number, f"unit {ch} without a digit in {text}"
            section += number * _UNIT[ch]
            number = 0
        elif ch == "万":
            total_yuan += (section + number) * 10_000
            section = number = 0
        elif ch == "亿":
            total_yuan = (total_yuan + section + number) * 100_000_000
            section = number = 0
    total_yuan += section + number
    jiao = fen = 0
    m = re.search(r"(.)角", rest)
    if m:
        jiao = _DIGIT[m.group(1)]
    m = re.search(r"(.)分", rest)
    if m:
        fen = _DIGIT[m.group(1)]
    return sign * (total_yuan * 100 + jiao * 10 + fen)


@given(fens)
def test_capitals_read_back_to_the_same_amount(fen):
    text = Money(fen).capitals()
    if fen == 0:
        assert text == "零元整"
        return
    assert _read_capitals(text) == fen
    assert "零零" not in text
    assert not text.removeprefix("负").startswith(("零", "拾")), text
    assert text.endswith("整") == (abs(fen) % 10 == 0)
