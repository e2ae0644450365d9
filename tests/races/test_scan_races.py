"""Three counters scanning at once, onto one slip and onto slips of their own. A scan reads the
slip and the audit log's head in one statement and writes in one more (pos.services.scan_path),
so what it read may be changed by another station before it writes: no scan may be lost, no line
doubled, no position used twice, and the audit chain must stay whole."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from pos.db.models import Order, OrderLine
from pos.services import audit, customers, orders
from tests.conftest import add_products
from tests.races.harness import ROUNDS, errors

CODES = [f"R{i:03d}" for i in range(12)]


def _shop(db, cashier):
    add_products(db, **{code: (f"银饰{code}", 1000 + i, 900 + i, None) for i, code in enumerate(CODES)})
    return customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市").number


def _lines(db, number):
    with db.read() as session:
        order_id = session.scalar(select(Order.id).where(Order.number == number))
        return session.execute(
            select(OrderLine.position, OrderLine.item_code, OrderLine.quantity)
            .where(OrderLine.order_id == order_id)
            .order_by(OrderLine.position)
        ).all()


def test_scans_onto_one_slip_at_once_lose_nothing_and_double_no_line(db, cashier, racers):
    customer = _shop(db, cashier)
    number = orders.open_order(db, cashier, customer)
    scanned: Counter[str] = Counter()
    for round_ in range(ROUNDS):
        # the same new code from two stations, and a code already on the slip from the third
        codes = [CODES[round_ % 12], CODES[round_ % 12], CODES[(round_ + 5) % 12]]
        outcomes = racers.run(
            *(lambda station, code=code: orders.add_scan(station, cashier, number, code) for code in codes)
        )
        assert errors(outcomes) == []
        scanned.update(codes)
        for outcome, code in zip(outcomes, codes, strict=True):
            assert outcome.value.line.item_code == code
    lines = _lines(db, number)
    assert [line.position for line in lines] == list(range(1, len(lines) + 1))
    assert Counter({line.item_code: line.quantity for line in lines}) == scanned
    assert len({line.item_code for line in lines}) == len(lines)  # no code on two lines
    assert audit.verify(db).ok


def test_scans_onto_slips_of_their_own_at_once_keep_the_audit_chain_whole(db, cashier, racers):
    customer = _shop(db, cashier)
    slips = [orders.open_order(db, cashier, customer) for _ in range(3)]
    for round_ in range(ROUNDS):
        outcomes = racers.run(
            *(
                lambda station, n=n, i=i: orders.add_scan(station, cashier, n, CODES[(round_ + i) % 12])
                for i, n in enumerate(slips)
            )
        )
        assert errors(outcomes) == []
    for number in slips:
        assert sum(line.quantity for line in _lines(db, number)) == ROUNDS
    assert audit.verify(db).ok
