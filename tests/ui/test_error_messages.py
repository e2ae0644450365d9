"""Issue 11 finding 5: the counter, in Chinese, when the database refuses. The cashier reads what
happened and what to do, never the driver's English ("Unexpected error: (sqlite3.OperationalError)
... [SQL: ...] (Background on this error at: https://sqlalche.me/...)"); the log file in the data
directory gets the details."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from pos.db.database import Database, use_case
from pos.log_file import log_path, start_logging, stop_logging
from pos.services import customers, orders
from pos.ui.i18n import error_text
from tests.ui.keyboard import scan
from tests.ui.look import tone

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/none"
DRIVER_WORDS = ("[SQL", "sqlalche.me", "OperationalError", "Unexpected error", "BEGIN", "psycopg", "Background")


@pytest.fixture
def counter_window(counter_window):
    """The signed-in counter with 张三 on the slip."""
    counter_window.counter_page.set_customer(customers.search(counter_window.db, "zs")[0])
    return counter_window


@pytest.fixture
def logged():
    path = start_logging()
    yield path
    stop_logging()


def refusal_shown(qtbot, window, page) -> str:
    qtbot.waitUntil(lambda: window.worker.pending == 0 and tone(page.message) == "refused", timeout=10000)
    shown = page.message.text()
    assert not [words for words in DRIVER_WORDS if words in shown], shown
    return shown


def logged_text() -> str:
    return log_path().read_text(encoding="utf-8")


def test_a_read_only_database_file_is_explained(qtbot, zh, logged, counter_window):
    window, page = counter_window, counter_window.counter_page

    def read_only(dbapi_connection, _record, _proxy):
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(window.db.engine, "checkout", read_only)
    try:
        scan(page, "YJ1000")
        shown = refusal_shown(qtbot, window, page)
    finally:
        event.remove(window.db.engine, "checkout", read_only)
        window.db.engine.dispose()
    assert "无法写入" in shown and "未保存任何内容" in shown and "ui.sqlite3" in shown
    assert "attempt to write a readonly database" in logged_text()


def test_a_full_disk_is_explained(qtbot, zh, logged, counter_window, monkeypatch):
    window, page = counter_window, counter_window.counter_page

    @use_case
    def fills_the_disk(db, *args, **kwargs):
        with db.transaction() as session:
            session.execute(text("CREATE TABLE filler (x blob)"))
            # no more pages than it has, set after the table is made: whether CREATE finds a free
            # page depends on the schema's history, the megabyte below never fits
            session.execute(text("PRAGMA max_page_count = 1"))
            session.execute(text("INSERT INTO filler VALUES (randomblob(1000000))"))

    monkeypatch.setattr(orders, "add_scan", fills_the_disk)
    try:
        scan(page, "YJ1000")
        shown = refusal_shown(qtbot, window, page)
    finally:
        window.db.engine.dispose()
    assert "磁盘已满" in shown and "未保存任何内容" in shown
    assert str(Path(window.db.engine.url.database).resolve()) in shown  # where to free space
    assert "database or disk is full" in logged_text() and "INSERT INTO filler" in logged_text()


def test_a_database_locked_by_another_station_is_explained(qtbot, zh, logged, counter_window):
    window, page = counter_window, counter_window.counter_page

    def no_wait(dbapi_connection, _record, _proxy):
        dbapi_connection.execute("PRAGMA busy_timeout = 0")  # the lock lasts longer than any wait

    holder = sqlite3.connect(window.db.engine.url.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    event.listen(window.db.engine, "checkout", no_wait)
    try:
        scan(page, "YJ1000")
        shown = refusal_shown(qtbot, window, page)
    finally:
        holder.close()
        event.remove(window.db.engine, "checkout", no_wait)
        window.db.engine.dispose()
    assert "数据库正忙" in shown and "稍等" in shown
    assert "database is locked" in logged_text()


def test_an_unreachable_server_is_explained(qtbot, zh, logged, counter_window):
    window, page = counter_window, counter_window.counter_page
    reachable, window.db = window.db, Database(UNREACHABLE)
    try:
        page.load_order("S0000")
        shown = refusal_shown(qtbot, window, page)
    finally:
        window.db.dispose()
        window.db = reachable
    assert shown.startswith("无法连接位于 127.0.0.1:1 的数据库服务器") and "网线" in shown
    assert "Connection refused" in logged_text()


def test_a_raw_driver_error_that_reaches_the_screen_is_explained(zh, tmp_path):
    holder = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("BEGIN IMMEDIATE")
    holder.close()
    other.close()
    shown = error_text(OperationalError("BEGIN IMMEDIATE", (), locked.value))
    assert "数据库正忙" in shown and not [words for words in DRIVER_WORDS if words in shown]


def test_a_bug_points_at_the_log_not_at_its_words(zh):
    shown = error_text(RuntimeError("total_fen is None in _settle"))
    assert "发生了意外错误" in shown and str(log_path()) in shown
    assert "total_fen" not in shown and "RuntimeError" not in shown
