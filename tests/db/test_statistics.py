"""SQLite's planner statistics are gathered where a database has none and after bulk loads (issue
14 deliverable 4: day end chose the station index over the date index on a database never
analyzed). PostgreSQL's autovacuum gathers its own."""

import pytest
from sqlalchemy import text

from pos.db.statistics import analyze, has_statistics
from pos.services import catalog_import, staff
from pos.services.startup import open_database
from tests.conftest import add_products


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'pos.sqlite3'}"


def _forget(db) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sqlite_stat1")


def _analyzed(db, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = :t"), {"t": table}).scalar()


def test_a_database_never_analyzed_is_analyzed_when_opened(url):
    db = open_database(url).db
    add_products(db, "YJ1000", "BD2000")
    analyze(db.engine)
    _forget(db)
    assert not has_statistics(db.engine)
    db.dispose()
    db = open_database(url).db
    assert has_statistics(db.engine) and _analyzed(db, "products")
    db.dispose()


def test_a_catalog_import_gathers_them_again(url, tmp_path):
    db = open_database(url).db
    admin = staff.add_staff(db, None, login_code="9001", name="管理员", roles="admin", pin="9999")
    _forget(db)
    source = tmp_path / "catalog.csv"
    source.write_text("货号,名称,批发价,加盟价\nA0001,银手镯,35.00,31.50\nA0002,银戒指,20.00,18.00\n", encoding="utf-8")
    assert catalog_import.import_catalog(db, admin, source).added == 2
    assert _analyzed(db, "products")
    db.dispose()
