from pos.domain.money import Money
from pos.domain.refund_callout import RefundCallOut


def test_a_cash_refund_is_shown_in_figures_and_spoken_in_words():
    callout = RefundCallOut(Money(8500))
    assert callout.screen() == "退您 ¥85.00"
    assert callout.spoken() == "退您八十五元"
    assert RefundCallOut(Money(22050)).spoken() == "退您两百二十元五角"
    assert callout.screen_english() == "Refund ¥85.00"
