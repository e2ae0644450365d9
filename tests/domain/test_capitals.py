"""Capitals (大写金额) by the People's Bank of China's rules for writing bills: every example of
《正确填写票据和结算凭证的基本规定》, the canonical form we print and the alternatives the rules accept."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.capitals import accepted, is_valid, read_capitals
from pos.domain.money import Money

# (fen, canonical capitals, alternatives the rules also accept) — the bank's own examples first
EXAMPLES = [
    # a zero in the middle is written 零
    (140950, "壹仟肆佰零玖元伍角整", ["人民币壹仟肆佰零玖元伍角", "壹仟肆佰零玖元伍角", "壹仟肆佰零玖元伍角正"]),
    # several zeros in a row: one 零
    (600714, "陆仟零柒元壹角肆分", ["人民币陆仟零柒元壹角肆分"]),
    # the 元 place (or the 万 place) zero and 角 (千) not: one 零 or none
    (168032, "壹仟陆佰捌拾元零叁角贰分", ["人民币壹仟陆佰捌拾元零叁角贰分", "人民币壹仟陆佰捌拾元叁角贰分"]),
    (10700053, "壹拾万柒仟元零伍角叁分", ["人民币壹拾万柒仟元零伍角叁分", "人民币壹拾万零柒仟元伍角叁分"]),
    # 角 zero and 分 not: 零 after 元
    (1640902, "壹万陆仟肆佰零玖元零贰分", ["人民币壹万陆仟肆佰零玖元零贰分"]),
    (32504, "叁佰贰拾伍元零肆分", ["人民币叁佰贰拾伍元零肆分"]),
    # 整 (正) after 元; after 角 it may be left out; never after 分
    (100000, "壹仟元整", ["壹仟元正", "人民币壹仟元整"]),
    (1050, "壹拾元零伍角整", ["壹拾元伍角整", "壹拾元伍角", "壹拾元零伍角"]),
    # 壹拾 for ten to nineteen: the digit before 拾 is always written
    (1000, "壹拾元整", []),
    (1600, "壹拾陆元整", []),
    (16000000, "壹拾陆万元整", []),
    # more zeros in the middle
    (100500, "壹仟零伍元整", []),
    (1005, "壹拾元零伍分", []),
    (10001000, "壹拾万零壹拾元整", []),
    (10010000, "壹拾万零壹佰元整", []),
    (1000000100, "壹仟万零壹元整", []),
    (100001000000, "壹拾亿零壹万元整", []),
    (10000100000, "壹亿零壹仟元整", []),
    (0, "零元整", ["零元正"]),
    (5, "伍分", []),
    (50, "伍角整", ["伍角"]),
    (105, "壹元零伍分", []),
    (-1234, "负壹拾贰元叁角肆分", []),
]

# written against the rules: each would let a figure be misread or altered
WRONG = [
    (140950, "壹仟肆佰玖元伍角"),  # the middle zero dropped
    (600714, "陆仟零零柒元壹角肆分"),  # two 零 for one run
    (1640902, "壹万陆仟肆佰零玖元贰分"),  # no 零 between 元 and 分
    (32504, "叁佰贰拾伍元零肆分整"),  # 整 after 分
    (100000, "壹仟元"),  # no 整 after 元
    (1000, "拾元整"),  # 拾 without its 壹
    (10000100000, "壹亿壹仟元整"),  # a whole group of zeros with no 零: reads as 1.1亿
]


@pytest.mark.parametrize("fen, canonical, alternatives", EXAMPLES)
def test_capitals_follow_every_example_of_the_bank_rules(fen, canonical, alternatives):
    assert Money(fen).capitals() == canonical
    for text in [canonical, *alternatives]:
        assert is_valid(text), text
        assert read_capitals(text) == fen
        assert text in accepted(fen)


@pytest.mark.parametrize("fen, text", WRONG)
def test_capitals_against_the_rules_are_not_accepted(fen, text):
    assert not is_valid(text) or read_capitals(text) != fen


def test_the_amounts_of_the_issue_keep_their_zero():
    assert Money(10700053).capitals() == "壹拾万柒仟元零伍角叁分"  # was 壹拾万柒仟元伍角叁分
    assert Money(168032).capitals() == "壹仟陆佰捌拾元零叁角贰分"  # was 壹仟陆佰捌拾元叁角贰分


@given(st.integers(min_value=0, max_value=10**12))
def test_every_amount_has_capitals_that_read_back(fen):
    text = Money(fen).capitals()
    assert "零零" not in text and not re.search("零[元角分整]?$", text)
    assert fen == 0 or not text.startswith("零")  # never 零 before 元 at the start
    assert not re.search("(^|[零万亿元])拾", text)  # 壹拾, never a bare 拾
    assert text.endswith(("整", "分"))
    assert read_capitals(text) == fen and is_valid(text)
    assert all(read_capitals(form) == fen for form in accepted(fen))
