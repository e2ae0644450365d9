"""SIGKILL the bench in the middle of a check, start again: the same order, boxes and counts."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pos.db.models import BoxItem, Product, TickEvent
from pos.services import audit, bench, counter, customers, orders, staff
from pos.services.printing import PrintContext
from pos.services.staff import add_staff

TICKER = Path(__file__).with_name("bench_ticker.py")


@pytest.mark.slow
def test_killed_mid_check_resumes_with_nothing_lost(db, admin, cashier, tmp_path):
    add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    with db.transaction() as s:
        s.add(Product(item_code="YJ9", name="戒指", wholesale_price_fen=100, franchise_price_fen=100))
    customer = customers.create_customer(db, cashier, name="王五", phone="13700137000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "500*YJ9", large_quantity_confirmed=True)
    counter.print_for_checking(db, cashier, PrintContext(station="s"), number, f"file://{tmp_path / 's.bin'}")

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, str(TICKER), db.url, number],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    last = 0
    try:
        for line in proc.stdout:
            last = int(line)
            if last >= 60:
                break
        assert last >= 60, proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)

    packer = staff.sign_in(db, "2001", "2222")
    view = bench.start_check(db, packer, number, "present")  # the restarted bench loads it again
    assert view.status == "checking"
    ticked = view.lines[0].ticked
    assert ticked >= last  # every tick the packer saw confirmed is there
    with db.transaction() as s:
        assert s.scalar(select(func.sum(TickEvent.quantity))) == ticked
        assert s.scalar(select(func.sum(BoxItem.quantity))) == ticked
    assert sum(box.count for box in view.boxes) == ticked
    assert len(view.boxes) == ticked // 25 + 1 or len(view.boxes) == ticked // 25 + 2
    assert audit.verify(db).ok
    result = bench.tick(db, packer, number, "YJ9")  # and the check goes on
    assert result.line.ticked == ticked + 1
