"""Telling a barcode scanner from a person at the keyboard.

A keyboard-wedge scanner types its code a few milliseconds a character and ends with Enter; a
person types tens to hundreds of milliseconds a key. A burst is at least MIN_LENGTH characters
each within MAX_GAP of the one before, the Enter included.

Scanners configured for a US layout on a host with another layout deliver other characters for the
same keys (AZERTY gives "&é\\"'(" for "12345"): `LAYOUTS` maps them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

MIN_LENGTH = 3
MAX_GAP = 0.035  # seconds between keys of a burst; scanners send 1-10 ms apart

# Characters a US-programmed scanner produces on hosts with these layouts, mapped to what it meant.
LAYOUTS: dict[str, dict[str, str]] = {
    "us": {},
    "azerty-fr": {
        "&": "1",
        "é": "2",
        '"': "3",
        "'": "4",
        "(": "5",
        "-": "6",
        "è": "7",
        "_": "8",
        "ç": "9",
        "à": "0",
        "A": "Q",
        "Q": "A",
        "Z": "W",
        "W": "Z",
        "a": "q",
        "q": "a",
        "z": "w",
        "w": "z",
        ")": "-",
        "*": "\\",
        "M": ":",
        ",": "m",
        "?": "M",
        ";": ",",
        ":": ".",
        "!": "/",
    },
    "qwertz-de": {
        "Z": "Y",
        "Y": "Z",
        "z": "y",
        "y": "z",
        "ß": "-",
        "(": "*",
        "&": "^",
        "/": "&",
        ")": "(",
        "=": ")",
        "-": "/",
        "_": "?",
        "'": "|",
        "Ö": ":",
        "ö": ";",
    },
}
TEST_BARCODE = "0123456789-AQZWYM"  # covers the keys the layouts above disagree on


def remap(text: str, layout: str) -> str:
    table = LAYOUTS.get(layout, {})
    return "".join(table.get(ch, ch) for ch in text) if table else text


def guess_layout(arrived: str, expected: str = TEST_BARCODE) -> str | None:
    """Which layout turns what arrived from scanning the test barcode into the test barcode."""
    for name in LAYOUTS:
        if remap(arrived, name) == expected:
            return name
    return None


@dataclass
class BurstDetector:
    """Fed every printable key with its time; asked at Enter whether the keys were a scan."""

    min_length: int = MIN_LENGTH
    max_gap: float = MAX_GAP
    chars: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    def pause_before(self, at: float) -> bool:
        """Whether a key at `at` comes after a pause, so the keys so far were not part of a scan."""
        return bool(self.times) and at - self.times[-1] > self.max_gap

    def key(self, char: str, at: float) -> None:
        if self.pause_before(at):
            self.clear()  # a pause: whatever came before was typed, not scanned
        self.chars.append(char)
        self.times.append(at)

    def enter(self, at: float) -> str | None:
        """The scanned text if the keys so far (and this Enter) were a burst; else None."""
        text = "".join(self.chars)
        burst = (
            len(self.chars) >= self.min_length
            and at - self.times[-1] <= self.max_gap
            and all(b - a <= self.max_gap for a, b in pairwise(self.times))
        )
        self.clear()
        return text if burst else None

    def fast_until(self, at: float) -> bool:
        """Whether every key so far, and one at `at`, came at a scanner's pace, however few."""
        return (
            bool(self.times)
            and at - self.times[-1] <= self.max_gap
            and all(b - a <= self.max_gap for a, b in pairwise(self.times))
        )

    def is_burst(self) -> bool:
        """Whether the keys so far came as fast as a scanner sends them (no Enter needed)."""
        return len(self.chars) >= self.min_length and all(b - a <= self.max_gap for a, b in pairwise(self.times))

    def pending(self) -> bool:
        return bool(self.chars)

    def clear(self) -> None:
        self.chars.clear()
        self.times.clear()
