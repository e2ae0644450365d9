"""What a shop's database held under each earlier release: the rows written while that release
ran, in its schema. A database "made by release R" holds the rows of every release up to R, each
written under its own schema (the shop upgraded as it went)."""

from __future__ import annotations

T = "'2026-11-02 02:00:00'"  # under 0001
T3 = "'2026-11-12 03:00:00'"  # under 0003
T5 = "'2026-11-20 04:00:00'"  # under 0005
T8 = "'2026-11-26 05:00:00'"  # under 0008

_ORDER = (
    "INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, needs_packing, "
    "shipping_fee_fen, station, created_at, printed_at, checked_at, settled_at) VALUES "
)
_LINE = (
    "INSERT INTO order_lines (id, order_id, position, product_id, item_code, name, unit_price_fen, quantity, "
    "ticked, crossed, defective) VALUES "
)
_PAYMENT = (
    "INSERT INTO payments (id, command_id, order_id, method, amount_fen, tendered_fen, change_fen, cashier_id, "
    "created_at) VALUES "
)
_SIGN = "INSERT INTO signatures (id, return_slip_id, order_id, role, method, staff_id, signer_name, signed_at) VALUES "
_JOB = (
    "INSERT INTO print_jobs (id, command_id, kind, order_id, return_slip_id, copy, reprint, printer_uri, payload, "
    "status, attempts, last_error, created_at, sent_at) VALUES "
)

