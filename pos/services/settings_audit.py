"""Saving the station settings: who may change what, and the audit entry for every change.

The settings live in a file on the station, not in the database; the change is recorded here first
(one transaction), and the caller writes the file after the commit.
"""

from __future__ import annotations

from dataclasses import asdict

from pos.config import Settings
from pos.db.database import Database
from pos.db.engine import redacted
from pos.domain.errors import PermissionDenied
from pos.domain.roles import Role
from pos.services import audit
from pos.services.staff import Approval, StaffInfo, approve, require_role

# Settings that move money: where the drawer kick goes and how long, the in-store barcodes that
# carry a price or weight, and the accounts remote customers pay into. A manager approves a change
# to any of them.
MONEY_KEYS = ("drawer_pin", "drawer_pulse_ms", "instore_rules", "bank_accounts")
# A database URL may carry a password; the log keeps the URL with the password hidden.
SECRET_KEYS = ("database_url",)


def changed_keys(old: Settings, new: Settings) -> list[str]:
    """The settings that differ, in the order they are declared."""
    before, after = asdict(old), asdict(new)
    return [key for key in before if before[key] != after[key]]


def needs_manager(actor: StaffInfo | None, old: Settings, new: Settings) -> bool:
    """True when the change touches money and the person saving it is not a manager."""
    touches_money = any(key in MONEY_KEYS for key in changed_keys(old, new))
    return touches_money and not (actor is not None and actor.has(Role.MANAGER))


def _shown(key: str, value: object) -> object:
    if key in SECRET_KEYS and value:
        try:
            return redacted(str(value))
        except Exception:  # noqa: BLE001 - an unreadable URL must not leak either
            return "***"
    return value


def record_change(
    db: Database, actor: StaffInfo | None, approval: Approval | None, old: Settings, new: Settings, *, command_id: str
) -> list[str]:
    """Audit a saved change: who saved it, which keys, old -> new (passwords hidden), and the
    manager who approved a money setting (login and PIN, checked in this transaction). Returns the
    changed keys.

    Refuses nobody signed in, and a money setting without a manager (the actor or the approver).
    A retried command is recorded once."""
    actor = require_role(actor, *Role)
    keys = changed_keys(old, new)
    money = [key for key in keys if key in MONEY_KEYS]
    approving = bool(money) and not actor.has(Role.MANAGER)  # a manager approves, the actor is not one
    if approving and approval is None:
        raise PermissionDenied(
            "{name} may not do this: it needs the {roles} role.", name=actor.name, roles=Role.MANAGER.value
        )
    if not keys:
        return keys
    before, after = asdict(old), asdict(new)
    detail: dict[str, object] = {
        "station": new.station_name,
        "keys": keys,
        "changes": {key: [_shown(key, before[key]), _shown(key, after[key])] for key in keys},
    }
    with db.transaction() as session:
        if audit.command_seen(session, command_id) is not None:
            return keys
        if approving and approval is not None:
            detail["approved_by"] = approve(db, session, approval, Role.MANAGER, requester=actor).login_code
        audit.record(
            session,
            actor_id=actor.id,
            action="settings.change",
            entity="station",
            entity_id=old.station_name,
            detail=detail,
            command_id=command_id,
            at=db.now(),
        )
    return keys
