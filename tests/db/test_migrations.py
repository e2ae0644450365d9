import shutil
import sqlite3
import textwrap

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from pos.db.database import Database
from pos.db.migrate import MIGRATIONS, current_revision, head_revision, upgrade
from pos.db.models import Base
from tests.db.old_schema import database_at


def test_migrations_build_exactly_the_models(db):
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


@pytest.mark.parametrize("revision", [f"{n:04d}" for n in range(1, int(head_revision()))])
def test_a_database_of_every_earlier_release_upgrades_to_exactly_the_models(db_url, revision):
    old = database_at(db_url, revision)
    result = upgrade(old.engine, backup=False)
    assert (result.from_revision, result.to_revision) == (revision, head_revision())
    with old.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    old.dispose()


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
    (newer / "versions" / "9999_staff_phone.py").write_text(
        textwrap.dedent(f'''
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
    ''')
    )

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


def test_customers_on_file_before_0006_are_found_by_the_last_digits(db_url):

    from pos.services import customers

    old = database_at(db_url, "0005")
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


def test_orders_before_0009_get_their_one_state(db_url):
    """Before 0009 a paid order kept the state it was paid in: 'checked', or 'open' when the customer
    took it unpacked (needs_packing false). Upgraded, `status` alone says what each order is."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from pos.services import counter

    old = database_at(db_url, "0006")
    orders = [  # number, status, needs_packing, checked_at, settled_at
        ("S20261127-0001", "open", True, None, None),
        ("S20261127-0002", "printed", True, None, None),
        ("S20261127-0003", "checked", True, "2026-11-27 10:00:00", "2026-11-27 10:05:00"),  # checked and paid
        ("S20261127-0004", "open", False, None, "2026-11-27 11:00:00"),  # taken now, unpacked, paid
        ("S20261127-0005", "checked", True, "2026-11-27 12:00:00", None),  # checked, waiting to pay
    ]
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO staff (id, login_code, name, roles, pin_hash, active, failed_attempts, created_at) "
            "VALUES (1, '1001', '王丽', 'cashier', 'h', true, 0, '2026-11-27 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO customers (id, number, name, name_pinyin, name_initials, phone, phone_reversed, address, "
            "customer_type, return_ratio_permille, balance_fen, birthday, notes, created_at, updated_at) VALUES "
            "(1, 'C000001', '张三', 'zhangsan', 'zs', '13800138000', '00083100831', '义乌', 'wholesale', 0, 0, '', '', "
            "'2026-11-27 00:00:00', '2026-11-27 00:00:00')"
        )
        for index, (number, status, packing, checked, settled) in enumerate(orders, start=1):
            conn.execute(
                text(
                    "INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, needs_packing, "
                    "shipping_fee_fen, station, created_at, copy3_to, checked_at, settled_at) VALUES "
                    "(:id, :number, 1, 1, :status, 'present', :packing, 0, '结算台1', '2026-11-27 09:00:00', '', "
                    ":checked, :settled)"
                ),
                {
                    "id": index,
                    "number": number,
                    "status": status,
                    "packing": packing,
                    "checked": checked,
                    "settled": settled,
                },
            )
    upgrade(old.engine)
    with old.engine.connect() as conn:
        stored = dict(conn.exec_driver_sql("SELECT number, status FROM orders").all())
    assert stored == {
        "S20261127-0001": "open",
        "S20261127-0002": "printed",
        "S20261127-0003": "settled",
        "S20261127-0004": "settled",
        "S20261127-0005": "checked",
    }
    assert "needs_packing" not in {c["name"] for c in inspect(old.engine).get_columns("orders")}
    # the screens read the one state: the paid ones wait nowhere
    assert counter.order_view(old, "S20261127-0004").status == "settled"
    assert [r.number for r in counter.ready_to_settle(old)] == ["S20261127-0005"]
    assert counter.last_open_order(old, "结算台1") == "S20261127-0001"
    # the widened CHECK still holds the list of states
    with pytest.raises(IntegrityError):
        with old.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE orders SET status = 'paid' WHERE id = 1")
    old.dispose()


def test_0009_downgrade_gives_paid_orders_their_old_columns_back(db_url):
    """Going back before 0009: a settled order is 'checked' again when it was checked, else
    'open' with needs_packing false (taken unpacked), as the older release stored them."""
    from alembic import command

    from pos.db.migrate import _config

    db = Database(db_url)
    upgrade(db.engine)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO staff (id, login_code, name, roles, pin_hash, active, failed_attempts, created_at) "
            "VALUES (1, '1001', '王丽', 'cashier', 'h', true, 0, '2026-11-27 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO customers (id, number, name, name_pinyin, name_initials, phone, phone_reversed, address, "
            "customer_type, return_ratio_permille, balance_fen, birthday, notes, created_at, updated_at) VALUES "
            "(1, 'C000001', '张三', 'zhangsan', 'zs', '13800138000', '00083100831', '义乌', 'wholesale', 0, 0, '', '', "
            "'2026-11-27 00:00:00', '2026-11-27 00:00:00')"
        )
        for index, checked in ((1, "'2026-11-27 10:00:00'"), (2, "NULL")):
            conn.exec_driver_sql(
                "INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, shipping_fee_fen, "
                f"station, created_at, copy3_to, checked_at, settled_at) VALUES ({index}, 'S20261127-000{index}', 1, 1, "
                f"'settled', 'present', 0, '', '2026-11-27 09:00:00', '', {checked}, '2026-11-27 11:00:00')"
            )
    config = _config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT number, status, needs_packing FROM orders ORDER BY id").all()
    assert [(n, s, bool(p)) for n, s, p in rows] == [
        ("S20261127-0001", "checked", True),
        ("S20261127-0002", "open", False),
    ]
    db.dispose()
