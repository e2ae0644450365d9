"""Schema upgrades. The app upgrades an older database on start, after copying it aside."""

from __future__ import annotations

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

from pos.private_files import private_file

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
    next to itself (`pos.sqlite3.<revision>-<time>.bak`) with SQLite's online backup."""
    before = current_revision(engine)
    head = head_revision(migrations)
    backup_path = None
    if before == head:
        return UpgradeResult(before, head, None)
    if backup and before is not None and engine.dialect.name == "sqlite":
        backup_path = backup_sqlite(engine)
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
    return UpgradeResult(before, head, backup_path)


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
