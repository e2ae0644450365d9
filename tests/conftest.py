"""Every test gets its own data and config directories; database tests run on SQLite always and on
PostgreSQL too when POS_TEST_DATABASE_URL is set (CI sets it), each test in a schema of its own."""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pos.db.database import Database  # noqa: E402
from pos.services.staff import Approval, add_staff  # noqa: E402
from pos.services.startup import open_database  # noqa: E402

PG_URL = os.environ.get("POS_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("POS_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "home" / ".pgpass"))  # never the tester's own
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    return tmp_path


def _pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A URL to an empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'test.sqlite3'}"
        return
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _pg_schema_url(schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db(db_url):
    database = open_database(db_url).db
    yield database
    database.dispose()


@pytest.fixture
def admin(db):
    return add_staff(db, None, login_code="9001", name="管理员", roles="admin", pin="9999")


@pytest.fixture
def cashier(db, admin):
    return add_staff(db, admin, login_code="1001", name="王丽", roles="cashier", pin="1111")


@pytest.fixture
def manager(db, admin):
    return add_staff(db, admin, login_code="3001", name="陈经理", roles="manager", pin="3333")


@pytest.fixture
def packers(db, admin):
    """Two packers: a check with the customer absent needs both."""
    return (
        add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222"),
        add_staff(db, admin, login_code="2002", name="赵敏", roles="packer", pin="2323"),
    )


# The shop's standard items for tests: code -> (name, wholesale fen, franchise fen, barcode)
ITEMS = {
    "YJ1000": ("925银素圈戒指", 3500, 3150, "6971230000006"),
    "BD2000": ("紫水晶吊坠", 12800, 11520, None),
    "XL5000": ("925银锁骨链", 9900, 8900, None),
    "ES4000": ("耳钉", 2000, 1800, None),
}


# the PINs of the staff the fixtures add, for approvals typed on the spot
PINS = {"9001": "9999", "1001": "1111", "3001": "3333", "2001": "2222", "2002": "2323"}


def approval_of(person) -> Approval:
    """What `person` types to approve or sign for an act: their login code and PIN."""
    return Approval(person.login_code, PINS[person.login_code])


def add_products(db, *codes, **custom):
    """Put items in the catalog: standard ones by code, others as code=(name, wholesale, franchise)."""
    from pos.db.models import Product, ProductBarcode

    with db.transaction() as session:
        for code, spec in [(c, ITEMS[c]) for c in codes] + [(c, (*v, None)[:4]) for c, v in custom.items()]:
            name, wholesale, franchise, barcode = spec
            product = Product(item_code=code, name=name, wholesale_price_fen=wholesale, franchise_price_fen=franchise)
            if barcode:
                product.barcodes = [ProductBarcode(barcode=barcode)]
            session.add(product)


@pytest.fixture
def shanghai(monkeypatch):
    """The process's local time zone is the shop's: UTC+8 all year."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class FakeClock:
    """A settable clock for throttling and day rollover tests."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **kwargs):
        from datetime import timedelta

        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(db):
    from datetime import datetime

    fake = FakeClock(datetime(2026, 11, 27, 2, 0, 0))
    db.clock = fake
    return fake


__all__ = ["Database", "FakeClock", "add_products"]
