"""Timing as the suite does it: the figure and its baseline in turns (A B A B ...), so a noisy
moment of a shared machine falls on both; medians and the 99th percentile of each."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


@dataclass(frozen=True)
class Timing:
    samples: tuple[float, ...]  # milliseconds

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        return percentile(list(self.samples), 99)


def interleaved(
    figure: Callable[[int], object],
    baseline: Callable[[int], object],
    rounds: int,
    *,
    warm: int = 5,
) -> tuple[Timing, Timing]:
    """Run figure(i) and baseline(i) in turns. One that times itself returns its time in ms as a
    float; any other return is timed here as the whole call."""
    a: list[float] = []
    b: list[float] = []
    for i in range(rounds + warm):
        for run, into in ((figure, a), (baseline, b)):
            start = time.perf_counter()
            took = run(i)
            if not isinstance(took, float):
                took = (time.perf_counter() - start) * 1000
            if i >= warm:
                into.append(took)
    return Timing(tuple(a)), Timing(tuple(b))


@dataclass(frozen=True)
class Figure:
    name: str
    value: str  # as measured, with its unit
    baseline: str  # what it is compared with, measured in the same run
    ratio: float | None
    target: str
    passed: bool

    def row(self) -> str:
        ratio = "–" if self.ratio is None else f"{self.ratio:.2f}"
        return f"| {self.name} | {self.value} | {self.baseline} | {ratio} | {self.target} | {'pass' if self.passed else 'FAIL'} |"


def ms(timing: Timing) -> str:
    return f"{timing.median:.2f} ms (p99 {timing.p99:.2f})"


def against(name: str, figure: Timing, base: Timing, *, max_ratio: float, max_ms: float | None = None) -> Figure:
    """A figure that must stay within `max_ratio` of its baseline (and under `max_ms`, if given)."""
    ratio = figure.median / base.median if base.median else float("inf")
    target = f"ratio < {max_ratio:g}" + (f", median < {max_ms:g} ms" if max_ms else "")
    passed = ratio < max_ratio and (max_ms is None or figure.median < max_ms)
    return Figure(name, ms(figure), ms(base), ratio, target, passed)
