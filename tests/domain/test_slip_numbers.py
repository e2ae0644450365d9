"""One slip-number pattern for every screen and command: sales slips S…, return slips R…, past
9,999 a day."""

from datetime import date

import pytest

from pos.domain.slip_numbers import (
    box_code,
    box_label,
    format_number,
    order_number,
    return_number,
    slip_kind,
    slip_number,
)

DAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    "text, number",
    [
        ("S20261127-0001", "S20261127-0001"),
        ("S20261127-9999", "S20261127-9999"),
        ("S20261127-10000", "S20261127-10000"),  # the 10,000th slip of a busy day
        ("S20261127-123456", "S20261127-123456"),
        (" s20261127-10000\n", "S20261127-10000"),  # typed, or a scanner adding a newline
        ("Ｓ２０２６１１２７－００４２", "S20261127-0042"),  # typed with a Chinese input method on
    ],
)
def test_sales_slip_numbers_are_recognised(text, number):
    assert order_number(text) == number and slip_number(text) == number and slip_kind(text) == "order"
    assert return_number(text) is None


@pytest.mark.parametrize("text", ["R20261127-0002", "R20261127-10000"])
def test_return_slip_numbers_are_recognised(text):
    assert return_number(text) == text and slip_kind(text) == "return" and order_number(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "YJ1000",
        "6971230000006",
        "S20261127",
        "S20261127-",
        "S20261127-001",  # too short
        "S20261127-00010",  # a sequence is never written with extra leading zeros
        "S2026112-0001",
        "S202611270-0001",
        "X20261127-0001",
        "S20261127_0001",
        "S20261127-0001X",
        "S20261399-0001",
        "S20260230-0001",  # no such day
        "S20261127-0001 S20261127-0002",
        "2*S20261127-0001",
    ],
)
def test_junk_is_not_a_slip_number(text):
    assert slip_number(text) is None and slip_kind(text) is None


def test_numbers_are_written_with_at_least_four_digits_and_read_back():
    assert format_number("S", DAY, 7) == "S20261127-0007"
    assert format_number("S", DAY, 10000) == "S20261127-10000"
    assert format_number("R", DAY, 123456) == "R20261127-123456"
    for value in (1, 9999, 10000, 99999, 100000):
        assert order_number(format_number("S", DAY, value)) == format_number("S", DAY, value)
        assert return_number(format_number("R", DAY, value)) == format_number("R", DAY, value)


@pytest.mark.parametrize(
    "text, found",
    [
        ("S20261127-0007-B2", ("S20261127-0007", 2)),
        (" s20261127-12345-b12 ", ("S20261127-12345", 12)),
        ("Ｓ２０２６１１２７－０００７－Ｂ３", ("S20261127-0007", 3)),
        ("S20261127-0007", None),  # the slip itself, not a box
        ("S20261127-0007-B0", None),
        ("R20261127-0007-B1", None),  # return slips have no boxes
        ("S20261399-0007-B1", None),
        ("6971230000006", None),
    ],
)
def test_box_labels_are_read_as_order_and_box(text, found):
    assert box_label(text) == found


def test_a_box_label_stands_for_its_order_where_a_slip_is_asked_for():
    code = box_code("S20261127-0007", 2)
    assert box_label(code) == ("S20261127-0007", 2)
    assert order_number(code) == "S20261127-0007" and slip_kind(code) == "order"
    assert return_number(code) is None
