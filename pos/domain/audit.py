"""The audit chain: each entry's hash covers its content and the previous entry's hash.

Changing, inserting or removing any stored entry breaks the chain from that entry on, which
`verify_chain` reports as the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    at: datetime  # naive UTC
    actor_id: int | None
    action: str
    entity: str
    entity_id: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str = ""


def canonical_detail(detail: dict[str, Any]) -> str:
    return json.dumps(detail, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def entry_hash(record: AuditRecord) -> str:
    payload = "\x1f".join(
        [
            str(record.seq),
            record.at.replace(tzinfo=None).isoformat(timespec="microseconds"),
            "" if record.actor_id is None else str(record.actor_id),
            record.action,
            record.entity,
            record.entity_id,
            canonical_detail(record.detail),
            record.prev_hash,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    checked: int
    broken_at: int | None = None  # seq of the first entry that does not fit
    reason: str = ""


def verify_chain(records: Iterable[AuditRecord], head: tuple[int, str] | None = None) -> ChainReport:
    """Walk entries in seq order. `head` is the (seq, hash) the store says is last, if it keeps one,
    so that removing the newest entries is caught too."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for record in records:
        if record.seq != expected_seq:
            return ChainReport(False, checked, expected_seq, f"entry {expected_seq} is missing")
        if record.prev_hash != prev_hash:
            return ChainReport(False, checked, record.seq, "previous-hash link does not match")
        if entry_hash(record) != record.hash:
            return ChainReport(False, checked, record.seq, "entry content does not match its hash")
        prev_hash = record.hash
        expected_seq += 1
        checked += 1
    if head is not None:
        head_seq, head_hash = head
        if head_seq != checked or (checked and head_hash != prev_hash):
            return ChainReport(False, checked, checked + 1, f"log ends at entry {checked} but {head_seq} were written")
    return ChainReport(True, checked)
