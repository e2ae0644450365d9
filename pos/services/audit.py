"""Append to and verify the hash-chained audit log."""

from __future__ import annotations

import functools
import json
from datetime import datetime
from typing import Any

from sqlalchemy import Insert, bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import AuditEvent, AuditHead
from pos.db.models.base import utcnow
from pos.domain.audit import GENESIS_HASH, AuditRecord, ChainReport, canonical_detail, entry_hash, verify_chain
from pos.services import audit_anchors


def record(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: str | int,
    detail: dict[str, Any] | None = None,
    command_id: str | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one entry in the caller's transaction, so the change and its record commit together."""
    head = AuditHead.__table__
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # The upsert takes the head row's lock until commit: appenders on other stations wait here,
    # so seq stays gap-free and the chain never forks.
    seq, prev_hash = session.execute(
        insert(head)
        .values(id=1, seq=1, hash=GENESIS_HASH)
        .on_conflict_do_update(index_elements=[head.c.id], set_={"seq": head.c.seq + 1})
        .returning(head.c.seq, head.c.hash)
    ).one()
    detail = detail or {}
    rec = AuditRecord(
        seq=seq,
        at=at or utcnow(),
        actor_id=actor_id,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=json.loads(canonical_detail(detail)),
        prev_hash=prev_hash,
    )
    digest = entry_hash(rec)
    event = AuditEvent(
        seq=seq,
        command_id=command_id,
        at=rec.at,
        actor_id=actor_id,
        action=action,
        entity=entity,
        entity_id=rec.entity_id,
        detail=canonical_detail(detail),
        prev_hash=prev_hash,
        hash=digest,
    )
    session.add(event)
    session.execute(head.update().where(head.c.id == 1).values(hash=digest))
    session.flush()
    audit_anchors.note_head(session, seq, digest)
    return event


def record_many(
    session: Session,
    *,
    actor_id: int | None,
    entries: list[tuple[str, str, str, dict[str, Any]]],
    at: datetime | None = None,
) -> None:
    """Append several entries (action, entity, entity_id, detail) at once, chained exactly as
    `record` would chain them one by one, with one head update and one insert: for acts that
    change thousands of things together (a price list imported)."""
    if not entries:
        return
    head = AuditHead.__table__
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    last_seq, prev_hash = session.execute(
        insert(head)
        .values(id=1, seq=len(entries), hash=GENESIS_HASH)
        .on_conflict_do_update(index_elements=[head.c.id], set_={"seq": head.c.seq + len(entries)})
        .returning(head.c.seq, head.c.hash)
    ).one()
    at = at or utcnow()
    rows = []
    for seq, (action, entity, entity_id, detail) in enumerate(entries, start=last_seq - len(entries) + 1):
        row = entry_row(
            seq, prev_hash, actor_id=actor_id, action=action, entity=entity, entity_id=entity_id, detail=detail, at=at
        )
        prev_hash = row["hash"]
        rows.append(row)
    session.execute(AuditEvent.__table__.insert(), rows)
    session.execute(head.update().where(head.c.id == 1).values(hash=prev_hash))
    audit_anchors.note_head(session, last_seq, prev_hash)


def entry_row(
    seq: int,
    prev_hash: str,
    *,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: str | int,
    detail: dict[str, Any],
    at: datetime,
    command_id: str | None = None,
) -> dict[str, Any]:
    """The stored row of entry `seq` chained to `prev_hash`, its hash computed (for ENTRY)."""
    text = canonical_detail(detail)
    rec = AuditRecord(seq, at, actor_id, action, entity, str(entity_id), json.loads(text), prev_hash)
    return {
        "seq": seq,
        "command_id": command_id,
        "at": at,
        "actor_id": actor_id,
        "action": action,
        "entity": entity,
        "entity_id": rec.entity_id,
        "detail": text,
        "prev_hash": prev_hash,
        "hash": entry_hash(rec),
    }


# An act that read the head itself stores its entry and moves the head with these, in statements
# of its own (pos.services.scan_path). It read the head without locking it: if another station
# appended first, the entry's seq is taken and the insert fails on its unique key, and the act runs
# again (pos.db.database.Reread). Built once: a statement built per act costs more than the
# database's work for it. The parameters (entry_params) are named apart from every column, since
# Core takes a parameter named as a column of a table written in the statement as a value for it.
ENTRY = AuditEvent.__table__.insert().values(
    {c.name: bindparam(f"entry_{c.name}") for c in AuditEvent.__table__.columns}
)


def entry_params(row: dict[str, Any]) -> dict[str, Any]:
    """ENTRY's and head_move's parameters for an entry_row."""
    return {f"entry_{name}": value for name, value in row.items()}


def order_entry_after(
    session: Session,
    head: tuple[int, str],
    *,
    actor_id: int,
    action: str,
    number: str,
    detail: dict[str, Any],
    at: datetime,
    command_id: str | None = None,
) -> dict[str, Any]:
    """ENTRY's and head_move's parameters for the entry about order `number` that follows `head`
    (seq, hash) as the act read it; the new head is anchored once the act commits."""
    row = entry_row(
        head[0] + 1,
        head[1],
        actor_id=actor_id,
        action=action,
        entity="order",
        entity_id=number,
        detail=detail,
        at=at,
        command_id=command_id,
    )
    audit_anchors.note_head(session, row["seq"], row["hash"])
    return entry_params(row)


@functools.cache
def head_move(dialect: str) -> Insert:
    head = AuditHead.__table__
    upsert = (pg_insert if dialect == "postgresql" else sqlite_insert)(head)
    return upsert.values(id=1, seq=bindparam("entry_seq"), hash=bindparam("entry_hash")).on_conflict_do_update(
        index_elements=[head.c.id], set_={"seq": upsert.excluded.seq, "hash": upsert.excluded.hash}
    )


def command_seen(session: Session, command_id: str | None) -> AuditEvent | None:
    """The entry a command already produced, so a retried command is recorded once, not twice."""
    if not command_id:
        return None
    return session.scalar(select(AuditEvent).where(AuditEvent.command_id == command_id))


def verify(db: Database) -> ChainReport:
    with db.read() as session:
        head = session.get(AuditHead, 1)
        events = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
        records = (
            AuditRecord(
                seq=e.seq,
                at=e.at,
                actor_id=e.actor_id,
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id,
                detail=json.loads(e.detail),
                prev_hash=e.prev_hash,
                hash=e.hash,
            )
            for e in events
        )
        return verify_chain(records, (head.seq, head.hash) if head else (0, GENESIS_HASH))
