"""Text from data never reaches the printer as a command: a name holding the drawer kick prints as text."""

from pos.domain.customers import customer_problems
from pos.printing.document import Document, Text
from pos.printing.escpos_decode import decode
from pos.printing.escpos_render import EscposRenderer

KICK = "\x1bp\x00\x19\xfa"


def test_a_drawer_kick_inside_a_name_is_not_sent_to_the_printer():
    data = EscposRenderer().render(Document("test", elements=[Text(f"戒指{KICK}银")]))
    assert b"\x1bp" not in data
    decoded = decode(data)
    assert not decoded.drawer_pulses
    assert any("戒指" in line and "银" in line for line in decoded.lines)


def test_a_customer_name_or_address_with_control_characters_is_refused():
    problems = customer_problems(f"张三{KICK}", "13800138000", "广州\x07市", "wholesale")
    assert "control characters (U+001B" in problems["name"].message
    assert "U+0007" in problems["address"].message
