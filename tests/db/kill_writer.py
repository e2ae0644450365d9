"""Writes orders of exactly five lines as fast as it can until killed (used by test_kill.py).

Each order, its five lines, its number and its audit entry are one transaction; after each commit
it prints the order number so the test knows the write path is hot when it pulls the plug."""

import sys

from sqlalchemy import select

from pos.db.models import Customer, Order, OrderLine, Product, Staff
from pos.db.numbering import next_number
from pos.services import audit
from pos.services.startup import open_database


def main(url: str) -> None:
    db = open_database(url).db
    with db.transaction() as s:
        cashier = s.scalar(select(Staff))
        customer = s.scalar(select(Customer))
        product = s.scalar(select(Product))
        ids = (cashier.id, customer.id, product.id)
    while True:
        with db.transaction() as s:
            number = next_number(s, "order", db.business_day())
            order = Order(number=number, customer_id=ids[1], cashier_id=ids[0])
            order.lines = [
                OrderLine(
                    position=i, product_id=ids[2], item_code="YJ1", name="银戒指", unit_price_fen=1250, quantity=i
                )
                for i in range(1, 6)
            ]
            s.add(order)
            s.flush()
            audit.record(s, actor_id=ids[0], action="order.open", entity="order", entity_id=number, detail={"lines": 5})
        print(number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
