"""An upgrade that fails half-way changes nothing, is refused with what to do, and however often
it is retried leaves exactly one copy of the database beside it."""

from __future__ import annotations

import shutil
import textwrap

import pytest
from sqlalchemy import inspect, text

from pos.db.database import Database
from pos.db.migrate import MIGRATIONS, current_revision, head_revision, upgrade
from pos.domain.errors import UpgradeFailed
from pos.services.startup import open_database


def _broken_release(tmp_path):
    """A next release whose migration adds a column, then trips over the data it finds."""
    newer = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9999_broken.py").write_text(
        textwrap.dedent(f'''
        from alembic import op
        import sqlalchemy as sa

        revision = "9999"
        down_revision = "{head_revision()}"

        def upgrade():
            with op.batch_alter_table("staff") as batch:
                batch.add_column(sa.Column("phone", sa.String(30), nullable=True))
            op.execute("UPDATE staff SET phone = '1'")
            raise ValueError("the data is not what this migration expects")

        def downgrade():
            pass
        ''')
    )
    return newer


def test_a_failed_upgrade_rolls_back_and_keeps_one_copy_however_often_it_is_tried(tmp_path):
    path = tmp_path / "pos.sqlite3"
    db = open_database(f"sqlite:///{path}").db
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff (login_code, name, roles, pin_hash, active, failed_attempts, created_at) "
                "VALUES ('1001', '王丽', 'cashier', 'h', true, 0, '2026-11-27 00:00:00')"
            )
        )
    newer = _broken_release(tmp_path)
    head = head_revision()

    for _attempt in range(3):
        with pytest.raises(UpgradeFailed) as refused:
            upgrade(db.engine, migrations=newer)

    [copy] = list(tmp_path.glob("*.bak"))
    assert copy.name == f"pos.sqlite3.{head}.failed-upgrade.bak"
    assert str(copy) in refused.value.message and "nothing in it was changed" in refused.value.message
    assert current_revision(db.engine) == head
    assert "phone" not in {c["name"] for c in inspect(db.engine).get_columns("staff")}
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM staff")).scalars().all() == ["王丽"]
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    db.dispose()
    copied = Database(f"sqlite:///{copy}")
    with copied.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM staff")).scalars().all() == ["王丽"]
    copied.dispose()


def test_a_failed_upgrade_on_postgresql_changes_nothing(db_url, tmp_path):
    db = open_database(db_url).db
    with pytest.raises(UpgradeFailed) as refused:
        upgrade(db.engine, migrations=_broken_release(tmp_path))
    assert "pos.log" in refused.value.message
    assert current_revision(db.engine) == head_revision()
    assert "phone" not in {c["name"] for c in inspect(db.engine).get_columns("staff")}
    db.dispose()
