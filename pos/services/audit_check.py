"""`pos audit verify`: the chain, its anchors, and the money rows checked against the entries.

Each problem is named (which entry, which anchor, which order) so that whoever reads the report
knows where to look; an intact database gives an empty list.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from pos.db.database import Database
from pos.db.models import AuditEvent, Order, OrderLine, Payment, ReturnSlip
from pos.domain.money import Money
from pos.services import audit
from pos.services.audit_anchors import anchor_path, read_anchors


@dataclass
class AuditFindings:
    checked: int = 0  # entries whose chain links were checked
    anchors: int = 0
    orders: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db: Database, anchors: Path | None = None) -> AuditFindings:
    """Everything `pos audit verify` checks. `anchors` is an anchor file kept elsewhere (a copy,
    or typed from day-end reports); by default the station's own file for this database."""
    findings = AuditFindings()
    chain = audit.verify(db)
    findings.checked = chain.checked
    if not chain.ok:
        findings.problems.append(f"entry {chain.broken_at}: {chain.reason}")
    with db.read() as session:
        hashes = {seq: digest for seq, digest in session.execute(select(AuditEvent.seq, AuditEvent.hash))}
        settles = session.execute(
            select(AuditEvent.entity_id, AuditEvent.detail)
            .where(AuditEvent.action == "order.settle")
            .order_by(AuditEvent.seq)
        ).all()
        paid = session.execute(
            select(Order.number, Payment.method, Payment.amount_fen).join(Order, Payment.order_id == Order.id)
        ).all()
        completions = session.execute(
            select(Order.number, AuditEvent.detail)
            .join(ReturnSlip, ReturnSlip.number == AuditEvent.entity_id)
            .join(Order, ReturnSlip.order_id == Order.id)
            .where(AuditEvent.action == "return.sign", AuditEvent.entity == "return_slip")
            .order_by(AuditEvent.seq)
        ).all()
        lines = session.execute(
            select(Order.number, OrderLine.position, OrderLine.item_code, OrderLine.quantity, OrderLine.unit_price_fen)
            .join(Order, OrderLine.order_id == Order.id)
            # settled, or paid before it was packed (a remote order's transfer)
            .where(or_(Order.settled_at.is_not(None), Order.id.in_(select(Payment.order_id))))
        ).all()
    _check_anchors(findings, hashes, anchors or anchor_path(db.url))
    _check_orders(findings, settles, paid, lines)
    _check_refunds(findings, completions, paid)
    return findings


def _check_anchors(findings: AuditFindings, hashes: dict[int, str], path: Path) -> None:
    last = max(hashes, default=0)
    for anchor in read_anchors(path):
        findings.anchors += 1
        if anchor.seq > last:
            findings.problems.append(
                f"anchor {path.name}:{anchor.line} of {anchor.at} says entry {anchor.seq} was written, "
                f"but the log ends at entry {last}: entries were removed"
            )
            return  # every later anchor says the same
        if hashes.get(anchor.seq) != anchor.hash:
            findings.problems.append(
                f"entry {anchor.seq} differs from its anchor {path.name}:{anchor.line} of {anchor.at}: "
                f"the log was rewritten at or before entry {anchor.seq}"
            )
            return


def _check_orders(findings: AuditFindings, settles: Sequence[Any], paid: Sequence[Any], lines: Sequence[Any]) -> None:
    settled: dict[str, dict[str, Any]] = {}
    for number, detail in settles:
        settled[number] = json.loads(detail)  # a re-settle after a reopen: the last one counts
    payments: dict[str, Counter[tuple[str, int]]] = {}
    for number, method, amount in paid:
        if amount > 0:
            payments.setdefault(number, Counter())[method, amount] += 1
    sold: dict[str, list[list[object]]] = {}
    for number, position, code, quantity, price in sorted(lines, key=lambda r: (r[0], r[1])):
        sold.setdefault(number, []).append([position, code, quantity, price])
    for number in sorted(set(settled) | set(payments)):
        findings.orders += 1
        detail = settled.get(number)
        if detail is None:
            findings.problems.append(f"order {number}: payments stored that no audit entry records")
            continue
        recorded = Counter((method, amount) for method, amount, *_ in detail.get("payments", []))
        if payments.get(number, Counter()) != recorded:
            findings.problems.append(
                f"order {number}: payments {_money(payments.get(number))} differ from the settlement's "
                f"audit entry {_money(recorded)}"
            )
        if "lines" in detail and sold.get(number, []) != detail["lines"]:
            findings.problems.append(f"order {number}: its lines differ from those recorded when it was settled")


def _check_refunds(findings: AuditFindings, completions: Sequence[Any], paid: Sequence[Any]) -> None:
    """Each refund row against the return slip's completing signature, which records the money
    handed back. A slip completed before entries carried it (no "refund" key) vouches for one
    refund on its order, unchecked: older databases are not reported for what they never recorded."""
    recorded: dict[str, Counter[tuple[str, int]]] = {}
    unrecorded: Counter[str] = Counter()
    for number, raw in completions:
        detail = json.loads(raw)
        if detail.get("status") != "complete":
            continue
        if "refund" not in detail:
            unrecorded[number] += 1
        elif detail["refund"] is not None:
            method, amount = detail["refund"]
            recorded.setdefault(number, Counter())[method, amount] += 1
    stored: dict[str, Counter[tuple[str, int]]] = {}
    for number, method, amount in paid:
        if amount < 0:
            stored.setdefault(number, Counter())[method, amount] += 1
    for number in sorted(set(recorded) | set(stored)):
        extra = stored.get(number, Counter()) - recorded.get(number, Counter())
        missing = recorded.get(number, Counter()) - stored.get(number, Counter())
        if missing or sum(extra.values()) > unrecorded[number]:
            findings.problems.append(
                f"order {number}: refunds {_money(stored.get(number))} differ from the return slips' "
                f"audit entries {_money(recorded.get(number))}"
            )


def _money(payments: Counter[tuple[str, int]] | None) -> str:
    parts = [f"{method} {Money(amount)}" for (method, amount), n in sorted((payments or {}).items()) for _ in range(n)]
    return "(" + ", ".join(parts) + ")" if parts else "(none)"
