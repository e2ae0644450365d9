import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.codes import Symbology, gtin_check_digit, parse_code, parse_scan, with_check_digit
from pos.domain.errors import BadCheckDigit, BadCode


@pytest.mark.parametrize(
    "code, symbology",
    [
        ("6901234567892", Symbology.EAN13),
        ("4006381333931", Symbology.EAN13),
        ("96385074", Symbology.EAN8),
        ("036000291452", Symbology.UPCA),
        ("YJ1000", Symbology.CODE128),
        ("12345", Symbology.CODE128),
    ],
)
def test_valid_codes_are_recognised(code, symbology):
    assert parse_code(code).symbology is symbology


@pytest.mark.parametrize("code", ["6901234567891", "96385075", "036000291453"])
def test_wrong_check_digit_is_refused_with_the_expected_digit(code):
    with pytest.raises(BadCheckDigit) as info:
        parse_code(code)
    assert str(gtin_check_digit(code[:-1])) in info.value.message


def test_quantity_prefix():
    scan = parse_scan("3*6901234567892")
    assert (scan.code, scan.quantity) == ("6901234567892", 3)
    assert parse_scan("12x YJ1000").quantity == 12
    assert parse_scan("YJ1000").quantity == 1


@pytest.mark.parametrize("text", ["0*YJ1000", "10000*YJ1000"])
def test_quantity_out_of_range_is_refused(text):
    with pytest.raises(BadCode):
        parse_scan(text)


@pytest.mark.parametrize(
    "text", ["", "   ", "A" * 500, "YJ\x00100", "货号100", "'; DROP TABLE products; --" + "x" * 30, "\x1b[A"]
)
def test_garbage_is_refused(text):
    with pytest.raises(BadCode):
        parse_scan(text)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_any_body_with_its_check_digit_is_a_valid_ean13(body):
    assert parse_code(with_check_digit(body)).symbology is Symbology.EAN13


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 12), st.integers(1, 9))
def test_changing_any_single_digit_breaks_the_check(body, position, delta):
    code = with_check_digit(body)
    wrong = code[:position] + str((int(code[position]) + delta) % 10) + code[position + 1 :]
    with pytest.raises(BadCheckDigit):
        parse_code(wrong)


@pytest.mark.parametrize(
    "text, code, quantity",
    [
        ("ＹＪ１０００", "YJ1000", 1),  # full width, from a Chinese input method
        ("３＊YJ1000", "YJ1000", 3),
        ("１２ｘ　ｙｊ１０００", "YJ1000", 12),
        ("yj1000", "YJ1000", 1),
        ("2*bd2000", "BD2000", 2),
        ("６９７１２３００００００６", "6971230000006", 1),
    ],
)
def test_full_width_and_lower_case_codes_are_their_plain_forms(text, code, quantity):
    scan = parse_scan(text)
    assert (scan.code, scan.quantity) == (code, quantity)
    assert scan.typed.upper() == code


def test_full_width_ean_still_needs_its_check_digit():
    with pytest.raises(BadCheckDigit):
        parse_scan("６９７１２３００００００７")
