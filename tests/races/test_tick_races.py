"""Ticks from three bench stations on one order at once, against each other and against sealing
and opening boxes. A tick reads the order in one statement and writes in one more
(pos.services.bench.tick_path), so what it read may change before it writes: never more ticked
than the slip holds, never a unit in a sealed box, and the line, the boxes, the tick records and
the audit chain agree."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pos.db.models import Box, BoxItem, Order, Product
from pos.domain.errors import Conflict
from pos.services import audit, bench, counter, customers, orders
from pos.services.bench import RefusedScan
from pos.services.printing import PrintContext
from pos.services.staff import Approval
from tests.races.harness import ROUNDS, errors
from tests.races.test_bench_races import _counts

CTX = PrintContext(station="打包台1")


@pytest.fixture
def checking(db, cashier, packers, tmp_path):
    """ROUNDS rings and 2 x ROUNDS pendants being checked, customer absent."""
    with db.transaction() as s:
        s.add(Product(item_code="YJ9", name="戒指", wholesale_price_fen=100, franchise_price_fen=100))
        s.add(Product(item_code="BD9", name="吊坠", wholesale_price_fen=200, franchise_price_fen=200))
    customer = customers.create_customer(db, cashier, name="王五", phone="13700137000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, f"{ROUNDS}*YJ9", large_quantity_confirmed=True)
    orders.add_scan(db, cashier, number, f"{2 * ROUNDS}*BD9", large_quantity_confirmed=True)
    counter.print_for_checking(db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 's.bin'}")
    bench.start_check(db, packers[0], number, "absent", Approval("2002", "2323"))
    return number


def test_three_ticking_one_order_tick_what_the_slip_holds_and_no_more(db, packers, checking, racers):
    ticked_rings = 0
    for _ in range(ROUNDS):
        outcomes = racers.run(
            lambda station: bench.tick(station, packers[0], checking, "YJ9"),
            lambda station: bench.tick(station, packers[1], checking, "YJ9"),
            lambda station: bench.tick(station, packers[0], checking, "BD9"),
        )
        assert all(isinstance(e, RefusedScan) for e in errors(outcomes))  # surplus rings only
        ticked_rings += sum(o.ok for o in outcomes[:2])
        assert outcomes[2].ok
    assert ticked_rings == ROUNDS  # every ring once, the surplus refused
    assert _counts(db, checking) == (2 * ROUNDS, 2 * ROUNDS, 2 * ROUNDS)  # the rings and a pendant a round
    assert audit.verify(db).ok


def test_ticks_against_sealing_and_opening_never_pack_a_sealed_box(db, packers, checking, racers, tmp_path):
    labels = f"file://{tmp_path / 'labels.bin'}"
    bench.tick(db, packers[0], checking, "BD9")
    at_sealing: dict[int, int] = {}
    for round_ in range(ROUNDS // 2):
        box = round_ + 1

        def seal_and_open(station, box=box):
            sealed = bench.seal_box(station, packers[1], CTX, checking, box, labels)
            at_sealing[box] = next(b.count for b in sealed.boxes if b.number == box)
            return bench.open_box(station, packers[1], checking)

        outcomes = racers.run(
            lambda station: bench.tick(station, packers[0], checking, "YJ9"),
            seal_and_open,
            lambda station: bench.tick(station, packers[0], checking, "BD9"),
        )
        # a tick between the seal and the new box finds every box sealed: refused, nothing kept
        assert all(isinstance(e, Conflict) for e in errors(outcomes))
        assert outcomes[1].ok
        bench.tick(db, packers[0], checking, "BD9")  # the new box holds something before it is sealed
    with db.read() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == checking))
        now = dict(
            s.execute(
                select(Box.number, func.sum(BoxItem.quantity))
                .join(BoxItem, BoxItem.box_id == Box.id)
                .where(Box.order_id == order_id, Box.sealed_at.is_not(None))
                .group_by(Box.number)
            ).all()
        )
    assert now == at_sealing  # nothing went into a box once it was sealed
    ticked, boxed, live = _counts(db, checking)
    assert ticked == boxed == live
    assert audit.verify(db).ok
