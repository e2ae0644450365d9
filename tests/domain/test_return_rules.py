"""The return rules of chapter 11 as a pure decision: the franchise contract's part (issue 10 finding 5)."""

from pos.domain.money import Money
from pos.domain.returns import COLLECTED, ON_SITE, Allowance, ReturnRequest, violations

CONTRACT = Allowance(50, Money(17820), Money(0))  # 5% of ¥178.20 of net goods: ¥8.91


def test_a_franchise_return_within_the_allowance_of_net_goods_is_allowed():
    assert CONTRACT.allowance == Money(891)
    assert violations(ReturnRequest("franchise", COLLECTED, frozenset({"unwanted"}), Money(891), CONTRACT)) == []
    assert violations(ReturnRequest("franchise", COLLECTED, frozenset({"unwanted"}), Money(892), CONTRACT)) == [
        "franchise_ratio"
    ]


def test_no_contract_on_file_is_its_own_refusal_but_defects_and_on_the_spot_returns_still_go():
    none = Allowance(50, Money(0), Money(0), has_contract=False)
    assert violations(ReturnRequest("franchise", COLLECTED, frozenset({"unwanted"}), Money(1), none)) == [
        "franchise_no_contract"
    ]
    assert violations(ReturnRequest("franchise", COLLECTED, frozenset({"defective"}), Money(9999), none)) == []
    assert violations(ReturnRequest("franchise", ON_SITE, frozenset({"unwanted"}), Money(9999), none)) == []
