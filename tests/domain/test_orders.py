import pytest

from pos.domain.errors import InvalidTransition
from pos.domain.orders import OrderStatus, lines_editable, transition


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
        transition(OrderStatus.OPEN, "void", paid=True)


def test_checked_order_can_be_reopened_for_correction():
    assert transition(OrderStatus.CHECKED, "reopen_check") is OrderStatus.CHECKING


def test_unknown_action():
    with pytest.raises(InvalidTransition):
        transition(OrderStatus.OPEN, "teleport")


def test_lines_are_frozen_once_printed():
    assert lines_editable("open")
    assert not any(lines_editable(s) for s in OrderStatus if s is not OrderStatus.OPEN)
