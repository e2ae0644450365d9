"""SIGKILL in the middle of writing leaves the database consistent: every transaction is either
wholly there or wholly absent, numbers stay gap-free and the audit chain intact."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pos.db.models import AuditEvent, Customer, DayCounter, Order, OrderLine, Product
from pos.services import audit

WRITER = Path(__file__).with_name("kill_writer.py")


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [5, 40])
def test_sigkill_mid_write_leaves_database_consistent(db, cashier, kill_after):
    with db.transaction() as s:
        s.add(Customer(number="C000001", name="张三", phone="13800138000", address="义乌"))
        s.add(Product(item_code="YJ1", name="银戒指", wholesale_price_fen=1250, franchise_price_fen=1100))
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), db.url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        seen = 0
        for _line in proc.stdout:
            seen += 1
            if seen >= kill_after:
                break
        assert seen >= kill_after, proc.stderr.read()
        proc.send_signal(signal.SIGKILL)  # mid-loop: the next transaction is under way
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with db.transaction() as s:
        if db.engine.dialect.name == "sqlite":
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        orders = s.scalar(select(func.count()).select_from(Order))
        assert orders >= kill_after
        per_order = s.execute(
            select(OrderLine.order_id, func.count(), func.sum(OrderLine.quantity)).group_by(OrderLine.order_id)
        ).all()
        assert len(per_order) == orders
        assert all(count == 5 and total == 15 for _, count, total in per_order)
        assert s.scalar(select(func.max(DayCounter.last_value))) == orders
        numbers = sorted(s.scalars(select(Order.number)))
        assert [int(n[-4:]) for n in numbers] == list(range(1, orders + 1))
        opened = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "order.open"))
        assert opened == orders
    assert audit.verify(db).ok
