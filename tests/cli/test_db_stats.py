"""`pos db stats`: rows and size of every table and what was added lately (issue 14 deliverable 5)."""

import re
from datetime import timedelta

from pos.db.models.base import utcnow
from pos.services import db_stats
from pos.services.startup import open_database


def _row(out: str, table: str) -> list[str]:
    line = next(line for line in out.splitlines() if line.startswith(table + " "))
    return line.split()


def test_stats_list_every_table_with_its_rows_and_what_is_new(with_staff, db_url):
    code, out, err = with_staff("db", "stats")
    assert code == 0, err
    assert _row(out, "staff")[1] == "2" and _row(out, "staff")[-1] == "2"  # both added just now
    assert _row(out, "order_lines")[-1] == "-"  # no creation time of its own
    assert _row(out, "customers")[1] == "0"
    assert re.search(r"^total\s+[\d.]+ MB$", out, re.MULTILINE)
    assert re.search(r"Growth: about [\d.]+ kB a day over the last 30 days", out)


def test_what_is_new_counts_the_window_only(db, admin):
    db.clock = lambda: utcnow() + timedelta(days=40)  # the admin was added 40 days ago

    def staff_of(days: int):
        return next(t for t in db_stats.database_stats(db, days=days).tables if t.name == "staff")

    assert (staff_of(30).rows, staff_of(30).added) == (1, 0)
    assert staff_of(60).added == 1


def test_sizes_are_the_tables_own(db_url, tmp_path):
    db = open_database(db_url).db
    try:
        stats = db_stats.database_stats(db)
        assert {t.name for t in stats.tables} >= {"orders", "order_lines", "audit_events", "print_jobs"}
        assert all(t.size is not None and t.size > 0 for t in stats.tables)
    finally:
        db.dispose()