RELEASE_0001 = [
    f"INSERT INTO staff (id, login_code, name, roles, pin_hash, active, failed_attempts, locked_until, created_at) "
    f"VALUES (1, '1001', '王丽', 'cashier', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', true, 0, NULL, {T}), "
    f"(2, '2001', '李强', 'packer', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', true, 2, NULL, {T}), "
    f"(3, '3001', '陈经理', 'manager,cashier', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', true, 0, NULL, {T})",
    "INSERT INTO customers (id, number, name, name_pinyin, phone, address, customer_type, return_ratio_permille, "
    "balance_fen, birthday, notes, created_at, updated_at) VALUES "
    f"(1, 'C000001', '张三', 'zhangsan zs', '13800138000', '浙江省义乌市国际商贸城二区', 'wholesale', 0, 0, "
    f"'03-08', '常客', {T}, {T}), "
    f"(2, 'C000002', '刘莉莉饰品店', 'liulilishipindian llsp', '0579-85551234', '江苏省南京市', 'franchise', 50, "
    f"12600, '', '加盟', {T}, {T})",
    "INSERT INTO products (id, item_code, name, category, wholesale_price_fen, franchise_price_fen, after_sales_note, "
    f"active, created_at, updated_at) VALUES (1, 'YJ1000', '925银素圈戒指', '戒指', 3500, 3150, '终身保修', true, "
    f"{T}, {T}), (2, 'BD2000', '淡水珍珠手链', '手链', 12800, 11500, '', true, {T}, {T}), "
    f"(3, 'XL3000', '足金吊坠', '吊坠', 99900, 95000, '', false, {T}, {T})",
    "INSERT INTO product_barcodes (barcode, product_id) VALUES ('6901234567892', 1), ('6901234567908', 2)",
    "INSERT INTO day_counters (kind, day, last_value) VALUES ('order', '2026-11-02', 4), ('return', '2026-11-02', 1)",
    # checked at the bench and paid in cash
    _ORDER + f"(1, 'S20261102-0001', 1, 1, 'checked', 'present', true, 0, '结算台1', {T}, {T}, {T}, {T})",
    _LINE + "(1, 1, 1, 1, 'YJ1000', '925银素圈戒指', 3500, 3, 2, 1, 0), "
    "(2, 1, 2, 2, 'BD2000', '淡水珍珠手链', 12800, 1, 1, 0, 0)",
    f"INSERT INTO boxes (id, order_id, number, sealed_at, sealed_by_id) VALUES (1, 1, 1, {T}, 2)",
    "INSERT INTO box_items (id, box_id, order_line_id, quantity) VALUES (1, 1, 1, 2), (2, 1, 2, 1)",
    _SIGN + f"(1, NULL, 1, 'checker', 'pin', 2, '李强', {T}), (2, NULL, 1, 'customer', 'paper', NULL, '张三', {T})",
    _PAYMENT + f"(1, 'pay-1', 1, 'cash', 19800, 20000, 200, 1, {T})",
    # paid on account, no packing: "open" with settled_at until 0009
    _ORDER + f"(2, 'S20261102-0002', 2, 1, 'open', 'absent', false, 1500, '结算台1', {T}, NULL, NULL, {T})",
    _LINE + "(3, 2, 1, 1, 'YJ1000', '925银素圈戒指', 3150, 4, 0, 0, 0)",
    _PAYMENT + f"(2, 'pay-2', 2, 'account', 14100, 14100, 0, 1, {T})",
    # still being scanned, and one voided
    _ORDER + f"(3, 'S20261102-0003', 1, 1, 'open', 'present', true, 0, '结算台1', {T}, NULL, NULL, NULL)",
    _LINE + "(4, 3, 1, 2, 'BD2000', '淡水珍珠手链', 12800, 2, 0, 0, 0)",
    _ORDER + f"(4, 'S20261102-0004', 1, 1, 'voided', 'present', true, 0, '结算台2', {T}, NULL, NULL, NULL)",
    _LINE + "(5, 4, 1, 3, 'XL3000', '足金吊坠', 99900, 1, 0, 0, 0)",
    # the crossed-out ring comes back on a signed return slip, refunded in cash
    "INSERT INTO return_slips (id, number, order_id, status, refund_method, created_by_id, created_at, completed_at, "
    f"void_reason) VALUES (1, 'R20261102-0001', 1, 'complete', 'cash', 1, {T}, {T}, '')",
    "INSERT INTO return_lines (id, return_slip_id, order_line_id, quantity, unit_price_fen, reason, reason_text) "
    "VALUES (1, 1, 1, 1, 3500, 'defective', '戒圈有划痕')",
    _SIGN + f"(3, 1, NULL, 'handler', 'pin', 1, '王丽', {T}), (4, 1, NULL, 'customer', 'paper', NULL, '张三', {T}), "
    f"(5, 1, NULL, 'manager', 'pin', 3, '陈经理', {T})",
    _PAYMENT + f"(3, 'refund-1', 1, 'cash', -3500, 0, 0, 1, {T})",
    _JOB + f"(1, 'job-1', 'sales-slip', 1, NULL, 1, 0, 'tcp://192.168.1.50:9100', X'1b40e4b8ade69687', 'done', 1, "
    f"'', {T}, {T}), (2, 'job-2', 'return-slip', NULL, 1, 1, 0, 'tcp://192.168.1.50:9100', X'1b40', 'failed', 3, "
    f"'connection refused', {T}, NULL)",
    "INSERT INTO shipments (id, order_id, carrier, waybill, box_count, fee_fen, expected_arrival, "
    f"customer_notified_at, notes, created_at) VALUES (1, 2, '顺丰', 'SF1234567890', 1, 1500, '11-04', NULL, '', {T})",
    "INSERT INTO audit_events (seq, command_id, at, actor_id, action, entity, entity_id, detail, prev_hash, hash) "
    f"VALUES (1, 'pay-1', {T}, 1, 'order.settle', 'order', '1', '{{\"paid_fen\":19800}}', '{'0' * 64}', "
    f"'{'a' * 64}'), (2, NULL, {T}, 3, 'return.complete', 'return_slip', '1', '{{}}', '{'a' * 64}', '{'b' * 64}')",
    f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 2, '{'b' * 64}')",
]

RELEASE_0002 = [
    _JOB.replace(") VALUES", ", job_ref, station, box_number, created_by_id, archive_path) VALUES")
    + f"(3, 'job-3', 'box-label', 1, NULL, 1, 1, 'tcp://192.168.1.51:9100', X'1b40', 'done', 1, '', {T}, {T}, "
    "'J3', '打包台1', 1, 2, '/srv/pos/archive/J3.pdf')",
]

