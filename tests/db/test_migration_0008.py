"""0008: signatures and boxes on file before it are all live afterwards, and re-signing then
supersedes instead of deleting."""

from sqlalchemy import select

from pos.db.migrate import upgrade
from pos.db.models import Box, Signature
from tests.db.old_schema import database_at

ROWS = [
    "INSERT INTO staff (id, login_code, name, roles, pin_hash, active, failed_attempts, created_at) "
    "VALUES (1, '2001', '李强', 'packer', 'h', true, 0, '2026-11-27 00:00:00')",
    "INSERT INTO customers (id, number, name, name_pinyin, name_initials, phone, address, customer_type, "
    "return_ratio_permille, balance_fen, birthday, notes, created_at, updated_at) VALUES "
    "(1, 'C000001', '张三', 'zhangsan', 'zs', '13800138000', '义乌', 'wholesale', 0, 0, '', '', "
    "'2026-11-27 00:00:00', '2026-11-27 00:00:00')",
    "INSERT INTO orders (id, number, customer_id, cashier_id, status, customer_mode, needs_packing, "
    "shipping_fee_fen, station, created_at, copy3_to) VALUES "
    "(1, 'S20261127-0001', 1, 1, 'checking', 'present', true, 0, '', '2026-11-27 00:00:00', '')",
    "INSERT INTO boxes (id, order_id, number) VALUES (1, 1, 1)",
    "INSERT INTO signatures (order_id, role, method, staff_id, signer_name, signed_at) VALUES "
    "(1, 'checker', 'pin', 1, '李强', '2026-11-27 00:00:00')",
    "INSERT INTO signatures (order_id, role, method, signer_name, signed_at) VALUES "
    "(1, 'customer', 'paper', '张三', '2026-11-27 00:00:00')",
]


def test_rows_from_before_0008_are_live_and_a_resign_supersedes(db_url):
    old = database_at(db_url, "0007", *ROWS)
    upgrade(old.engine)
    with old.transaction() as s:
        assert [
            (g.role, g.superseded_at, g.superseded_by_id) for g in s.scalars(select(Signature).order_by(Signature.id))
        ] == [("checker", None, None), ("customer", None, None)]
        assert [(b.number, b.discarded_at) for b in s.scalars(select(Box))] == [(1, None)]

    from pos.domain.roles import Role
    from pos.services import bench
    from pos.services.staff import StaffInfo

    packer = StaffInfo(1, "2001", "李强", frozenset({Role.PACKER}))
    view = bench.sign_customer(old, packer, "S20261127-0001", on_paper=True)
    assert view.signatures == {"checker": "李强", "customer": "张三"} and view.boxes[0].number == 1
    with old.transaction() as s:
        customer = s.scalars(select(Signature).where(Signature.role == "customer").order_by(Signature.id)).all()
        assert [g.superseded_at is None for g in customer] == [False, True]
    old.dispose()
