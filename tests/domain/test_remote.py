"""Remote orders in the domain: the awaiting-payment moves, the transfer's checks, the balance a
difference leaves, lateness by the shop's calendar, and the shortfall's words."""

from datetime import datetime, timedelta

import pytest

from pos.domain.errors import InvalidInput, InvalidTransition
from pos.domain.money import Money
from pos.domain.orders import OrderStatus, lines_editable, transition
from pos.domain.remote import balance_after, bank_accounts, check_transfer, late, shortfall_script
from pos.domain.times import day_start, local


def test_a_notice_freezes_the_lines_and_only_a_transfer_sends_the_order_on():
    waiting = transition(OrderStatus.OPEN, "send_notice", line_count=2)
    assert waiting is OrderStatus.AWAITING_PAYMENT and not lines_editable(waiting)
    assert transition(waiting, "record_transfer", line_count=2) is OrderStatus.PRINTED
    assert transition(waiting, "reopen") is OrderStatus.OPEN
    assert transition(waiting, "void") is OrderStatus.VOIDED
    for action in ("print_for_checking", "settle", "take_now", "start_check"):
        with pytest.raises(InvalidTransition):
            transition(waiting, action, line_count=2)
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.OPEN, "send_notice", line_count=0)
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.PRINTED, "record_transfer", line_count=2)


def test_a_transfer_is_by_bank_wechat_or_alipay_with_a_reference_and_an_amount():
    check_transfer("wechat", "4200001234", Money(1))
    for method, reference, fen in (("cash", "R1", 100), ("bank", "  ", 100), ("bank", "R1", 0), ("bank", "x" * 61, 1)):
        with pytest.raises(InvalidInput):
            check_transfer(method, reference, Money(fen))


def test_a_difference_is_owed_or_credit():
    assert balance_after(Money(30800), Money(30000)) == Money(800)
    assert balance_after(Money(30800), Money(31000)) == Money(-200)


def test_accounts_are_split_by_semicolons_or_lines():
    assert bank_accounts(" 工行 6222 张三 ; ;农行 6228 李四\n建行 6217 ") == (
        "工行 6222 张三",
        "农行 6228 李四",
        "建行 6217",
    )
    assert bank_accounts("") == ()


def test_late_is_after_the_end_of_the_day_after_the_money_came():
    paid = day_start(local(datetime(2026, 12, 7, 4, 0)).date()) + timedelta(hours=23)  # late on the 7th, local
    end_of_next_day = day_start(local(paid).date() + timedelta(days=2))
    assert not late(paid, paid + timedelta(minutes=5))
    assert not late(paid, end_of_next_day - timedelta(seconds=1))
    assert late(paid, end_of_next_day)


def test_the_shortfall_lists_each_difference_and_the_money():
    text = shortfall_script(
        "张三", "S1", [("YJ1000", "戒指", 2, "缺货", 7000), ("BD2000", "吊坠", 1, "只有蓝色", 12800)]
    )
    assert "YJ1000 戒指 少 2 件（缺货）" in text and "BD2000 吊坠 少 1 件（只有蓝色）" in text and "￥198.00" in text
