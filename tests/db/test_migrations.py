import shutil
import sqlite3
import textwrap

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from pos.db.database import Database
from pos.db.migrate import MIGRATIONS, current_revision, head_revision, upgrade
from pos.db.models import Base


def test_migrations_build_exactly_the_models(db):
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_upgrade_is_idempotent(db):
    result = upgrade(db.engine)
    assert not result.changed and result.backup is None


def test_older_database_is_backed_up_before_upgrade(tmp_path):
    """A database at today's head meets a release with one more migration: the file is copied
    aside first."""
    head = head_revision()
    path = tmp_path / "shop.sqlite3"
    old = Database(f"sqlite:///{path}")
    upgrade(old.engine)
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO staff (login_code, name, roles, pin_hash, active, failed_attempts, created_at) "
            "VALUES ('1001', '王丽', 'cashier', 'h', 1, 0, '2026-11-27 00:00:00')"
        )
    old.dispose()

    newer = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9999_staff_phone.py").write_text(textwrap.dedent(f'''
        from alembic import op
        import sqlalchemy as sa

        revision = "9999"
        down_revision = "{head}"

        def upgrade():
            with op.batch_alter_table("staff") as batch:
                batch.add_column(sa.Column("phone", sa.String(30), nullable=True))

        def downgrade():
            with op.batch_alter_table("staff") as batch:
                batch.drop_column("phone")
    '''))

    db = Database(f"sqlite:///{path}")
    result = upgrade(db.engine, migrations=newer)
    assert (result.from_revision, result.to_revision) == (head, "9999")
    assert result.backup is not None and result.backup.exists()
    assert "phone" in {c["name"] for c in inspect(db.engine).get_columns("staff")}
    db.dispose()

    copy = sqlite3.connect(result.backup)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
        assert copy.execute("SELECT name FROM staff").fetchall() == [("王丽",)]
        assert "phone" not in {row[1] for row in copy.execute("PRAGMA table_info(staff)")}
    finally:
        copy.close()


def test_new_database_needs_no_backup(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    result = upgrade(db.engine)
    assert result.from_revision is None and result.backup is None
    assert list(tmp_path.glob("*.bak")) == []
    db.dispose()


def test_upgrade_keeps_rows_written_by_an_older_release(db_url):
    """A database at 0001 holding a print job and an order is upgraded in place."""
    from alembic import command

    from pos.db.migrate import _config

    old = Database(db_url)
    config = _config()
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO staff (id, login_code, name, roles, pin_hash, active, failed_attempts, created_at) "
            "VALUES (1, '1001', '王丽', 'cashier', 'h', true, 0, '2026-11-27 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO print_jobs (command_id, kind, copy, reprint, printer_uri, payload, status, attempts, "
            "last_error, created_at) VALUES ('c1', 'test', 0, 0, 'preview:', '', 'pending', 0, '', '2026-11-27 00:00:00')"
        )
    result = upgrade(old.engine)
    assert result.from_revision == "0001" and result.to_revision == head_revision()
    with old.transaction() as s:
        from pos.db.models import PrintJob

        job = s.query(PrintJob).one()
        assert (job.job_ref, job.station, job.box_number, job.cancel_reason) == ("", "", 0, "")
    old.dispose()


def test_customers_on_file_before_0006_are_found_by_the_last_digits(db_url):
    from alembic import command

    from pos.db.migrate import _config
    from pos.services import customers

    old = Database(db_url)
    config = _config()
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (number, name, name_pinyin, name_initials, phone, address, customer_type, "
            "return_ratio_permille, balance_fen, birthday, notes, created_at, updated_at) VALUES "
            "('C000001', '张三', 'zhangsan', 'zs', '13800138000', '义乌', 'wholesale', 0, 0, '', '', "
            "'2026-11-27 00:00:00', '2026-11-27 00:00:00')"
        )
    upgrade(old.engine)
    assert [c.number for c in customers.search(old, "8000")] == ["C000001"]
    old.dispose()
