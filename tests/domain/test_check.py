"""When a check at the bench may complete: the rules alone, no database."""

from pos.domain.check import BoxState, LineCount, Mode, completion_problems


def _problems(mode, signatures, *, copy3_in_box=False, left=0):
    lines = [LineCount(3, 3 - left, 0)]
    return completion_problems(lines, [BoxState(1, 3 - left, True)], mode, signatures, 0, copy3_in_box)


def test_customer_present_needs_the_customers_signature():
    assert _problems(Mode.PRESENT, {"checker"}) == ["customer_signature"]
    assert _problems(Mode.PRESENT, {"checker", "customer"}) == []


def test_customer_absent_needs_two_packers_and_copy3_in_the_box():
    assert _problems(Mode.ABSENT, {"checker"}) == ["second_checker", "copy3_in_box"]
    assert _problems(Mode.ABSENT, {"checker", "second_checker"}) == ["copy3_in_box"]
    assert _problems(Mode.ABSENT, {"checker", "second_checker"}, copy3_in_box=True) == []


def test_units_left_come_first():
    assert _problems("present", {"checker", "customer"}, left=1) == ["units_left"]
