"""Schema upgrades. The app upgrades an older database on start, after copying it aside."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from pos.db.failures import classify
from pos.domain.errors import UpgradeFailed
from pos.private_files import private_file

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def _config(migrations: Path = MIGRATIONS) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations))
    return config


def head_revision(migrations: Path = MIGRATIONS) -> str:
    head = ScriptDirectory.from_config(_config(migrations)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, *, backup: bool = True, migrations: Path = MIGRATIONS) -> UpgradeResult:
    """Bring the schema to head. An existing SQLite database at an older revision is first copied
    next to itself (`pos.sqlite3.<revision>-<time>.bak`) with SQLite's online backup. An upgrade
    that fails is rolled back whole and refused (UpgradeFailed, the cause in pos.log) with the one
    copy it keeps, `pos.sqlite3.<revision>.failed-upgrade.bak`, however often it is tried."""
    before = current_revision(engine)
    head = head_revision(migrations)
    backup_path = None
    if before == head:
        return UpgradeResult(before, head, None)
    if backup and before is not None and engine.dialect.name == "sqlite":
        backup_path = backup_sqlite(engine)
    try:
        _apply(engine, migrations)
    except Exception as exc:
        log.error("upgrade from %s to %s failed, rolled back", before, head, exc_info=exc)
        kept = _keep_one(engine, backup_path, before)
        if isinstance(exc, DBAPIError) and classify(exc, str(engine.url)) is not None:
            raise  # busy, unreachable, disk full, read-only: the caller says what to do about that
        raise _failed(before, head, kept) from exc
    return UpgradeResult(before, head, backup_path)


def _failed(before: str | None, head: str, backup: Path | None) -> UpgradeFailed:
    if backup is None:
        return UpgradeFailed(
            "The database could not be upgraded from {old} to {new}; nothing in it was changed. "
            "Keep using the previous release and send pos.log to support.",
            old=before or "empty",
            new=head,
        )
    return UpgradeFailed(
        "The database could not be upgraded from {old} to {new}; nothing in it was changed. "
        "A copy from before the attempt is at {backup}. Keep using the previous release and send "
        "pos.log to support.",
        old=before or "empty",
        new=head,
        backup=str(backup),
    )


def _keep_one(engine: Engine, backup: Path | None, revision: str | None) -> Path | None:
    """Every attempt copies the database aside first; a failed one leaves the database as it was,
    so one copy per revision is all a retry needs: the newest replaces the last failed attempt's."""
    if backup is None:
        return None
    source = Path(str(engine.url.database))
    kept = source.with_name(f"{source.name}.{revision or 'none'}.failed-upgrade.bak")
    os.replace(backup, kept)
    return kept


def _apply(engine: Engine, migrations: Path) -> None:
    config = _config(migrations)
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # SQLite alters a table by rebuilding it (copy, drop, rename): with foreign keys enforced,
            # dropping `orders` would delete its lines, boxes and signatures, or be refused for its
            # payments. The pragma only takes effect outside a transaction, hence the raw connection.
            # the driver's own connection (sqlite3's); SQLAlchemy types it Optional[Any], but a
            # checked-out connection always has one
            raw: Any = connection.connection.driver_connection
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:  # rolls the whole upgrade back; the database stays as it was
                        raise RuntimeError(f"the upgrade would leave rows pointing nowhere: {broken[:5]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def backup_sqlite(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise ValueError("only a file database can be backed up")
    source_path = Path(database)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    revision = current_revision(engine) or "none"
    target = source_path.with_name(f"{source_path.name}.{revision}-{stamp}.bak")
    source = sqlite3.connect(source_path)
    try:
        private_file(target)  # the copy holds what the database holds: the owner's only
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
