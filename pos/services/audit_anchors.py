"""Anchors: the audit chain's head written outside the database, so a rewrite is caught.

A hash chain alone proves nothing against someone who can write the database and run the code:
they edit an entry, recompute every hash after it and move the head, and the chain checks out.
What they cannot change is a copy of the head kept elsewhere. After every commit that appended
entries, the station appends `seq hash time` to a file beside its data (one file per database,
0600, append-only); day-end reports print the head too, for a paper copy. `pos audit verify`
checks every anchor against the entry with its number.

Writing an anchor happens after the commit and must never fail the act: a failure is logged.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.config import data_dir
from pos.db.after_commit import after_commit
from pos.db.database import Database
from pos.db.engine import database_identity
from pos.db.models import AuditHead

log = logging.getLogger(__name__)
_PENDING = "pos.audit_anchor"


@dataclass(frozen=True, slots=True)
class Anchor:
    seq: int
    hash: str
    at: str  # when it was written (UTC, ISO), for the report
    line: int  # in the anchor file


def anchor_path(url: str) -> Path:
    key = hashlib.sha256(database_identity(url).encode()).hexdigest()[:20]
    return data_dir() / "audit-anchors" / f"{key}.log"


def note_head(session: Session, seq: int, digest: str) -> None:
    """Anchor (seq, digest) once this session's transaction has committed; the last one wins."""
    pending = session.info.get(_PENDING)
    session.info[_PENDING] = (seq, digest)
    if pending is None:
        url = session.get_bind().engine.url.render_as_string(hide_password=False)
        after_commit(session, lambda: _write_pending(session, url), what="audit anchor")


def appended(session: Session) -> bool:
    """Whether this session's open transaction appended to the audit log."""
    return session.info.get(_PENDING) is not None


def _write_pending(session: Session, url: str) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is not None:
        append(anchor_path(url), *pending)


def append(path: Path, seq: int, digest: str, *, sync: bool = False) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
            os.write(fd, f"{seq} {digest} {stamp}\n".encode("ascii"))
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        log.exception("could not write the audit anchor to %s", path)


def anchor_head(db: Database) -> tuple[int, str] | None:
    """Anchor the head as it is now (day end, start-up), synced to disk; the (seq, hash) anchored."""
    with db.read() as session:
        head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    if head is None:
        return None
    append(anchor_path(db.url), head.seq, head.hash, sync=True)
    return head.seq, head.hash


def read_anchors(path: Path) -> list[Anchor]:
    """Every well-formed line of an anchor file (a torn last line from a power cut is skipped)."""
    if not path.exists():
        return []
    anchors = []
    for number, text in enumerate(path.read_text(encoding="ascii", errors="replace").splitlines(), start=1):
        parts = text.split()
        if len(parts) >= 2 and parts[0].isdigit() and len(parts[1]) == 64:
            anchors.append(Anchor(int(parts[0]), parts[1], parts[2] if len(parts) > 2 else "", number))
    return anchors
