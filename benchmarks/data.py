"""The large shop, made deterministically: 1,000,000 products (each with a barcode), 200,000
customers, five years of settled orders (2,000,000 lines) with their payments at three stations.

Loaded with plain executemany (minutes through the services, a minute or two like this) into a
database the app has created and upgraded, and kept in $POS_BENCH_DIR (default /tmp/pos-bench)
for later runs; a PostgreSQL database (POS_BENCH_DATABASE_URL) is loaded once and marked done.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from pos.db.database import Database
from pos.domain.codes import with_check_digit
from pos.domain.customers import pinyin_key
from pos.services import staff
from pos.services.startup import open_database

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华建国志红玉兰梅琳萍"
STATIONS = ("结算台1", "结算台2", "结算台3")
CHUNK = 20_000


@dataclass(frozen=True)
class Size:
    products: int = 1_000_000
    customers: int = 200_000
    history_lines: int = 2_000_000
    years: int = 5
    lines_per_order: int = 10

    @classmethod
    def from_env(cls) -> Size:
        scale = float(os.environ.get("POS_BENCH_SCALE", "1"))  # 0.01 for a quick try
        full = cls()
        return cls(
            products=max(1000, int(full.products * scale)),
            customers=max(1000, int(full.customers * scale)),
            history_lines=max(1000, int(full.history_lines * scale)),
        )

    @property
    def tag(self) -> str:
        return f"{self.products}-{self.customers}-{self.history_lines}"


def barcode(i: int) -> str:
    return with_check_digit(f"69{i:010d}")


def item_code(i: int) -> str:
    return f"P{i:07d}"


def work_dir() -> Path:
    path = Path(os.environ.get("POS_BENCH_DIR", "/tmp/pos-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def shop(size: Size, url: str | None = None) -> Database:
    """The large shop's database, built on first use."""
    url = url or f"sqlite:///{work_dir() / f'shop-{size.tag}.sqlite3'}"
    db = open_database(url).db
    if not staff.list_staff(db):
        started = time.monotonic()
        _build(db, size)
        print(f"  built the large shop ({size.tag}) in {time.monotonic() - started:.0f} s")
    return db


def _insert(conn, sql: str, rows) -> None:  # noqa: ANN001 - a SQLAlchemy connection, an iterable of dicts
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            conn.execute(text(sql), batch)
            batch = []
    if batch:
        conn.execute(text(sql), batch)


def _build(db: Database, size: Size) -> None:
    admin = staff.add_staff(db, None, login_code="9001", name="admin", roles="admin", pin="9999")
    staff.add_staff(db, admin, login_code="1001", name="王丽", roles="cashier", pin="1111")
    staff.add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    rng = random.Random(7)
    made = datetime(2026, 11, 27)
    with db.engine.begin() as conn:
        _insert(
            conn,
            "INSERT INTO products (id, item_code, name, category, wholesale_price_fen, franchise_price_fen, "
            "after_sales_note, active, created_at, updated_at) VALUES "
            "(:id, :code, :name, '', :w, :f, '', true, :at, :at)",
            (
                {
                    "id": i,
                    "code": item_code(i),
                    "name": f"925银饰品{i}",
                    "w": 1000 + i % 90000,
                    "f": 900 + i % 80000,
                    "at": made,
                }
                for i in range(1, size.products + 1)
            ),
        )
        _insert(
            conn,
            "INSERT INTO product_barcodes (barcode, product_id) VALUES (:b, :id)",
            ({"b": barcode(i), "id": i} for i in range(1, size.products + 1)),
        )
        _insert(conn, _CUSTOMER, (_customer(rng, i, made) for i in range(1, size.customers + 1)))
        conn.execute(
            text("INSERT INTO day_counters (kind, day, last_value) VALUES ('customer', '2000-01-01', :n)"),
            {"n": size.customers},
        )
        _history(conn, size, rng)
        if db.engine.dialect.name == "postgresql":  # ids were given: the sequences go on after them
            for table in ("products", "customers", "orders", "order_lines", "payments"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


_CUSTOMER = (
    "INSERT INTO customers (id, number, name, name_pinyin, name_initials, phone, phone_reversed, address, "
    "customer_type, return_ratio_permille, balance_fen, birthday, notes, created_at, updated_at) VALUES "
    "(:id, :number, :name, :pinyin, :initials, :phone, :reversed, '浙江省义乌市', 'wholesale', 0, 0, '', '', :at, :at)"
)


def _customer(rng: random.Random, i: int, at: datetime) -> dict:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    full, initials = pinyin_key(name)
    phone = f"13{rng.randint(100000000, 999999999)}"
    return {
        "id": i,
        "number": f"C{i:06d}",
        "name": name,
        "pinyin": full,
        "initials": initials,
        "phone": phone,
        "reversed": phone[::-1],
        "at": at,
    }


def _history(conn, size: Size, rng: random.Random) -> None:  # noqa: ANN001 - a SQLAlchemy connection
    """Settled orders spread evenly over `years` up to the build day, one cash payment each."""
    count = size.history_lines // size.lines_per_order
    end = datetime(2026, 11, 27, 10)
    step = timedelta(days=365 * size.years) / count

    def orders():
        for i in range(1, count + 1):
            at = end - step * (count - i)
            yield {
                "id": i,
                "number": f"H{i:09d}",
                "customer": 1 + i % size.customers,
                "station": STATIONS[i % len(STATIONS)],
                "at": at,
            }

    _insert(
        conn,
        "INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, shipping_fee_fen, station, "
        "created_at, printed_at, checked_at, settled_at) VALUES "
        "(:id, :number, :customer, 2, 'settled', 'present', 0, :station, :at, :at, :at, :at)",
        orders(),
    )

    def lines():
        for i in range(1, count + 1):
            for position in range(1, size.lines_per_order + 1):
                product = 1 + rng.randrange(size.products)
                yield {
                    "order": i,
                    "position": position,
                    "product": product,
                    "code": item_code(product),
                    "name": f"925银饰品{product}",
                    "price": 1000 + product % 90000,
                }

    _insert(
        conn,
        "INSERT INTO order_lines (order_id, position, product_id, item_code, name, unit_price_fen, quantity, ticked, "
        "crossed, defective, manual_ticks) VALUES (:order, :position, :product, :code, :name, :price, 1, 1, 0, 0, 0)",
        lines(),
    )
    _insert(
        conn,
        "INSERT INTO payments (command_id, order_id, method, amount_fen, tendered_fen, change_fen, cashier_id, "
        "created_at, station, bank, reference) VALUES "
        "(:command, :id, 'cash', 10000, 10000, 0, 2, :at, :station, '', '')",
        ({"command": f"history-{o['id']}", **o} for o in orders()),
    )