RELEASE_0003 = [
    "INSERT INTO reconciliations (id, command_id, station, day, cashier_id, opening_float_fen, created_at) "
    f"VALUES (1, 'rec-1', '结算台1', '2026-11-12', 1, 50000, {T3})",
    "INSERT INTO reconciliation_lines (id, reconciliation_id, method, expected_fen, counted_fen) VALUES "
    "(1, 1, 'cash', 66300, 66200), (2, 1, 'wechat', 12800, 12800)",
    _ORDER + f"(5, 'S20261112-0001', 1, 1, 'checked', 'present', true, 0, '结算台1', {T3}, {T3}, {T3}, {T3})",
    _LINE + "(6, 5, 1, 2, 'BD2000', '淡水珍珠手链', 12800, 1, 1, 0, 0)",
    _PAYMENT.replace(") VALUES", ", station) VALUES")
    + f"(4, 'pay-4', 5, 'wechat', 12800, 12800, 0, 1, {T3}, '结算台1')",
]

RELEASE_0004 = [
    "INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, needs_packing, "
    "shipping_fee_fen, station, created_at, printed_at, check_started_at, name_confirmed_at, copy3_to) VALUES "
    f"(6, 'S20261112-0002', 2, 1, 'checking', 'absent', true, 0, '结算台1', {T3}, {T3}, {T3}, {T3}, 'customer')",
    "INSERT INTO order_lines (id, order_id, position, product_id, item_code, name, unit_price_fen, quantity, "
    "ticked, manual_ticks, crossed, defective) VALUES (7, 6, 1, 1, 'YJ1000', '925银素圈戒指', 3150, 6, 3, 1, 0, 0)",
    "INSERT INTO boxes (id, order_id, number, sealed_at, sealed_by_id) VALUES (2, 6, 1, NULL, NULL)",
    "INSERT INTO box_items (id, box_id, order_line_id, quantity) VALUES (3, 2, 7, 3)",
    "INSERT INTO tick_events (id, command_id, order_id, order_line_id, box_id, staff_id, station, quantity, manual, "
    f"undone_at, undone_by_id, created_at) VALUES (1, 'tick-1', 6, 7, 2, 2, '打包台1', 2, false, NULL, NULL, {T3}), "
    f"(2, 'tick-2', 6, 7, 2, 2, '打包台1', 1, true, NULL, NULL, {T3}), "
    f"(3, 'tick-3', 6, 7, 2, 2, '打包台1', 1, false, {T3}, 3, {T3})",
]

RELEASE_0005 = [
    # settled under a release that kept stock history: nothing to backfill for it
    _ORDER + f"(7, 'S20261120-0001', 1, 1, 'checked', 'present', true, 0, '结算台1', {T5}, {T5}, {T5}, {T5})",
    _LINE + "(8, 7, 1, 1, 'YJ1000', '925银素圈戒指', 3500, 2, 2, 0, 0)",
    _PAYMENT.replace(") VALUES", ", station) VALUES")
    + f"(5, 'pay-5', 7, 'cash', 7000, 10000, 3000, 1, {T5}, '结算台1')",
    "INSERT INTO stock_movements (id, product_id, quantity, kind, order_id, return_slip_id, created_at) VALUES "
    f"(1, 1, -2, 'sale', 7, NULL, {T5}), (2, 2, 10, 'adjust', NULL, NULL, {T5})",
]

RELEASE_0007 = [
    "UPDATE customers SET contract_start = '2026-01-01', contract_end = '2026-12-31', return_ratio_permille = 80 "
    "WHERE id = 2",
]

RELEASE_0008 = [
    # a re-signed customer signature keeps the first one, superseded; a box set aside
    _SIGN.replace(") VALUES", ", superseded_at) VALUES")
    + f"(6, NULL, 7, 'customer', 'paper', NULL, '张三', {T8}, {T8})",
    _SIGN.replace(") VALUES", ", superseded_at) VALUES") + f"(7, NULL, 7, 'customer', 'pad', NULL, '张三', {T8}, NULL)",
    "UPDATE signatures SET superseded_by_id = 7 WHERE id = 6",
    f"INSERT INTO boxes (id, order_id, number, sealed_at, sealed_by_id, discarded_at) VALUES (3, 6, 2, NULL, NULL, {T8})",
]

BY_RELEASE = {
    "0001": RELEASE_0001,
    "0002": RELEASE_0002,
    "0003": RELEASE_0003,
    "0004": RELEASE_0004,
    "0005": RELEASE_0005,
    "0006": [],
    "0007": RELEASE_0007,
    "0008": RELEASE_0008,
}
