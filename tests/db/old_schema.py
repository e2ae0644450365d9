"""Databases as an earlier release left them, for the upgrade tests."""

from __future__ import annotations

from alembic import command

from pos.db.database import Database
from pos.db.migrate import _config


def database_at(db_url: str, revision: str, *rows: str) -> Database:
    """The schema at `revision` (what that release created), holding `rows` (SQL in that schema)."""
    old = Database(db_url)
    config = _config()
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    with old.engine.begin() as connection:
        for row in rows:
            connection.exec_driver_sql(row)
    return old
