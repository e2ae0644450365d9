import threading
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from pos.db.database import Database
from pos.db.models import Customer, DayCounter, Order
from pos.db.numbering import last_number, next_number
from pos.domain.slip_numbers import order_number, return_number

DAY = date(2026, 11, 27)


def test_numbers_count_per_day_and_kind(db):
    with db.transaction() as s:
        assert next_number(s, "order", DAY) == "S20261127-0001"
        assert next_number(s, "order", DAY) == "S20261127-0002"
        assert next_number(s, "return", DAY) == "R20261127-0001"
        assert next_number(s, "order", date(2026, 11, 28)) == "S20261128-0001"


def test_rolled_back_number_is_given_back(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            assert next_number(s, "order", DAY) == "S20261127-0001"
            raise RuntimeError("slip not stored")
    with db.transaction() as s:
        assert next_number(s, "order", DAY) == "S20261127-0001"


def test_database_refuses_a_reused_number(db, cashier):
    with db.transaction() as s:
        customer = Customer(number="C1", name="张三", phone="1", address="a")
        s.add(customer)
        s.flush()
        s.add(Order(number="S20261127-0001", customer_id=customer.id, cashier_id=cashier.id))
    with pytest.raises(IntegrityError):
        with db.transaction() as s:
            s.add(Order(number="S20261127-0001", customer_id=customer.id, cashier_id=cashier.id))


def test_two_stations_allocating_at_once_get_unique_gap_free_numbers(db):
    """Each thread is a station with its own connection pool."""
    per_station, stations = 25, 4
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(stations)

    def station():
        own = Database(db.url)
        try:
            start.wait()
            for _ in range(per_station):
                with own.transaction() as s:
                    number = next_number(s, "order", DAY)
                with lock:
                    results.append(number)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=station) for _ in range(stations)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    expected = {f"S20261127-{n:04d}" for n in range(1, per_station * stations + 1)}
    assert sorted(results) == sorted(expected)
    with db.transaction() as s:
        assert last_number(s, "order", DAY) == per_station * stations


def test_numbers_go_past_9999_a_day_and_stay_recognisable(db):
    """The 10,000th slip of a busy day gets five digits, and every screen still takes it."""
    with db.transaction() as s:
        s.add(DayCounter(kind="order", day=DAY, last_value=9998))
        s.add(DayCounter(kind="return", day=DAY, last_value=9999))
    with db.transaction() as s:
        numbers = [next_number(s, "order", DAY) for _ in range(3)]
        returned = next_number(s, "return", DAY)
    assert numbers == ["S20261127-9999", "S20261127-10000", "S20261127-10001"]
    assert returned == "R20261127-10000"
    assert [order_number(n) for n in numbers] == numbers and return_number(returned) == returned
