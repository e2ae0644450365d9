"""Slip numbers (单号): sales slips S20261127-0007, return slips R20261127-0002.

A number is the slip's letter, the business day and that day's sequence, written with at least
four digits: S20261127-0001 … S20261127-9999, then S20261127-10000 and on (a busy wholesale day
can pass ten thousand). This module is the one place that writes and recognises them: the number
allocator (pos/db/numbering.py), every screen that takes a scanned slip barcode and the `pos`
command all use it, so a number the shop printed is always one the screens accept.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pos.domain.codes import plain

PREFIXES = {"order": "S", "return": "R"}
KINDS = {prefix: kind for kind, prefix in PREFIXES.items()}

# The sequence as format_number writes it: four digits with leading zeros, or more without; so
# "S20261127-00010" (never printed) is not taken for S20261127-0010.
SLIP_NUMBER = re.compile(r"^(?P<prefix>[SR])(?P<day>\d{8})-(?P<sequence>\d{4}|[1-9]\d{4,})$")
# A box label's barcode: its order's number and the box, S20261127-0007-B2. It stands for the
# order wherever a slip number is asked for, and for the box where boxes are scanned (shipping).
BOX_CODE = re.compile(r"^(?P<order>S\d{8}-\d+)-B(?P<box>[1-9]\d{0,3})$")


def format_number(prefix: str, day: date, value: int) -> str:
    if value < 1:
        raise ValueError(f"a slip sequence starts at 1, not {value}")
    return f"{prefix}{day:%Y%m%d}-{value:04d}"


def slip_number(text: str, kind: str | None = None) -> str | None:
    """The slip number `text` stands for (a scanned barcode or a typed number: spaces, lower case
    and full-width forms taken as plain), or None when it is not one. `kind` ("order" or "return")
    accepts only that kind of slip."""
    candidate = plain(text or "").strip().upper()
    if (box := BOX_CODE.match(candidate)) is not None:
        candidate = box["order"]
    match = SLIP_NUMBER.match(candidate)
    if match is None or (kind is not None and match["prefix"] != PREFIXES[kind]):
        return None
    try:
        datetime.strptime(match["day"], "%Y%m%d")
    except ValueError:  # S20261399-0001 is a burst of digits, not a day's slip
        return None
    return candidate


def order_number(text: str) -> str | None:
    """The sales slip number in `text`, or None."""
    return slip_number(text, "order")


def return_number(text: str) -> str | None:
    """The return slip number in `text`, or None."""
    return slip_number(text, "return")


def slip_kind(text: str) -> str | None:
    """ "order" or "return" for a slip number, None for anything else."""
    number = slip_number(text)
    return KINDS[number[0]] if number else None


def box_code(number: str, box: int) -> str:
    """The barcode on box `box`'s label of order `number`."""
    return f"{number}-B{box}"


def box_label(text: str) -> tuple[str, int] | None:
    """(order number, box number) for a scanned box label, or None when `text` is not one."""
    match = BOX_CODE.match(plain(text or "").strip().upper())
    if match is None or order_number(match["order"]) is None:
        return None
    return match["order"], int(match["box"])
