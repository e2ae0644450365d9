"""Figures measured through the services on the large shop: searches, day end, a tick on a long
order, what a full order costs the database, and how long printing holds the write lock."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import event, text

from benchmarks import full_orders
from benchmarks.measure import Figure, Timing, against, interleaved, ms
from pos.db.database import Database
from pos.db.models import Product
from pos.domain.money import Money
from pos.services import bench, catalog, counter, customers, day_end, db_stats, orders, staff
from pos.services.printing import PrintContext
from pos.services.startup import open_database

CUSTOMER_INPUTS = (
    "1",
    "13",
    "138",
    "13912",
    "8000",
    "C01234",
    "c1",
    "z",
    "zs",
    "wang",
    "lq",
    "x",
    "李",
    "张伟",
    "王",
    "鑫",
)
PRODUCT_INPUTS = ("P", "P00", "p0001", "6", "69", "6900000", "P0999999", "zzzz", "银", "925", "13912", "鑫")


def _index_range(db: Database, column: str, table: str):  # noqa: ANN202 - a callable for interleaved
    """The cheapest answer to a prefix: the index range, first page, no sort, no objects (in a
    read transaction, as the search has)."""
    statement = text(f"SELECT id FROM {table} WHERE {column} >= :a AND {column} < :b LIMIT 20")

    def run(i: int) -> None:
        with db.read() as session:
            session.execute(statement, {"a": "13", "b": "13\U0010ffff"}).all()

    return run


def searches(db: Database) -> list[Figure]:
    figures = []
    for name, search, inputs, base in (
        (
            "customer search, any input (200k)",
            customers.search,
            CUSTOMER_INPUTS,
            _index_range(db, "phone", "customers"),
        ),
        (
            "product search, any input (1M)",
            catalog.search_products,
            PRODUCT_INPUTS,
            _index_range(db, "item_code", "products"),
        ),
    ):
        figure, baseline = interleaved(lambda i, s=search, q=inputs: s(db, q[i % len(q)]), base, 10 * len(inputs))
        passed = figure.median < 30 and figure.p99 < 50
        figures.append(
            Figure(
                name, ms(figure), ms(baseline), figure.median / baseline.median, "median < 30 ms, p99 < 50 ms", passed
            )
        )
    return figures


def day_end_figure(db: Database) -> Figure:
    statement = text(
        "SELECT method, sum(amount_fen) FROM payments WHERE station = :s AND created_at >= :a AND created_at < :b "
        "GROUP BY method"
    )
    days = [date(2026, 11, 26 - d % 20) for d in range(40)]

    def base(i: int) -> None:
        day = days[i % len(days)]
        with db.read() as session:
            session.execute(statement, {"s": "结算台1", "a": day, "b": day.replace(day=day.day + 1)}).all()

    figure, baseline = interleaved(
        lambda i: day_end.expected_takings(db, "结算台1", days[i % len(days)], Money(0)), base, 40
    )
    return Figure(
        "day end takings, five years of payments",
        ms(figure),
        ms(baseline),
        figure.median / baseline.median,
        "median < 100 ms",
        figure.median < 100,
    )


def _checking_order(db: Database, cashier, packer, customer: str, lines: int, products: list[str]) -> str:
    number = orders.open_order(db, cashier, customer)
    for code in products[:lines]:
        orders.add_scan(db, cashier, number, f"50*{code}")
    counter.print_for_checking(db, cashier, PrintContext(station="c"), number, "file:///dev/null")
    bench.start_check(db, packer, number, "present")
    return number


def tick_flat(db: Database) -> Figure:
    """A tick on a 2,000-line order against the same tick on a 300-line order."""
    cashier = staff.sign_in(db, "1001", "1111")
    packer = staff.sign_in(db, "2001", "2222")
    customer = customers.search(db, "C000002")[0].number
    codes = [full_orders_code(i) for i in range(1, 2001)]
    long_order = _checking_order(db, cashier, packer, customer, 2000, codes)
    short_order = _checking_order(db, cashier, packer, customer, 300, codes)
    figure, baseline = interleaved(
        lambda i: bench.tick(db, packer, long_order, codes[(i * 7) % 300]),
        lambda i: bench.tick(db, packer, short_order, codes[(i * 7) % 300]),
        200,
    )
    return against("bench tick, 2,000-line order vs 300 lines", figure, baseline, max_ratio=1.25)


def full_orders_code(i: int) -> str:
    return f"P{i:07d}"


def growth() -> Figure:
    """Bytes one full order adds to a new database (counted over 50)."""
    work = Path(tempfile.mkdtemp(prefix="pos-growth-"))
    db = open_database(f"sqlite:///{work / 'growth.sqlite3'}").db
    cashier, packer = full_orders.people(db)
    with db.transaction() as s:
        s.add_all(
            Product(item_code=f"G{i:04d}", name=f"925银饰品{i}", wholesale_price_fen=1000 + i, franchise_price_fen=900)
            for i in range(200)
        )
    customer = full_orders.make_customer(db, cashier, 1)
    before = db_stats.database_stats(db).size or 0
    count = 50
    for n in range(count):
        codes = [f"G{(n * 7 + k) % 200:04d}" for k in range(full_orders.LINES)]
        full_orders.full_order(db, cashier, packer, customer, codes, work, archive=work / "archive")
    per_order = ((db_stats.database_stats(db).size or 0) - before) / count
    db.dispose()
    return Figure(
        "database growth per full order (10 lines)",
        f"{per_order / 1000:.1f} KB",
        "–",
        None,
        "< 10 KB",
        per_order < 10_000,
    )


def write_lock(db: Database, products: int) -> Figure:
    """How long printing a 300-line slip for checking holds the database's write transaction,
    against a scan's."""
    cashier = staff.sign_in(db, "1001", "1111")
    customer = customers.search(db, "C000003")[0].number
    held: list[float] = []
    began: list[float] = []
    listen_begin = lambda conn: began.append(time.perf_counter())  # noqa: E731
    listen_commit = lambda conn: held.append((time.perf_counter() - began[-1]) * 1000)  # noqa: E731
    event.listen(db.engine, "begin", listen_begin)
    event.listen(db.engine, "commit", listen_commit)
    prints, scans = [], []
    try:
        for i in range(8):
            number = orders.open_order(db, cashier, customer)
            for k in range(300):
                orders.add_scan(db, cashier, number, full_orders_code(1 + (i * 300 + k) % products))
            held.clear()
            orders.add_scan(db, cashier, number, full_orders_code(products // 2))
            scans.append(max(held))
            held.clear()
            counter.print_for_checking(db, cashier, PrintContext(station="c"), number, "file:///dev/null")
            prints.append(max(held))
    finally:
        event.remove(db.engine, "begin", listen_begin)
        event.remove(db.engine, "commit", listen_commit)
    figure, baseline = Timing(tuple(prints)), Timing(tuple(scans))
    return against("write lock held printing a 300-line slip vs a scan", figure, baseline, max_ratio=5)
