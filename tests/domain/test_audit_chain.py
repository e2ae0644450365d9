from dataclasses import replace
from datetime import datetime, timedelta

from pos.domain.audit import GENESIS_HASH, AuditRecord, entry_hash, verify_chain


def _chain(n):
    records, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        rec = AuditRecord(
            seq,
            datetime(2026, 11, 27) + timedelta(seconds=seq),
            1,
            "order.open",
            "order",
            f"S20261127-{seq:04d}",
            {"i": seq, "名": "张三"},
            prev,
        )
        rec = replace(rec, hash=entry_hash(rec))
        records.append(rec)
        prev = rec.hash
    return records


def test_intact_chain_verifies():
    chain = _chain(5)
    report = verify_chain(chain, (5, chain[-1].hash))
    assert report.ok and report.checked == 5


def test_altered_entry_is_the_first_broken_link():
    chain = _chain(5)
    chain[2] = replace(chain[2], detail={"i": 999, "名": "张三"})
    report = verify_chain(chain)
    assert not report.ok and report.broken_at == 3


def test_removed_entry_is_reported_missing():
    chain = _chain(5)
    del chain[1]
    report = verify_chain(chain)
    assert not report.ok and report.broken_at == 2


def test_removed_tail_is_caught_by_the_head():
    chain = _chain(5)
    report = verify_chain(chain[:3], (5, chain[-1].hash))
    assert not report.ok and report.broken_at == 4


def test_rehashed_forgery_still_breaks_the_next_link():
    chain = _chain(4)
    forged = replace(chain[1], action="order.void")
    chain[1] = replace(forged, hash=entry_hash(forged))
    report = verify_chain(chain)
    assert not report.ok and report.broken_at == 3
