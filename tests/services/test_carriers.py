"""Carriers and their rates, set by a manager and quoted at the counter, on SQLite and PostgreSQL
(issue 13, Deliver 1)."""

import json

import pytest
from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.domain.errors import InvalidInput, NotFound, PermissionDenied
from pos.domain.freight import Basis, Rate
from pos.services import carriers


def test_the_standards_carriers_are_there_in_a_new_database(db):
    listed = carriers.list_carriers(db)
    assert [c.name for c in listed] == ["中铁快运", "顺丰", "申通", "公路运输"]
    assert listed[3].rate.basis is Basis.BOX


def test_a_quote_to_the_fen(db):
    assert carriers.quote(db, "公路运输", boxes=3, grams=0).fen == 3 * 1500
    assert carriers.quote(db, "顺丰", boxes=1, grams=2500).fen == 2300 + 2 * 1300
    with pytest.raises(NotFound, match="No carrier"):
        carriers.quote(db, "德邦", boxes=1, grams=1000)


def test_a_manager_sets_the_rates_and_it_is_audited(db, manager, cashier):
    by_box = Rate(Basis.BOX, per_box_fen=800, minimum_fen=2000)
    with pytest.raises(PermissionDenied):
        carriers.save_carrier(db, cashier, "申通", by_box, 2)
    changed = carriers.save_carrier(db, manager, "申通", by_box, 2)
    assert changed.rate == by_box and changed.days_to_arrive == 2
    assert carriers.quote(db, "申通", boxes=4, grams=0).fen == 3200
    added = carriers.save_carrier(db, manager, " 德邦  物流 ", Rate(Basis.WEIGHT, 1000, 200), 3)
    assert added.name == "德邦 物流" and carriers.list_carriers(db)[-1].name == "德邦 物流"
    carriers.save_carrier(db, manager, "顺丰", Rate(Basis.WEIGHT, 2300, 1300), 2, active=False)
    assert "顺丰" not in [c.name for c in carriers.list_carriers(db)]
    assert "顺丰" in [c.name for c in carriers.list_carriers(db, include_inactive=True)]
    with pytest.raises(NotFound):
        carriers.quote(db, "顺丰", boxes=1, grams=1000)  # no longer offered
    with db.transaction() as s:
        query = select(AuditEvent.detail).where(AuditEvent.action == "carrier.save").order_by(AuditEvent.seq)
        details = [json.loads(d) for d in s.scalars(query)]
    assert [d["before"] and d["before"]["basis"] for d in details] == ["weight", None, "weight"]
    assert details[0]["after"]["per_box_fen"] == 800 and details[2]["after"]["active"] is False


@pytest.mark.parametrize(("name", "days"), [("", 2), ("x" * 41, 2), ("申通", -1), ("申通", 61)])
def test_bad_carrier_input_changes_nothing(db, manager, name, days):
    with pytest.raises(InvalidInput):
        carriers.save_carrier(db, manager, name, Rate(Basis.BOX, per_box_fen=100), days)
    assert carriers.quote(db, "申通", boxes=1, grams=1000).fen == 1200
