"""A plain view does not wait behind another station's long write (issue 11, finding 7).

Every transaction began with BEGIN IMMEDIATE, so a view of an order queued for SQLite's write
lock and failed after the busy timeout while another connection was writing. (PostgreSQL's
readers never wait for writers: this is about SQLite only.)"""

import sqlite3

import pytest
from sqlalchemy import event, select

from pos.db.models import Product
from pos.services import catalog, counter_views, customers, orders
from tests.conftest import add_products


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'data' / 'test.sqlite3'}"


@pytest.fixture
def other_station_writing(db):
    """Another station in the middle of a long write: the lock taken, a change not yet committed."""
    other = sqlite3.connect(db.engine.url.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE products SET name = 'uncommitted'")
    yield
    other.execute("ROLLBACK")
    other.close()


@pytest.fixture
def slip(db, cashier):
    add_products(db, "YJ1000")
    customer = customers.create_customer(
        db, cashier, name="张三", phone="13800138000", address="义乌", customer_type="wholesale"
    )
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "2*YJ1000")
    return number


def test_views_read_the_last_commit_while_another_station_writes(db, slip, request):
    request.getfixturevalue("other_station_writing")
    view = counter_views.order_view(db, slip)
    assert [(ln.item_code, ln.quantity) for ln in view.lines] == [("YJ1000", 2)]
    assert orders.order_details(db, slip)["lines"][0]["name"] != "uncommitted"
    assert [hit.item_code for hit in catalog.search_products(db, "YJ1")] == ["YJ1000"]
    assert [c.name for c in customers.search(db, "138001")] == ["张三"]


def test_writes_still_take_the_lock_at_the_start(db):
    """Two writers queue at BEGIN instead of failing half-way; only reads begin deferred."""
    statements = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.transaction() as session:
            session.scalar(select(Product.id))
        with db.read() as session:
            session.scalar(select(Product.id))
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert [s for s in statements if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE", "BEGIN"]
