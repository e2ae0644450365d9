"""Queries answered by the right index, on SQLite and PostgreSQL (issue 14 deliverables 3 and 4):
as-you-type searches read their first page off an index, in its order (a sort of every match took
half a second for "1" at 200,000 customers), and a day end finds the station's day of payments
without reading the station's whole history."""

from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event

from pos.domain.money import Money
from pos.services import catalog, customers, day_end
from tests.conftest import add_products


@contextmanager
def statements(db):
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def plan(db, statement, parameters) -> str:
    """The database's own plan for a statement as the search sent it. PostgreSQL is told to
    avoid sorts and table scans wherever it can: on a few test rows it would rightly prefer them,
    and what is checked is that the index can answer the query alone."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.engine.dialect.name == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
        cursor.execute("EXPLAIN " + statement, parameters)
        return "\n".join(row[0] for row in cursor.fetchall())
    finally:
        raw.rollback()
        raw.close()


def sorts_or_scans(db, text: str) -> bool:
    if db.engine.dialect.name == "sqlite":
        return "TEMP B-TREE" in text or bool([line for line in text.splitlines() if line.startswith("SCAN customers")])
    return "Sort" in text or "Seq Scan" in text


@pytest.fixture
def people(db, cashier):
    for i, (name, phone) in enumerate([("张三", "13800138000"), ("李四", "13912345678"), ("王五", "15000008000")]):
        customers.create_customer(db, cashier, name=name, phone=phone, address=f"义乌{i}")


@pytest.mark.parametrize("typed", ["1", "138", "8000", "C0", "z", "zs", "zhang", "张", "李四"])
def test_customer_prefix_searches_read_an_index_in_its_order(db, people, typed):
    with statements(db) as seen:
        found = customers.search(db, typed)
    selects = [(s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT") and "customers" in s]
    prefix_selects = [(s, p) for s, p in selects if " LIKE " not in s.upper()]  # the contains-scan fills up only
    assert found and prefix_selects
    for statement, parameters in prefix_selects:
        text = plan(db, statement, parameters)
        assert "customers" in text or "ix_customers" in text
        assert not sorts_or_scans(db, text), f"{typed!r}: {statement}\n{text}"


@pytest.mark.parametrize("typed", ["P00", "p00", "6901"])
def test_product_code_searches_read_an_index_in_its_order(db, typed):
    add_products(db, P0001=("银手镯", 1000, 900, "6901234567892"), P0002=("银戒指", 2000, 1800, None))
    with statements(db) as seen:
        found = catalog.search_products(db, typed)
    assert found
    checked = 0
    for statement, parameters in seen:
        if statement.lstrip().upper().startswith("SELECT") and " LIKE " not in statement.upper():
            text = plan(db, statement, parameters)
            assert "TEMP B-TREE" not in text and "Sort" not in text, f"{typed!r}: {statement}\n{text}"
            assert "SCAN products\n" not in text + "\n" and "Seq Scan" not in text, text
            checked += 1
    assert checked


def test_a_day_end_reads_the_stations_day_through_one_index(db):
    with statements(db) as seen:
        day_end.expected_takings(db, "柜台1", date(2026, 12, 7), Money(0))
    (statement, parameters), *_ = [(s, p) for s, p in seen if "payments" in s]
    text = plan(db, statement, parameters)
    assert "ix_payments_station_created_at" in text, text
    if db.engine.dialect.name == "sqlite":
        assert "station=? AND created_at>? AND created_at<?" in text, text
