"""Issue 11 finding 4: the database, its WAL files, backups and the settings file are created 0600."""

import stat

from sqlalchemy import text

from pos.config import Settings, save_settings
from pos.db.engine import make_engine
from pos.db.migrate import backup_sqlite


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_database_and_its_wal_files_are_owner_only(tmp_path):
    path = tmp_path / "data" / "pos.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
        wal = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
        assert all(p.exists() for p in wal)
        assert [_mode(p) for p in [path, *wal]] == [0o600] * 3
    backup = backup_sqlite(engine)
    engine.dispose()
    assert _mode(backup) == 0o600


def test_the_settings_file_is_owner_only(tmp_path):
    path = tmp_path / "config" / "settings.toml"
    save_settings(Settings(), path)
    assert _mode(path) == 0o600
