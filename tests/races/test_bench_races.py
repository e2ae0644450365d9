"""Two bench stations on one order at once: undo against undo, undo against a tick. After every
round the line's ticks, the box contents and the live tick records agree."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pos.db.models import BoxItem, Order, OrderLine, Product, TickEvent
from pos.domain.check import HandTickReason
from pos.domain.errors import Conflict
from pos.services import bench, counter, customers, orders
from pos.services.bench import RefusedScan
from pos.services.printing import PrintContext
from pos.services.staff import Approval
from tests.races.harness import ROUNDS, errors

UNITS = 4 * ROUNDS


@pytest.fixture
def checking(db, cashier, packers, tmp_path):
    """An order of UNITS rings being checked with the customer absent (both packers signed in)."""
    with db.transaction() as s:
        s.add(Product(item_code="YJ9", name="戒指", wholesale_price_fen=100, franchise_price_fen=100))
    customer = customers.create_customer(db, cashier, name="王五", phone="13700137000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, f"{UNITS}*YJ9", large_quantity_confirmed=True)
    counter.print_for_checking(db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 's.bin'}")
    bench.start_check(db, packers[0], number, "absent", Approval("2002", "2323"))
    return number


def _counts(db, number):
    """(line's ticks, units in boxes, live tick records)"""
    with db.transaction() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        ticked = s.scalar(select(func.sum(OrderLine.ticked)).where(OrderLine.order_id == order_id))
        boxed = s.scalar(
            select(func.coalesce(func.sum(BoxItem.quantity), 0))
            .join(OrderLine, OrderLine.id == BoxItem.order_line_id)
            .where(OrderLine.order_id == order_id)
        )
        live = s.scalar(
            select(func.coalesce(func.sum(TickEvent.quantity), 0)).where(
                TickEvent.order_id == order_id, TickEvent.undone_at.is_(None)
            )
        )
    return ticked, boxed, live


def _no_extra_ticks_afterwards(db, packer, number):
    ticked, _, _ = _counts(db, number)
    bench.manual_tick(db, packer, number, 1, UNITS - ticked, reason=HandTickReason.NO_LABEL.value)
    with pytest.raises(RefusedScan):
        bench.tick(db, packer, number, "YJ9")
    assert _counts(db, number) == (UNITS, UNITS, UNITS)


def test_undo_against_undo_keeps_ticks_boxes_and_records_equal(db, packers, manager, checking, racers):
    for _ in range(ROUNDS):
        for _ in range(2):
            bench.tick(db, packers[0], checking, "YJ9")
        outcomes = racers.run(*[lambda station: bench.undo_last_tick(station, manager, checking)] * 2)
        assert errors(outcomes) == []  # two ticks, two undos: each takes back a different one
        ticked, boxed, live = _counts(db, checking)
        assert ticked == boxed == live == 0
    _no_extra_ticks_afterwards(db, packers[0], checking)


def test_undo_against_a_tick_keeps_ticks_boxes_and_records_equal(db, packers, manager, checking, racers):
    for _ in range(ROUNDS):
        bench.tick(db, packers[0], checking, "YJ9")
        outcomes = racers.run(
            lambda station: bench.undo_last_tick(station, manager, checking),
            lambda station: bench.tick(station, packers[1], checking, "YJ9"),
        )
        assert all(isinstance(e, Conflict) for e in errors(outcomes)), errors(outcomes)
        ticked, boxed, live = _counts(db, checking)
        assert ticked == boxed == live
    _no_extra_ticks_afterwards(db, packers[0], checking)
