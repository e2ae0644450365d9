"""The check at the packing bench (点货): what may be ticked, and when an order is done.

"Check one, pack one, tick one": each unit is ticked as it goes into the open box, or crossed out
(×) when the customer does not want it. Nothing may be ticked beyond what is on the slip.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    PRESENT = "present"  # customer watches, signs, takes copy 3
    ABSENT = "absent"  # two packers check and sign; copy 3 goes inside the box lid


class HandTickReason(StrEnum):
    """Why a unit was ticked by hand rather than scanned (standard 3.6: product problems are
    recorded for the area lead)."""

    NO_LABEL = "no_label"
    DAMAGED_LABEL = "damaged_label"
    DEFECT = "defect"


@dataclass(frozen=True)
class LineCount:
    quantity: int
    ticked: int
    crossed: int

    @property
    def remaining(self) -> int:
        return self.quantity - self.ticked - self.crossed


@dataclass(frozen=True)
class BoxState:
    number: int
    items: int
    sealed: bool


def unfinished(lines: list[LineCount]) -> int:
    return sum(line.remaining for line in lines)


def completion_problems(
    lines: list[LineCount],
    boxes: list[BoxState],
    mode: Mode | str,
    signatures: set[str],
    open_returns: int,
    copy3_in_box: bool = False,
) -> list[str]:
    """Why the order cannot be completed yet (empty: it can). Codes, for the UI to word:
    units_left, box_open, checker, customer_signature, second_checker, copy3_in_box, return_unsigned,
    nothing_packed. When the customer is absent, both packers confirm copy 3 is in the box."""
    problems = []
    if unfinished(lines):
        problems.append("units_left")
    if any(box.items and not box.sealed for box in boxes):
        problems.append("box_open")
    if sum(line.ticked for line in lines) and not any(box.items for box in boxes):
        problems.append("nothing_packed")
    if "checker" not in signatures:
        problems.append("checker")
    if Mode(mode) is Mode.PRESENT and "customer" not in signatures:
        problems.append("customer_signature")
    if Mode(mode) is Mode.ABSENT and "second_checker" not in signatures:
        problems.append("second_checker")
    if Mode(mode) is Mode.ABSENT and not copy3_in_box:
        problems.append("copy3_in_box")
    if open_returns:
        problems.append("return_unsigned")
    return problems
