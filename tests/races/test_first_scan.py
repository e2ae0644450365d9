"""Issue 10 finding 3 with real concurrent connections: two first scans of one slip (sent before
the slip had a number, so both carry the slip's open command id) reach the database at once.
They must land on one slip, with both lines, and the day's numbers keep no gap. 50 rounds, each
scan on its own engine, released together by a barrier."""

import threading

from sqlalchemy import func, select

from pos.db.database import Database
from pos.db.models import Order, OrderLine
from pos.db.numbering import last_number
from pos.services import customers, orders
from tests.conftest import add_products

ROUNDS = 50


def test_two_first_scans_at_once_open_one_slip(db, db_url, cashier, clock):
    add_products(db, "YJ1000", "BD2000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    stations = [Database(db_url, clock=clock) for _ in range(2)]
    failures: list[BaseException] = []

    def first_scan(station: Database, code: str, round_no: int, barrier: threading.Barrier) -> None:
        barrier.wait()
        try:
            orders.add_scan(
                station,
                cashier,
                None,
                code,
                customer_number=customer.number,
                station="结算台1",
                open_command_id=f"slip-{round_no}",
                command_id=f"scan-{round_no}-{code}",
            )
        except BaseException as error:  # noqa: BLE001 - counted and shown below
            failures.append(error)

    try:
        for round_no in range(ROUNDS):
            barrier = threading.Barrier(2)
            threads = [
                threading.Thread(target=first_scan, args=(station, code, round_no, barrier))
                for station, code in zip(stations, ("YJ1000", "BD2000"), strict=True)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        for station in stations:
            station.dispose()

    assert failures == []
    with db.transaction() as s:
        numbers = s.scalars(select(Order.number).order_by(Order.number)).all()
        lines_per_order = s.execute(select(OrderLine.order_id, func.count()).group_by(OrderLine.order_id)).all()
        assert last_number(s, "order", db.business_day()) == ROUNDS  # no number used up by a loser
    assert numbers == [f"S20261127-{n:04d}" for n in range(1, ROUNDS + 1)]
    assert sorted(count for _, count in lines_per_order) == [2] * ROUNDS
