"""The packing bench (打包台): load a printed slip, check every unit with the customer (check one,
pack one, tick one), cross out what is not wanted, pack numbered boxes, seal and label them, take
the signatures, complete.

Callers use `bench.<act>`; the acts live in modules named for what they do: views (what the bench
shows), loading (queue, start, reset, name), ticks (scans, hand ticks), boxes
(open, move, seal), corrections (undo, cross-out) and signatures (signatures, complete)."""

from pos.services.bench.boxes import BenchPrinters, move_item, open_box, seal_box
from pos.services.bench.corrections import cross_out, undo_last_tick
from pos.services.bench.loading import confirm_name, correct_name, queue, reset_check, resume_candidate, start_check
from pos.services.bench.signatures import complete, sign_customer, sign_second_checker
from pos.services.bench.ticks import manual_tick, tick
from pos.services.bench.views import (
    LIVE_BOX,
    LIVE_SIGNATURE,
    BenchBox,
    BenchLine,
    BenchView,
    Copy3NotConfirmed,
    QueueEntry,
    RefusedScan,
    TickResult,
    bench_view,
    version,
    view,
)

__all__ = [
    "BenchPrinters",
    "LIVE_BOX",
    "LIVE_SIGNATURE",
    "BenchBox",
    "BenchLine",
    "BenchView",
    "Copy3NotConfirmed",
    "QueueEntry",
    "RefusedScan",
    "TickResult",
    "bench_view",
    "complete",
    "confirm_name",
    "correct_name",
    "cross_out",
    "manual_tick",
    "move_item",
    "open_box",
    "queue",
    "reset_check",
    "resume_candidate",
    "seal_box",
    "sign_customer",
    "sign_second_checker",
    "start_check",
    "tick",
    "undo_last_tick",
    "version",
    "view",
]
