"""Issue 10 findings 3 and 14 in the real counter window: the first scans of a slip land on one
slip, and a scan whose reply is lost is retried with its command id and stored once."""

import threading
from contextlib import contextmanager

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from pos.db.models import Order, OrderLine
from pos.services import customers
from pos.services.audit_anchors import appended
from tests.ui.keyboard import scan
from tests.ui.look import tone


@pytest.fixture
def counter_window(counter_window):
    """The signed-in counter with 张三 on the slip."""
    counter_window.counter_page.set_customer(customers.search(counter_window.db, "zs")[0])
    return counter_window


def stored(db):
    with db.transaction() as s:
        numbers = s.scalars(select(Order.number).order_by(Order.id)).all()
        lines = s.execute(select(OrderLine.item_code, OrderLine.quantity).order_by(OrderLine.position)).all()
        return numbers, lines


def test_two_scans_before_the_first_reply_go_on_one_slip(qtbot, counter_window):
    window, page = counter_window, counter_window.counter_page
    # the second scan is typed while the first is still on the worker: the slip has no number yet
    scan(page, "YJ1000")
    scan(page, "BD2000")
    qtbot.waitUntil(lambda: window.worker.pending == 0 and page.model.rowCount() == 2, timeout=5000)
    numbers, lines = stored(window.db)
    assert len(numbers) == 1, numbers
    assert lines == [("YJ1000", 1), ("BD2000", 1)]
    assert page.order == numbers[0]


def test_a_refused_first_scan_opens_no_slip(qtbot, counter_window):
    window, page = counter_window, counter_window.counter_page
    scan(page, "NOPE123")
    qtbot.waitUntil(lambda: window.worker.pending == 0 and tone(page.message) == "refused", timeout=5000)
    assert stored(window.db) == ([], [])
    assert page.order is None
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page, "YJ1000")
    numbers, _ = stored(window.db)
    assert len(numbers) == 1 and numbers[0].endswith("-0001")  # the refusal used no number


class LostReplies:
    """Stands in for the database's transaction(): every `every`-th transaction that writes commits,
    then its reply is lost (the connection drops after COMMIT), as on a bad network to PostgreSQL."""

    def __init__(self, db, every=2, thread=""):
        self.inner, self.every, self.writes, self.lost = db.transaction, every, 0, 0
        self.thread = thread  # only transactions on threads named so (the services' worker)

    @contextmanager
    def __call__(self):
        with self.inner() as session:
            flushed = []
            event.listen(session, "after_flush", lambda *_: flushed.append(1))
            yield session
            wrote = flushed or appended(session)  # Core writes of a scan or a tick flush nothing
        if wrote and threading.current_thread().name.startswith(self.thread):
            self.writes += 1
            if self.writes % self.every == 0:
                self.lost += 1
                raise OperationalError("COMMIT", {}, ConnectionError("server closed the connection unexpectedly"))


def test_ten_scans_with_lost_replies_store_ten_units(qtbot, counter_window):
    """Finding 14: the reply of every other commit is lost. The scan is retried with its command id
    and stored once; the cashier, who scans again whatever the screen did not show, scans 10 times."""
    window, page = counter_window, counter_window.counter_page
    faults = LostReplies(window.db)
    window.db.transaction = faults
    scans = 0
    while sum(line.quantity for line in page.model.lines) < 10 and scans < 20:
        scans += 1
        scan(page, "YJ1000")
        qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)
    assert faults.lost >= 5  # the harness did lose replies
    assert scans == 10
    assert tone(page.message) != "refused"
    del window.db.transaction
    assert stored(window.db)[1] == [("YJ1000", 10)]


class DatabaseDown:
    """transaction() while the database cannot be reached: the first `failures` attempts to write
    fail (the last of them after its COMMIT went through, its reply lost), then it answers again."""

    def __init__(self, db, failures):
        self.inner, self.failures, self.attempts = db.transaction, failures, 0

    @contextmanager
    def __call__(self):
        with self.inner() as session:
            flushed = []
            event.listen(session, "after_flush", lambda *_: flushed.append(1))
            yield session
            wrote = flushed or appended(session)
            if wrote and self.attempts < self.failures - 1:
                self.attempts += 1
                raise OperationalError("INSERT", {}, ConnectionError("connection refused"))
        if wrote and self.attempts == self.failures - 1:
            self.attempts += 1
            raise OperationalError("COMMIT", {}, ConnectionError("server closed the connection unexpectedly"))


def test_an_act_the_database_does_not_answer_is_announced_then_stored_once(qtbot, counter_window, monkeypatch):
    from pos.ui import worker

    monkeypatch.setattr(worker, "QUICK_RETRIES", (0.01, 0.01))
    monkeypatch.setattr(worker, "SLOW_RETRY", 0.05)
    window, page = counter_window, counter_window.counter_page
    window.db.transaction = DatabaseDown(window.db, failures=6)
    announced = []
    # connected after the window's own handler: records what the cashier saw at that moment
    window.worker.act_uncertain.connect(lambda waiting: announced.append((waiting, page.message.text())))
    with qtbot.waitSignal(page.line_shown, timeout=10000):
        scan(page, "YJ1000")
    # told it was not confirmed and is being retried, then that it went through
    assert [waiting for waiting, _ in announced] == [True, False]
    assert "not confirmed" in announced[0][1] and tone(page.message) != "refused"
    assert window.database_label.property("alarm") is False
    del window.db.transaction
    numbers, lines = stored(window.db)
    assert len(numbers) == 1 and lines == [("YJ1000", 1)]
