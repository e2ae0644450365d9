import pytest

from pos.domain.errors import InvalidTransition
from pos.domain.orders import ACTIONS, OrderStatus, allowed, check_finished, lines_editable, transition


def test_happy_path_through_the_bench():
    status = OrderStatus.OPEN
    status = transition(status, "print_for_checking", line_count=3)
    assert status is OrderStatus.PRINTED
    status = transition(status, "start_check")
    status = transition(status, "complete_check")
    assert status is OrderStatus.CHECKED


def test_empty_order_cannot_be_printed():
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.OPEN, "print_for_checking", line_count=0)


@pytest.mark.parametrize(
    "status, action",
    [
        (OrderStatus.PRINTED, "print_for_checking"),
        (OrderStatus.OPEN, "start_check"),
        (OrderStatus.PRINTED, "complete_check"),
        (OrderStatus.CHECKING, "void"),
        (OrderStatus.VOIDED, "start_check"),
        (OrderStatus.CHECKED, "void"),
    ],
)
def test_out_of_order_actions_are_refused(status, action):
    with pytest.raises(InvalidTransition):
        transition(status, action, line_count=1)


def test_paid_order_cannot_be_voided():
    assert transition(OrderStatus.OPEN, "void") is OrderStatus.VOIDED
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.SETTLED, "void")


def test_settled_after_the_check_or_taken_now_unpacked():
    """The standard settles after the bench has checked (4.6, 5.1.F); the one other way to pay is
    taking the goods now, unpacked, from an open slip."""
    assert transition(OrderStatus.CHECKED, "settle", line_count=2) is OrderStatus.SETTLED
    assert transition(OrderStatus.OPEN, "take_now", line_count=2) is OrderStatus.SETTLED
    for status in (
        OrderStatus.OPEN,
        OrderStatus.PRINTED,
        OrderStatus.CHECKING,
        OrderStatus.SETTLED,
        OrderStatus.VOIDED,
    ):
        with pytest.raises(InvalidTransition):
            transition(status, "settle", line_count=2)
    for status in (OrderStatus.PRINTED, OrderStatus.CHECKING, OrderStatus.CHECKED, OrderStatus.SETTLED):
        with pytest.raises(InvalidTransition):
            transition(status, "take_now", line_count=2)
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.OPEN, "take_now", line_count=0)


def test_a_settled_order_is_final():
    for action in ACTIONS:
        assert not allowed(OrderStatus.SETTLED, action) and not allowed(OrderStatus.VOIDED, action)


def test_a_manager_puts_a_check_back_in_the_queue_and_nothing_reopens_a_checked_order():
    assert transition(OrderStatus.CHECKING, "reset_check") is OrderStatus.PRINTED
    assert "reopen_check" not in ACTIONS  # no service or screen ever used it
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.CHECKED, "reopen_check")


def test_every_action_is_taken_by_a_service():
    """No dead transitions: each action of the table is passed to transition() somewhere in services."""
    import pathlib
    import re

    services = pathlib.Path(__file__).resolve().parents[2] / "pos" / "services"
    used = set()
    for path in services.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'transition\([^,]+, "(\w+)"', text))
        used |= set(re.findall(r'"(take_now|settle)" if', text)) | set(re.findall(r'else "(take_now|settle)"', text))
    assert set(ACTIONS) <= used


def test_check_finished():
    assert [s.value for s in OrderStatus if check_finished(s)] == ["checked", "settled"]


def test_unknown_action():
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.OPEN, "teleport")


def test_lines_are_frozen_once_printed():
    assert lines_editable("open")
    assert not any(lines_editable(s) for s in OrderStatus if s is not OrderStatus.OPEN)
