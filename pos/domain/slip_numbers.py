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


def format_number(prefix: str, day: date, value: int) -> str:
    if value < 1:
        raise ValueError(f"a slip sequence starts at 1, not {value}")
    return f"{prefix}{day:%Y%m%d}-{value:04d}"


def slip_number(text: str, kind: str | None = None) -> str | None:
    """The slip number `text` stands for (a scanned barcode or a typed number: spaces, lower case
    and full-width forms taken as plain), or None when it is not one. `kind` ("order" or "return")
    accepts only that kind of slip."""
    candidate = plain(text or "").strip().upper()
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
