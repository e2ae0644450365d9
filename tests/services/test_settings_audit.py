import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from pos.config import Settings
from pos.db.models import AuditEvent
from pos.domain.errors import PermissionDenied
from pos.services import settings_audit
from pos.services.staff import Approval


def _entries(db):
    with db.transaction() as session:
        return [
            (e.actor_id, json.loads(e.detail))
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.change"))
        ]


def test_a_change_is_audited_with_who_which_keys_and_old_to_new_without_the_password(db, cashier):
    old = Settings(database_url="postgresql+psycopg://pos:s3cret@10.0.0.5/shop")
    new = replace(
        old, printer_uri="tcp://192.168.1.50:9100", database_url="postgresql+psycopg://pos:n3wpass@10.0.0.6/shop"
    )
    keys = settings_audit.record_change(db, cashier, None, old, new, command_id="c1")
    assert keys == ["database_url", "printer_uri"]
    [(actor_id, detail)] = _entries(db)
    assert actor_id == cashier.id
    assert detail["keys"] == ["database_url", "printer_uri"]
    assert detail["changes"]["printer_uri"] == ["preview:", "tcp://192.168.1.50:9100"]
    assert detail["changes"]["database_url"] == [
        "postgresql+psycopg://pos:***@10.0.0.5/shop",
        "postgresql+psycopg://pos:***@10.0.0.6/shop",
    ]
    assert "s3cret" not in json.dumps(detail) and "n3wpass" not in json.dumps(detail)


def test_a_retried_save_is_recorded_once_and_no_change_records_nothing(db, cashier):
    old = Settings()
    new = replace(old, shop_name="新店")
    settings_audit.record_change(db, cashier, None, old, new, command_id="c1")
    settings_audit.record_change(db, cashier, None, old, new, command_id="c1")
    assert settings_audit.record_change(db, cashier, None, old, old, command_id="c2") == []
    assert len(_entries(db)) == 1


@pytest.mark.parametrize(
    "change", [{"drawer_pin": "5"}, {"drawer_pulse_ms": "100,500"}, {"instore_rules": "22:5:price"}]
)
def test_money_settings_need_a_manager(db, cashier, manager, change):
    old = Settings()
    new = replace(old, **change)
    assert settings_audit.needs_manager(cashier, old, new)
    assert not settings_audit.needs_manager(manager, old, new)
    with pytest.raises(PermissionDenied):
        settings_audit.record_change(db, cashier, None, old, new, command_id="c1")
    with pytest.raises(PermissionDenied):  # the cashier's own PIN does not approve it
        settings_audit.record_change(db, cashier, Approval("1001", "1111"), old, new, command_id="c1")
    assert _entries(db) == []
    settings_audit.record_change(db, cashier, Approval("3001", "3333"), old, new, command_id="c1")
    [(actor_id, detail)] = _entries(db)
    assert actor_id == cashier.id and detail["approved_by"] == "3001"
    assert detail["keys"] == list(change)


def test_a_manager_changes_money_settings_on_their_own_and_an_admin_needs_one(db, admin, manager):
    old = Settings()
    new = replace(old, drawer_pin="5")
    settings_audit.record_change(db, manager, None, old, new, command_id="c1")
    assert settings_audit.needs_manager(admin, old, new)
    with pytest.raises(PermissionDenied):
        settings_audit.record_change(db, admin, None, old, new, command_id="c2")
    assert [actor for actor, _ in _entries(db)] == [manager.id]


def test_nobody_signed_in_changes_nothing(db):
    with pytest.raises(PermissionDenied):
        settings_audit.record_change(db, None, None, Settings(), Settings(shop_name="x"), command_id="c1")
    assert _entries(db) == []
