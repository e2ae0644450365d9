"""What one act at the counter or the bench costs (issue 14 deliverable 2): a scan and a tick are
one read and one write, and neither loads the lines of the slip."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from pos.db.models import OrderLine
from pos.domain.codes import with_check_digit
from pos.services import audit, bench, counter, customers, orders
from pos.services.printing import PrintContext
from tests.conftest import add_products
from tests.services.test_query_plans import plan, statements


@contextmanager
def lines_loaded():
    loaded = []

    def record(target, context):
        loaded.append(target.position)

    event.listen(OrderLine, "load", record)
    try:
        yield loaded
    finally:
        event.remove(OrderLine, "load", record)


@contextmanager
def statements_run(db):
    """The SQL statements an act sends, each a round trip to a PostgreSQL server (the driver's
    BEGIN before the first and the COMMIT after the last are the others)."""
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement.split(None, 1)[0].upper())

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _slip(db, cashier, quantity):
    """张三's slip of 60 different items (A0000…A0059, 银饰0…), each scanned once as `quantity`+code."""
    add_products(
        db, **{f"A{i:04d}": (f"银饰{i}", 1000 + i, 900 + i, with_check_digit(f"69{i:010d}")) for i in range(60)}
    )
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    for i in range(60):
        orders.add_scan(db, cashier, number, f"{quantity}A{i:04d}")
    return number


@pytest.fixture
def long_slip(db, cashier, packers, tmp_path):
    """A slip of 60 different items, printed and loaded at the bench."""
    number = _slip(db, cashier, "2*")
    counter.print_for_checking(db, cashier, PrintContext(station="柜台1"), number, f"file://{tmp_path / 's.bin'}")
    bench.start_check(db, packers[0], number, "present")
    return number


@pytest.mark.parametrize("scanned", ["A0042", with_check_digit("690000000042")], ids=["item code", "barcode"])
def test_a_tick_is_one_read_and_one_write_that_load_no_line_of_the_slip(db, packers, long_slip, scanned):
    bench.tick(db, packers[0], long_slip, "A0041")  # box 1 holds something already
    with lines_loaded() as loaded, statements_run(db) as sent:
        result = bench.tick(db, packers[0], long_slip, scanned)
    assert result.line.position == 43 and result.line.ticked == 1 and loaded == []
    assert result.box.items == ((42, "A0041", "银饰41", 1), (43, "A0042", "银饰42", 1))
    acts = [s for s in sent if s not in ("BEGIN", "SAVEPOINT")]  # SQLite's own transaction start
    if db.kind == "PostgreSQL":
        assert acts == ["SELECT", "WITH"]  # read with the lock; line, box, tick, audit entry and head in one
    else:
        assert acts == ["SELECT", "UPDATE", "INSERT", "INSERT", "INSERT", "INSERT"]
    assert audit.verify(db).ok


def test_a_refused_tick_reads_no_line(db, packers, long_slip):
    add_products(db, Z9999=("不在单上", 100, 90, None))
    with lines_loaded() as loaded, pytest.raises(bench.RefusedScan):
        bench.tick(db, packers[0], long_slip, "Z9999")
    assert loaded == []


@pytest.mark.parametrize("again", [False, True], ids=["new line", "raised line"])
def test_a_scan_onto_an_open_slip_is_one_read_and_one_write(db, cashier, again):
    number = _slip(db, cashier, "")
    code = with_check_digit("690000000007") if again else "B0001"
    if not again:
        add_products(db, B0001=("新品", 500, 400, None))
    with statements_run(db) as sent:
        result = orders.add_scan(db, cashier, number, code, command_id="scan-1")
    assert result.new_line is not again and result.line.position == (8 if again else 61)
    assert result.item_count == 61 and result.total_fen == sum(1000 + i for i in range(60)) + (1007 if again else 500)
    acts = [s for s in sent if s not in ("BEGIN", "SAVEPOINT")]  # SQLite's own transaction start
    if db.kind == "PostgreSQL":
        assert acts == ["SELECT", "WITH"]  # read with the lock; line, audit entry and head in one
    else:
        assert acts == ["SELECT", "UPDATE" if again else "INSERT", "INSERT", "INSERT"]
    assert audit.verify(db).ok  # the entry written with the line chains on as any other


def test_a_tick_finds_its_line_without_reading_the_whole_slip(db, packers, long_slip):
    """A tick must cost the same on a slip of 2,000 lines as on one of 300: its read finds the
    line of the code through the order's code and product indexes, never by going through every
    line of the order, and sums nothing over them (issue 14)."""
    with statements(db) as seen:
        bench.tick(db, packers[0], long_slip, "A0042")
    statement, parameters = next(
        (s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT") and "audit_head" in s
    )
    text = plan(db, statement, parameters)
    assert "ix_order_lines_order_code" in text and "ix_order_lines_order_product" in text, text
    if db.engine.dialect.name == "sqlite":
        by_order_alone = [ln for ln in text.splitlines() if "(order_id=?)" in ln and "boxes" not in ln]
        assert by_order_alone == [] and "sqlite_autoindex_order_lines_1" not in text, text
    else:
        assert "Seq Scan on order_lines" not in text and "order_lines_order_id_position_key" not in text, text
