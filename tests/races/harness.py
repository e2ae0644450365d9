"""Two or three service calls released at the same moment on connections of their own.

Each racer is a separate `Database` (its own engine and pool) on the same database as the test's
`db`, so on PostgreSQL the calls really overlap in separate transactions; a barrier lets the
threads go together. Every outcome is kept: the value returned or the exception raised."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pos.db.database import Database

ROUNDS = 50
JOIN_TIMEOUT = 120  # seconds; a deadlock that is never broken fails the test instead of hanging it


@dataclass(frozen=True)
class Outcome:
    value: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Racers:
    """`count` stations on one database; `run(f, g, ...)` calls f(db1), g(db2)... at once."""

    def __init__(self, url: str, count: int) -> None:
        self.stations = [Database(url) for _ in range(count)]

    def run(self, *calls: Callable[[Database], Any]) -> list[Outcome]:
        assert len(calls) <= len(self.stations)
        barrier = threading.Barrier(len(calls))
        outcomes: list[Outcome | None] = [None] * len(calls)

        def go(index: int, call: Callable[[Database], Any]) -> None:
            station = self.stations[index]
            try:
                barrier.wait()
                outcomes[index] = Outcome(value=call(station))
            except BaseException as exc:  # noqa: BLE001 - every outcome is the test's to judge
                outcomes[index] = Outcome(error=exc)

        threads = [threading.Thread(target=go, args=(i, c), daemon=True) for i, c in enumerate(calls)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(JOIN_TIMEOUT)
            assert not thread.is_alive(), "a racer never came back (an unbroken lock wait?)"
        return [o for o in outcomes if o is not None]

    def dispose(self) -> None:
        for station in self.stations:
            station.dispose()


def errors(outcomes: list[Outcome]) -> list[BaseException]:
    return [o.error for o in outcomes if o.error is not None]
