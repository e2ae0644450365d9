"""Keeping the query planner's statistics current (ANALYZE).

Without them SQLite guesses from the indexes alone, and chose the station index over the date
index for a day's takings, reading the station's whole payment history. They are gathered when a
database has none (a new one, or one made by a release that never gathered them), after bulk
loads (a catalog import) and at each day end, when the day's rows have been added.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, inspect, text

log = logging.getLogger(__name__)

# rows SQLite samples per index: enough for the planner's choices, milliseconds on a large table
SQLITE_SAMPLE = 1000


def analyze(engine: Engine) -> None:
    """Gather the statistics. A failure (a locked database, a read-only file) is logged: the
    queries still run, only perhaps by a worse plan."""
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql(f"PRAGMA analysis_limit = {SQLITE_SAMPLE}")
            conn.exec_driver_sql("ANALYZE")
    except Exception:  # noqa: BLE001 - statistics are an optimisation, never a reason to stop
        log.exception("gathering the planner's statistics")


def has_statistics(engine: Engine) -> bool:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            if not inspect(conn).has_table("sqlite_stat1"):
                return False
            return bool(conn.execute(text("SELECT count(*) FROM sqlite_stat1")).scalar())
        # PostgreSQL's autovacuum analyzes on its own; a table never analyzed is what is looked for
        never = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                "AND last_analyze IS NULL AND last_autoanalyze IS NULL AND n_live_tup > 0"
            )
        ).scalar()
        return not never


def analyze_if_never(engine: Engine) -> bool:
    if has_statistics(engine):
        return False
    analyze(engine)
    return True
