"""Figures measured in the real windows (offscreen Qt): from the scanner's Enter key to the row
shown, at the counter on a 300-line slip and at the bench on a 300-line order, each against the raw
work a scan needs at the least: the barcode looked up, a row written and committed (same file, WAL,
synchronous FULL) and a row put in a Qt model."""

from __future__ import annotations

import sqlite3
import time

from benchmarks import data
from benchmarks.measure import Figure, against, interleaved
from pos.db.database import Database
from pos.services import bench, counter, customers, orders, staff
from pos.services.printing import PrintContext

LINES = 300


def _window(db: Database, station_role: str):  # noqa: ANN202 - the app and its main window
    from PySide6.QtWidgets import QApplication

    from pos.config import Settings
    from pos.devices.speech import Speaker
    from pos.ui.feedback import Sounds
    from pos.ui.gc_guard import collect_on_gui_thread
    from pos.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    collect_on_gui_thread(app)  # as the app does
    window = MainWindow(
        db,
        Settings(station_name="bench-" + station_role, station_role=station_role),
        save=lambda s: None,
        sounds=Sounds(enabled=False),
        speaker=Speaker(),
    )
    window.show()
    return app, window


def _wait(app, until, seconds: float = 10) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        app.processEvents()
    assert until(), "the window did not get there"


def _scanner(app, widget, signal):  # noqa: ANN001, ANN202 - types a code and Enter, returns ms to the signal
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    def scan(code: str) -> float:
        QTest.keyClicks(widget, code, Qt.KeyboardModifier.NoModifier, 1)
        shown: dict[str, float] = {}
        catch = lambda row: shown.setdefault("at", time.perf_counter())  # noqa: E731
        signal.connect(catch)
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(2000, loop.quit)
        enter = time.perf_counter()
        QTest.keyClick(widget, Qt.Key.Key_Return)
        if "at" not in shown:
            loop.exec()
        signal.disconnect(loop.quit)
        signal.disconnect(catch)
        return (shown.get("at", time.perf_counter()) - enter) * 1000

    return scan


class RawScan:
    """The least a scan needs, on its own connection to the same file."""

    def __init__(self, path: str, update: bool) -> None:
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS bench_scratch (id INTEGER PRIMARY KEY, product_id, quantity)")
        self.conn.execute("INSERT OR IGNORE INTO bench_scratch (id, product_id, quantity) VALUES (1, 1, 0)")
        self.model = QStandardItemModel(0, 4)
        self.item = QStandardItem
        self.update = update
        for _ in range(LINES):
            self.model.appendRow([QStandardItem("") for _ in range(4)])

    def __call__(self, code: str) -> None:
        (product,) = self.conn.execute("SELECT product_id FROM product_barcodes WHERE barcode = ?", (code,)).fetchone()
        self.conn.execute("BEGIN IMMEDIATE")
        if self.update:  # a tick: the conditional bump of the line
            self.conn.execute("UPDATE bench_scratch SET quantity = quantity + 1 WHERE id = 1 AND quantity < 1000000")
        else:
            self.conn.execute("INSERT INTO bench_scratch (product_id, quantity) VALUES (?, 1)", (product,))
        self.conn.execute("COMMIT")
        if self.update:
            self.model.item(product % LINES, 2).setText(str(product))
        else:
            self.model.appendRow([self.item(str(product)) for _ in range(4)])


def counter_scan(db: Database, path: str, size: data.Size) -> Figure:
    cashier = staff.sign_in(db, "1001", "1111")
    customer = customers.search(db, "C000001")[0]
    number = orders.open_order(db, cashier, customer.number, station="bench")
    for i in range(LINES):
        orders.add_scan(db, cashier, number, data.item_code(1 + i * 3331 % size.products))
    app, window = _window(db, "counter")
    window._signed_in(cashier)
    page = window.counter_page
    page.load_order(number)
    page.set_customer(customer)
    _wait(app, lambda: len(page.model.lines) == LINES)
    scan = _scanner(app, page.table, page.line_shown)
    raw = RawScan(path, update=False)
    codes = [data.barcode(1 + (i * 7919) % size.products) for i in range(400)]
    figure, baseline = interleaved(lambda i: scan(codes[i]), lambda i: raw(codes[i]), 200, warm=20)
    window.scan_filter.remove()
    window.worker.shutdown()
    window.close()
    return against("counter scan → row (1M products, 300-line slip)", figure, baseline, max_ratio=3, max_ms=16)


def bench_tick(db: Database, path: str, size: data.Size) -> Figure:
    cashier = staff.sign_in(db, "1001", "1111")
    packer = staff.sign_in(db, "2001", "2222")
    customer = customers.search(db, "C000001")[0]
    number = orders.open_order(db, cashier, customer.number)
    codes = [data.item_code(1 + i * 3331 % size.products) for i in range(LINES)]
    for code in codes:
        orders.add_scan(db, cashier, number, f"20*{code}")
    counter.print_for_checking(db, cashier, PrintContext(station="c"), number, "file:///dev/null")
    bench.start_check(db, packer, number, "present")
    app, window = _window(db, "bench")
    window._signed_in(packer)
    page = window.bench_page
    page.load(number)
    _wait(app, lambda: page.current is not None and len(page.model.lines) == LINES)
    scan = _scanner(app, page.table, page.tick_shown)
    raw = RawScan(path, update=True)
    barcodes = [data.barcode(1 + i * 3331 % size.products) for i in range(LINES)]
    figure, baseline = interleaved(
        lambda i: scan(codes[(i * 7) % LINES]), lambda i: raw(barcodes[(i * 7) % LINES]), 200, warm=20
    )
    window.scan_filter.remove()
    window.worker.shutdown()
    window.close()
    return against("bench tick → row and box (300-line order)", figure, baseline, max_ratio=3, max_ms=16)
