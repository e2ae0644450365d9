"""Migration 0007: franchise customers on file keep their return ratio; with no contract dates they
have no contract until a manager enters one, and a return against the allowance says so."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pos.db.migrate import upgrade
from pos.db.models import Customer
from pos.services import returns
from tests.db.old_schema import database_at


def test_franchise_customers_keep_their_ratio_and_have_no_contract_dates(db_url):
    old = database_at(db_url, "0006")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (number, name, name_pinyin, name_initials, phone, phone_reversed, address, "
            "customer_type, return_ratio_permille, balance_fen, birthday, notes, created_at, updated_at) VALUES "
            "('C000001', '李丽饰品店', 'lilishipindian', 'llspd', '13900139000', '00093100931', '义乌', 'franchise', "
            "50, 12600, '', '', '2026-11-27 00:00:00', '2026-11-27 00:00:00')"
        )
    upgrade(old.engine)
    with old.transaction() as s:
        shop = s.scalar(select(Customer))
        assert (shop.return_ratio_permille, shop.balance_fen, shop.contract_start, shop.contract_end) == (
            50,
            12600,
            None,
            None,
        )
    usage = returns.allowance(old, "C000001")
    assert not usage.has_contract and usage.ratio_permille == 50
    with pytest.raises(IntegrityError):  # the database itself refuses a contract that ends before it starts
        with old.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE customers SET contract_start = '2026-12-31', contract_end = '2026-01-01'")
    old.dispose()
