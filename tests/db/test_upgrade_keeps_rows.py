"""An upgrade keeps every row of a database made by the last release (schema 0006): a paid order
with its lines, boxes, ticks, signatures, payments, a signed return slip and its print jobs, and
an open order. On SQLite a migration rebuilds a table it alters (copy, drop, rename): with foreign
keys enforced, dropping `orders` would delete or refuse everything that points at it."""

from sqlalchemy import text

from pos.db.database import Database
from pos.db.migrate import current_revision, head_revision, upgrade
from tests.db.old_schema import database_at

T0 = "'2026-11-27 02:00:00'"
ROWS = [
    f"INSERT INTO staff (id, login_code, name, roles, pin_hash, active, failed_attempts, created_at) VALUES "
    f"(1, '1001', '王丽', 'cashier,packer,manager', 'h', true, 0, {T0})",
    f"INSERT INTO customers (id, number, name, name_pinyin, name_initials, phone, phone_reversed, address, "
    f"customer_type, return_ratio_permille, balance_fen, birthday, notes, created_at, updated_at) VALUES "
    f"(1, 'C000001', '张三', 'zhangsan', 'zs', '13800138000', '00083100831', '义乌', 'franchise', 50, 0, '', '', "
    f"{T0}, {T0})",
    f"INSERT INTO products (id, item_code, name, category, wholesale_price_fen, franchise_price_fen, "
    f"after_sales_note, active, created_at, updated_at) VALUES (1, 'YJ1000', '925银素圈戒指', '', 3500, 3150, '', "
    f"true, {T0}, {T0})",
    # a paid order, checked at the bench
    f"INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, needs_packing, "
    f"shipping_fee_fen, station, created_at, copy3_to, printed_at, checked_at, settled_at) VALUES "
    f"(1, 'S20261127-0001', 1, 1, 'checked', 'present', true, 0, '结算台1', {T0}, 'customer', {T0}, {T0}, {T0})",
    "INSERT INTO order_lines (id, order_id, position, product_id, item_code, name, unit_price_fen, quantity, "
    "ticked, manual_ticks, crossed, defective) VALUES (1, 1, 1, 1, 'YJ1000', '925银素圈戒指', 3150, 3, 2, 0, 1, 0)",
    f"INSERT INTO boxes (id, order_id, number, sealed_at, sealed_by_id) VALUES (1, 1, 1, {T0}, 1)",
    "INSERT INTO box_items (id, box_id, order_line_id, quantity) VALUES (1, 1, 1, 2)",
    f"INSERT INTO tick_events (id, command_id, order_id, order_line_id, box_id, staff_id, station, quantity, "
    f"manual, created_at) VALUES (1, 't1', 1, 1, 1, 1, '打包台1', 2, false, {T0})",
    f"INSERT INTO signatures (order_id, role, method, staff_id, signer_name, signed_at) VALUES "
    f"(1, 'checker', 'pin', 1, '王丽', {T0})",
    f"INSERT INTO signatures (order_id, role, method, signer_name, signed_at) VALUES "
    f"(1, 'customer', 'paper', '张三', {T0})",
    f"INSERT INTO payments (id, command_id, order_id, method, amount_fen, tendered_fen, change_fen, cashier_id, "
    f"station, created_at) VALUES (1, 'p1', 1, 'cash', 6300, 10000, 3700, 1, '结算台1', {T0})",
    f"INSERT INTO return_slips (id, number, order_id, status, refund_method, created_by_id, created_at, "
    f"completed_at, void_reason) VALUES (1, 'R20261127-0001', 1, 'complete', '', 1, {T0}, {T0}, '')",
    "INSERT INTO return_lines (id, return_slip_id, order_line_id, quantity, unit_price_fen, reason, reason_text) "
    "VALUES (1, 1, 1, 1, 3150, 'unwanted', '')",
    *(
        f"INSERT INTO signatures (return_slip_id, role, method, signer_name, signed_at) VALUES "
        f"(1, '{role}', 'paper', '王丽', {T0})"
        for role in ("handler", "customer", "manager")
    ),
    f"INSERT INTO print_jobs (id, command_id, kind, copy, reprint, printer_uri, payload, status, attempts, "
    f"last_error, created_at, job_ref, station, box_number, cancel_reason, archive_path, order_id) VALUES "
    f"(1, 'j1', 'sales-slip', 1, 0, 'preview:', '', 'done', 1, '', {T0}, 'J1', '结算台1', 0, '', '', 1)",
    f"INSERT INTO stock_movements (id, product_id, quantity, kind, created_at, order_id) VALUES "
    f"(1, 1, -3, 'sale', {T0}, 1)",
    # an open order, still being scanned
    f"INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, needs_packing, "
    f"shipping_fee_fen, station, created_at, copy3_to) VALUES "
    f"(2, 'S20261127-0002', 1, 1, 'open', 'present', true, 0, '结算台1', {T0}, '')",
    "INSERT INTO order_lines (id, order_id, position, product_id, item_code, name, unit_price_fen, quantity, "
    "ticked, manual_ticks, crossed, defective) VALUES (2, 2, 1, 1, 'YJ1000', '925银素圈戒指', 3150, 5, 0, 0, 0, 0)",
]
TABLES = (
    "orders",
    "order_lines",
    "boxes",
    "box_items",
    "tick_events",
    "signatures",
    "payments",
    "return_slips",
    "return_lines",
    "print_jobs",
    "stock_movements",
    "customers",
    "products",
    "staff",
)


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in TABLES}


def test_an_upgrade_from_the_last_release_keeps_every_row(db_url):
    old = database_at(db_url, "0006", *ROWS)
    before = _counts(old)

    upgrade(old.engine, backup=False)

    assert current_revision(old.engine) == head_revision()
    assert _counts(old) == before
    with old.engine.connect() as connection:
        states = dict(connection.execute(text("SELECT number, status FROM orders")).all())
        assert states == {"S20261127-0001": "settled", "S20261127-0002": "open"}
        if old.engine.dialect.name == "sqlite":  # enforced again once the upgrade is done
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    old.dispose()
