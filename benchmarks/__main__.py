"""The performance suite: `python -m benchmarks` (from the repository root).

Builds the large shop once (benchmarks/data.py, kept in $POS_BENCH_DIR), then measures every figure
against its baseline in the same run, in turns, and prints one table: figure, baseline, ratio,
target, pass or fail. With POS_BENCH_DATABASE_URL (a PostgreSQL database the suite may fill) the
scan and the tick are measured there too, through a proxy adding POS_BENCH_DELAY_MS (default 1) of
delay each way. `--write` also writes the table to benchmarks/RESULTS.md with the date and load.
POS_BENCH_SCALE=0.01 makes a small shop, for trying the suite out (its figures mean little).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import data, db_figures, ui_figures  # noqa: E402
from benchmarks.measure import Figure  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HEADER = "| figure | measured | baseline (same run) | ratio | target | result |\n|---|---|---|---|---|---|"


def _probe(*args: str) -> tuple[float, float]:
    launched = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", args[0], str(launched), *args[1:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(data.work_dir() / "home")},
        timeout=300,
    )
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(f"probe {args[0]} failed: {out.stderr[-2000:]}")
    seconds, mib = out.stdout.split()[-2:]
    return float(seconds), float(mib)


def process_figures(url: str) -> list[Figure]:
    bare, started = [], []
    for _ in range(5):  # in turns
        bare.append(_probe("bare"))
        started.append(_probe("start", url))
    bare_s = statistics.median(s for s, _ in bare)
    start_s = statistics.median(s for s, _ in started)
    ratio = start_s / bare_s
    memory = max(_probe("memory", url)[1] for _ in range(2))
    bare_mib = statistics.median(m for _, m in bare)
    return [
        Figure(
            "start-up to the first window (large shop)",
            f"{start_s * 1000:.0f} ms",
            f"bare PySide6 window {bare_s * 1000:.0f} ms",
            ratio,
            "ratio < 1.5",
            ratio < 1.5,
        ),
        Figure(
            "peak memory after sign-in and 50 scans",
            f"{memory:.0f} MiB",
            f"bare window {bare_mib:.0f} MiB",
            memory / bare_mib,
            "< 200 MiB",
            memory < 200,
        ),
    ]


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the table to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    size = data.Size.from_env()
    path = data.work_dir() / f"shop-{size.tag}.sqlite3"
    print(f"the large shop: {size}")
    db = data.shop(size, f"sqlite:///{path}")
    load_before = _load()
    figures: list[Figure] = []
    steps = [
        lambda: [ui_figures.counter_scan(db, str(path), size)],
        lambda: [ui_figures.bench_tick(db, str(path), size)],
        lambda: db_figures.searches(db),
        lambda: [db_figures.day_end_figure(db)],
        lambda: [db_figures.tick_flat(db)],
        lambda: [db_figures.write_lock(db, size.products)],
        lambda: [db_figures.growth()],
        lambda: process_figures(f"sqlite:///{path}"),
    ]
    pg_url = os.environ.get("POS_BENCH_DATABASE_URL")
    if pg_url:
        from benchmarks import pg_figures

        steps.append(lambda: pg_figures.figures(pg_url, size))
    for step in steps:
        for figure in step():
            figures.append(figure)
            print(figure.row(), flush=True)
    table = "\n".join([HEADER, *(f.row() for f in figures)])
    print("\n" + table)
    failed = [f.name for f in figures if not f.passed]
    print(f"\n{len(figures) - len(failed)} of {len(figures)} pass; {_load()}")
    if args.write:
        (ROOT / "benchmarks" / "RESULTS.md").write_text(
            f"# Benchmark results\n\n{datetime.now():%Y-%m-%d %H:%M}, `python -m benchmarks` on this project's "
            f"development machine ({os.cpu_count()} cores; before the run: {load_before}; after: {_load()}).\n"
            f"Large shop: {size.products:,} products, {size.customers:,} customers, {size.history_lines:,} "
            f"historical lines over {size.years} years.\n\n{table}\n",
            encoding="utf-8",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # PySide6 can crash tearing Qt objects down at exit; the results are out
