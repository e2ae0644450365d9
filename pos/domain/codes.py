"""Item codes as scanners and people deliver them.

A scan is `[QTY*]CODE`. A code of 13, 8 or 12 digits is taken as EAN-13, EAN-8 or UPC-A and must
carry a valid check digit; anything else is Code 128 text (printable ASCII). Whatever fails these
rules is refused with a reason, so a garbage burst from a scanner can never become a sale line.

People type codes too, often with a Chinese input method on: full-width "ＹＪ１０００" or
"３＊YJ1000" and lower-case "yj1000" are taken as their plain forms (item codes are upper case).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from pos.domain.errors import BadCheckDigit, BadCode

MAX_CODE_LENGTH = 48  # Code 128 labels in the trade stay well below this; longer input is a burst
MAX_QUANTITY = 9999
# A count this large is more often a finger slip (150 for 15) than an order: it is confirmed first.
LARGE_QUANTITY = 100

_QTY_RE = re.compile(r"^(\d{1,5})\s*[*xX×]\s*(.+)$")


class Symbology(StrEnum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    UPCA = "UPC-A"
    CODE128 = "Code 128"


@dataclass(frozen=True, slots=True)
class ItemCode:
    code: str
    symbology: Symbology


@dataclass(frozen=True, slots=True)
class Scan:
    """One scan or typed entry: the code and how many units it stands for."""

    code: str
    symbology: Symbology
    quantity: int = 1
    typed: str = ""  # the code as entered (plain width, case kept), for catalogs with lower-case codes


def plain(text: str) -> str:
    """Full-width digits, letters and signs (an input method's ＹＪ１０００, ＊) as plain ASCII."""
    return unicodedata.normalize("NFKC", text or "")


def gtin_check_digit(body: str) -> int:
    """The GS1 check digit for the digits before it (EAN-13, EAN-8, UPC-A alike)."""
    if not body.isdigit():
        raise BadCode("'{code}' is not all digits.", code=body)
    weighted = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - weighted % 10) % 10


def with_check_digit(body: str) -> str:
    return body + str(gtin_check_digit(body))


_GTIN_LENGTHS = {13: Symbology.EAN13, 8: Symbology.EAN8, 12: Symbology.UPCA}


def parse_code(text: str) -> ItemCode:
    """Validate one item code (no quantity prefix), full-width forms taken as plain; Code 128 text
    is upper-cased. Raises BadCode / BadCheckDigit."""
    code = plain(text).strip()
    if not code:
        raise BadCode("No code was entered.")
    if len(code) > MAX_CODE_LENGTH:
        raise BadCode(
            "The code is {length} characters long; item codes are at most {maximum}.",
            length=len(code),
            maximum=MAX_CODE_LENGTH,
        )
    if any(not (32 <= ord(ch) < 127) for ch in code):
        raise BadCode("The code contains characters no barcode carries.")
    if code.isdigit() and len(code) in _GTIN_LENGTHS:
        symbology = _GTIN_LENGTHS[len(code)]
        expected = gtin_check_digit(code[:-1])
        if int(code[-1]) != expected:
            raise BadCheckDigit(
                "{symbology} code {code} has a wrong check digit (expected {expected}).",
                symbology=symbology.value,
                code=code,
                expected=expected,
            )
        return ItemCode(code, symbology)
    return ItemCode(code.upper(), Symbology.CODE128)


def parse_scan(text: str) -> Scan:
    """Parse `[QTY*]CODE`. Quantity 1..9999; refuses zero and absurd counts."""
    raw = plain(text).strip()
    quantity = 1
    match = _QTY_RE.match(raw)
    if match:
        quantity = int(match.group(1))
        raw = match.group(2)
        if not 1 <= quantity <= MAX_QUANTITY:
            raise BadCode("Quantity must be between 1 and {maximum}.", maximum=MAX_QUANTITY)
    item = parse_code(raw)
    return Scan(item.code, item.symbology, quantity, raw.strip())
