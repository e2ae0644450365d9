"""A database made by every earlier release, holding what a shop writes (orders paid, open and
voided, lines, boxes, ticks, signatures, payments and refunds, return slips, print jobs, shipments,
reconciliations, audit), is upgraded by the app's own path and keeps every row and every value;
the only values that change are the ones a migration exists to change, and they change as it says."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from pos.db.database import Database
from pos.db.migrate import _config, current_revision, head_revision, upgrade
from pos.services import orders
from tests.db.release_rows import BY_RELEASE

RELEASES = list(BY_RELEASE)


def _made_by(db_url: str, release: str) -> Database:
    """The shop's database as release `release` left it: each release's rows written under its schema."""
    db = Database(db_url)
    config = _config()
    for revision in RELEASES[: RELEASES.index(release) + 1]:
        with db.engine.connect() as connection:
            if db.engine.dialect.name == "sqlite":  # as pos.db.migrate does: rebuilds need the keys off
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
            if db.engine.dialect.name == "sqlite":
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
        with db.engine.begin() as connection:
            for row in BY_RELEASE[revision]:
                connection.exec_driver_sql(_blobs(row, db.engine.dialect.name))
    if db.engine.dialect.name == "postgresql":  # as if the app had inserted them: ids go on from here
        with db.engine.begin() as connection:
            for table in inspect(connection).get_table_names():
                if "id" in {c["name"] for c in inspect(connection).get_columns(table)}:
                    connection.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT COALESCE(max(id), 0) + 1 FROM {table}), false)"
                    )
    return db


def _blobs(row: str, dialect: str) -> str:
    return row if dialect == "sqlite" else row.replace("X'", "'\\x")  # PostgreSQL's bytea hex


def _rows(db: Database) -> dict[str, dict[tuple, dict]]:
    """Every row of every table, by primary key."""
    snapshot = {}
    with db.engine.connect() as connection:
        schema = inspect(connection)
        for table in schema.get_table_names():
            if table == "alembic_version":
                continue
            key = schema.get_pk_constraint(table)["constrained_columns"]
            rows = connection.execute(text(f"SELECT * FROM {table}")).mappings().all()
            snapshot[table] = {tuple(row[k] for k in key): _plain(dict(row)) for row in rows}
    return snapshot


def _plain(row: dict) -> dict:
    return {name: bytes(value) if isinstance(value, memoryview) else value for name, value in row.items()}


def _expected(table: str, row: dict, release: str) -> dict:
    """What a migration after `release` does to a row on purpose."""
    row = dict(row)
    if table == "customers" and release < "0003":  # "zhangsan zs" split into full pinyin and initials
        row["name_pinyin"], _, row["name_initials"] = row["name_pinyin"].partition(" ")
    if table == "customers" and release < "0006":
        row["phone_reversed"] = row["phone"][::-1]
    if table == "orders" and release < "0009" and row["settled_at"] is not None:
        row["status"] = "settled"  # one state column: paid is a state of its own
    return row


def _backfilled(before: dict, release: str) -> set[tuple]:
    """The stock history 0010 adds: a sale per line of each settled order and a return per line of
    each completed slip that had none."""
    if release >= "0010":
        return set()
    moved = before.get("stock_movements", {}).values()
    sold = {m["order_id"] for m in moved if m["kind"] == "sale"}
    returned = {m["return_slip_id"] for m in moved if m["kind"] == "return"}
    lines = before["order_lines"].values()
    expected = set()
    for order in before["orders"].values():
        if order["settled_at"] is not None and order["id"] not in sold:
            expected |= {
                (line["product_id"], -line["quantity"], "sale", order["id"], None, order["settled_at"])
                for line in lines
                if line["order_id"] == order["id"]
            }
    for slip in before["return_slips"].values():
        if slip["status"] == "complete" and slip["id"] not in returned:
            for item in before["return_lines"].values():
                if item["return_slip_id"] == slip["id"]:
                    line = before["order_lines"][(item["order_line_id"],)]
                    expected.add(
                        (
                            line["product_id"],
                            item["quantity"],
                            "return",
                            slip["order_id"],
                            slip["id"],
                            slip["completed_at"],
                        )
                    )
    return expected


@pytest.mark.parametrize("release", RELEASES)
def test_a_database_made_by_each_earlier_release_keeps_every_row_and_value(db_url, release):
    db = _made_by(db_url, release)
    before = _rows(db)

    result = upgrade(db.engine)

    assert (result.from_revision, current_revision(db.engine)) == (release, head_revision())
    after = _rows(db)
    for table, rows in before.items():
        kept = after[table]
        if table == "stock_movements":
            kept = {key: row for key, row in kept.items() if key in rows}
        assert kept.keys() == rows.keys(), table
        for key, row in rows.items():
            expected = _expected(table, row, release)
            assert {c: kept[key][c] for c in expected if c in kept[key]} == {
                c: v for c, v in expected.items() if c in kept[key]
            }, (table, key)
    added = [row for key, row in after["stock_movements"].items() if key not in before.get("stock_movements", {})]
    history = [
        (m["product_id"], m["quantity"], m["kind"], m["order_id"], m["return_slip_id"], m["created_at"]) for m in added
    ]
    assert sorted(history, key=repr) == sorted(_backfilled(before, release), key=repr)
    assert len(history) == len(set(history))
    db.dispose()


@pytest.mark.parametrize("release", ["0001", "0005"])
def test_an_upgraded_database_is_used_as_it_was(db_url, release):
    """After the upgrade the app reads the old orders as they were, and stock counts the old sales."""
    db = _made_by(db_url, release)
    upgrade(db.engine)
    paid = orders.order_details(db, "S20261102-0001")
    assert (paid["status"], paid["total"]["fen"]) == ("settled", 2 * 3500 + 12800)  # one ring crossed out
    assert orders.order_details(db, "S20261102-0002")["status"] == "settled"  # paid, taken unpacked
    assert orders.order_details(db, "S20261102-0003")["status"] == "open"
    with db.engine.connect() as connection:
        stock = dict(
            connection.execute(text("SELECT product_id, SUM(quantity) FROM stock_movements GROUP BY product_id")).all()
        )
    # ring: 3 and 4 sold under 0001, one of the three back on the slip (and 2 sold, 10 in, under 0005)
    assert stock[1] == -3 - 4 + 1 + (-2 if release >= "0005" else 0)
    db.dispose()
