"""Amounts spoken the way cashiers say them (两元, 两万两千), and a mixed payment's call-out."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.callout import CallOut, pole_callout_lines, spoken_amount, spoken_integer
from pos.domain.money import Money
from pos.domain.refund_callout import RefundCallOut
from tests.domain.test_callout_and_settlement import _read_integer


@pytest.mark.parametrize(
    "fen, spoken",
    [
        (200, "两元"),
        (20, "两角"),
        (2, "两分"),
        (1200, "十二元"),
        (2200, "二十二元"),
        (20200, "两百零二元"),
        (2_200_000, "两万两千元"),
        (1_200_000, "一万两千元"),
        (2_000_000, "两万元"),
        (12_000_000, "十二万元"),
        (20_000_200, "二十万零二元"),
        (120_000, "一千二百元"),
        (220_000, "两千二百元"),
        (1_020_000, "一万零两百元"),
        (2002, "二十元零两分"),
        (222, "两元两角两分"),
        (200_000_000, "两百万元"),
        (20_000_000_000, "两亿元"),
        (220_000_000_000, "二十二亿元"),
        (10_200_000_000, "一亿零两百万元"),
        (22_000_000_000, "两亿两千万元"),
    ],
)
def test_twos_are_spoken_as_cashiers_say_them(fen, spoken):
    assert spoken_amount(Money(fen)) == spoken


def _read_amount(text: str) -> int:
    """Independent reader (test oracle) of spoken amounts, in fen."""
    fen = 0
    for number, unit in re.findall(r"零?([^元角分]+)([元角分])", text):
        fen += _read_integer(number) * {"元": 100, "角": 10, "分": 1}[unit]
    return fen


@given(st.integers(min_value=0, max_value=10**13))
def test_spoken_amounts_read_back(fen):
    assert _read_amount(spoken_amount(Money(fen))) == fen


@given(st.integers(min_value=1, max_value=10**12))
def test_liang_only_counts_a_unit_and_er_only_a_digit(number):
    text = spoken_integer(number)
    assert "二千" not in text and not text.endswith("两")
    for match in re.finditer("两", text):  # 两 stands before 百 千 万 亿, opening the number or a group
        assert text[match.end()] in "百千万亿"
        if text[match.end()] != "千":
            assert match.start() == 0 or text[match.start() - 1] in "零万亿"
    assert not re.search("(^|[零万亿])二[百万亿]", text)
    assert not re.search("两十", text)


@given(st.integers(min_value=0, max_value=10**6))
def test_a_count_of_exactly_two_is_liang(fen):
    text = spoken_amount(Money(fen))
    assert not re.search("(^|[元角]|元零)二[元角分]", text)


def test_mixed_payment_names_each_method_on_screen_and_aloud():
    callout = CallOut.for_payments(
        [("wechat", Money(97400), Money(0)), ("cash", Money(102600), Money(200000))], Money(97400)
    )
    assert callout.screen() == "微信 ¥974.00，收您现金 ¥2,000.00，找您 ¥974.00"
    assert callout.screen_english() == "WeChat ¥974.00, cash received ¥2,000.00, change ¥974.00"
    assert callout.spoken() == "微信九百七十四元，收您现金两千元，找您九百七十四元"
    exact = CallOut.for_payments([("wechat", Money(97400), Money(0)), ("cash", Money(200000), Money(200000))], Money(0))
    assert exact.screen() == "微信 ¥974.00，收您现金 ¥2,000.00，找您 ¥0.00"
    assert exact.spoken() == "微信九百七十四元，收您现金两千元，不用找零"
    assert exact.spoken_english() == "WeChat 974.00 yuan, cash received 2000.00 yuan, your change 0.00 yuan"
    methods = CallOut.for_payments(
        [("alipay", Money(200), Money(0)), ("bank", Money(1000), Money(0)), ("account", Money(22000), Money(0))],
        Money(0),
    )
    assert methods.screen() == "支付宝 ¥2.00，银行转账 ¥10.00，挂账 ¥220.00"
    assert methods.spoken() == "支付宝两元，银行转账十元，挂账两百二十元"
    assert methods.screen_english() == "Alipay ¥2.00, Bank transfer ¥10.00, On account ¥220.00"


def test_cash_alone_or_one_method_alone_keeps_the_two_halves():
    cash = CallOut.for_payments([("cash", Money(8000), Money(10000))], Money(2000))
    assert cash == CallOut(Money(10000), Money(2000))
    assert cash.screen() == "收您 ¥100.00  找您 ¥20.00" and cash.spoken() == "收您一百元，找您二十元"
    wechat = CallOut.for_payments([("wechat", Money(23300), Money(0))], Money(0))
    assert wechat.screen() == "收您 ¥233.00  找您 ¥0.00" and wechat.spoken() == "收您两百三十三元，不用找零"


def test_a_pole_display_gets_the_cash_and_the_change():
    assert pole_callout_lines("收您 ¥100.00  找您 ¥20.50") == ("收您 ¥100.00", "找您 ¥20.50")
    assert pole_callout_lines("微信 ¥974.00，收您现金 ¥2,000.00，找您 ¥0.00") == ("收您现金 ¥2,000.00", "找您 ¥0.00")
    assert pole_callout_lines("WeChat ¥974.00, cash received ¥2,000.00, change ¥0.00") == (
        "cash received ¥2,000.00",
        "change ¥0.00",
    )
    assert pole_callout_lines("退您 ¥85.00") == ("退您 ¥85.00", "")


@pytest.mark.parametrize(
    "fen, spoken",
    [
        (20500, "两百零五元"),
        (200, "两元"),
        (1250, "十二元五角"),
        (1005, "十元零五分"),
        (1000, "十元"),
        (11000, "一百一十元"),
        (101000, "一千零一十元"),
        (10000000, "十万元"),
        (100500, "一千零五元"),
    ],
)
def test_issue_10_examples_are_spoken_as_cashiers_say_them(fen, spoken):
    """The amounts of issue 10 (Deliver 4): 两 before 百 and alone, 二 in 十二, 十 alone at the start."""
    assert spoken_amount(Money(fen)) == spoken
    assert RefundCallOut(Money(fen)).spoken() == "退您" + spoken


def test_goods_put_on_account_are_not_called_out_as_money_received():
    """A franchise customer's slip settled on account: nothing changed hands (the walkthrough saw
    "收您 ¥1,040.40 找您 ¥0.00" on the counter screen)."""
    account = CallOut.for_payments([("account", Money(104040), Money(0))], Money(0))
    assert account.screen() == "挂账 ¥1,040.40" and account.screen_english() == "On account ¥1,040.40"
    assert account.spoken() == "挂账一千零四十元四角" and "收您" not in account.spoken()
    part_cash = CallOut.for_payments(
        [("cash", Money(4040), Money(5000)), ("account", Money(100000), Money(0))], Money(960)
    )
    assert part_cash.screen() == "挂账 ¥1,000.00，收您现金 ¥50.00，找您 ¥9.60"
