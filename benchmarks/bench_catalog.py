"""Importing a 100,000-row catalog CSV into an empty catalog (target < 30 s), then the same file
again with --update and every price changed (one audit entry per changed price).

Baseline, measured in the same run: reading and checking the same file without storing it
(the import's own first half), so the ratio says what storing costs. The database is a new
SQLite file in $POS_BENCH_DIR, or POS_BENCH_DATABASE_URL (a PostgreSQL database to use up).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pos.domain.codes import with_check_digit  # noqa: E402
from pos.services import staff  # noqa: E402
from pos.services.catalog_files import read_rows  # noqa: E402
from pos.services.catalog_import import _parse, import_catalog  # noqa: E402
from pos.services.startup import open_database  # noqa: E402

ROWS = int(os.environ.get("POS_BENCH_ROWS", 100_000))
WORK = Path(os.environ.get("POS_BENCH_DIR", "/tmp/pos-bench"))
HEADER = "货号,品名,类别,批发价,加盟价,条码,售后说明\n"


def write_csv(path: Path, rows: int, bump: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(rows):
            price = 1000 + i % 9000 + bump
            out.write(
                f"YJ{i:06d},925银饰品 {i},银饰,{price / 100:.2f},{price * 9 // 1000:.2f},"
                f"{with_check_digit(f'69{i:010d}')},可清洗\n"
            )
    return path


def seconds(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("POS_BENCH_DATABASE_URL") or f"sqlite:///{WORK / f'catalog-{os.getpid()}.sqlite3'}"
    db = open_database(url).db
    admin = staff.add_staff(db, None, login_code="9001", name="管理员", roles="admin", pin="9999")
    first = write_csv(WORK / "catalog-100k.csv", ROWS)
    again = write_csv(WORK / "catalog-100k-new-prices.csv", ROWS, bump=100)
    baseline, _ = seconds(lambda: _parse(read_rows(first)))
    added, report = seconds(lambda: import_catalog(db, admin, first))
    updated, report2 = seconds(lambda: import_catalog(db, admin, again, update=True))
    print(f"catalog import, {ROWS:,} rows, {db.kind}")
    print(f"  baseline (read + check only)  {baseline:7.1f} s")
    print(f"  import into an empty catalog  {added:7.1f} s   ratio {added / baseline:5.1f}   added {report.added:,}")
    print(
        f"  again, every price changed    {updated:7.1f} s   ratio {updated / baseline:5.1f}   updated {report2.updated:,}"
    )


if __name__ == "__main__":
    main()
