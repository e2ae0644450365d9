"""Importing the catalog from a .csv or .xlsx file: checked row by row, stored in bulk.

Every row is checked before anything is stored, against the same limits on both databases; a
bad row is reported with its line number and changes nothing, the good rows are stored together
in one transaction with a handful of statements whatever their number (a 100k-row price list
is a normal file). The import is one audit entry carrying the file's hash and counts, plus one
per product whose price it changed, with the old and new prices.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Product, ProductBarcode
from pos.db.statistics import analyze
from pos.domain.catalog import CatalogRow, map_header, parse_row
from pos.domain.errors import Conflict, InvalidInput, PosError
from pos.domain.roles import Role
from pos.services import audit
from pos.services.catalog_files import read_rows
from pos.services.staff import StaffInfo, require_role

BATCH = 2000  # rows per statement: well under SQLite's 32,766 bound parameters
_FIELDS = ("name", "category", "wholesale_price_fen", "franchise_price_fen", "after_sales_note", "active")
_PRICES = ("wholesale_price_fen", "franchise_price_fen")


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Plan:
    """What storing the rows will do, worked out from one read of the catalog."""

    new: list[CatalogRow] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)  # id + new values
    barcodes: dict[int, tuple[str, ...]] = field(default_factory=dict)  # product id -> all its barcodes
    prices: list[tuple[str, dict[str, int], dict[str, int]]] = field(default_factory=list)  # code, old, new


def import_catalog(db: Database, actor: StaffInfo | None, path: Path, *, update: bool = False) -> ImportReport:
    """Import products. An item code already in the catalog is a duplicate unless `update` is set,
    in which case that product is overwritten from the row."""
    actor = require_role(actor, Role.ADMIN, Role.MANAGER)
    path = Path(path)
    parsed, refused = _parse(read_rows(path))
    if parsed is None:
        raise InvalidInput("{path} has no header row and no products.", path=str(path))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    report = _store(db, actor, path.name, digest, parsed, refused, update)
    if report.added or report.updated:
        analyze(db.engine)  # a bulk load changes what the planner should expect of the catalog
    return report


@use_case
def _store(
    db: Database,
    actor: StaffInfo,
    name: str,
    digest: str,
    parsed: list[tuple[int, CatalogRow]],
    refused: list[tuple[int, str]],
    update_existing: bool,
) -> ImportReport:
    with db.transaction() as session:
        report = ImportReport(errors=list(refused))
        plan = _plan(session, parsed, report, update_existing)
        _apply(session, plan, db)
        report.errors.sort()
        audit.record(
            session,
            actor_id=actor.id,
            action="catalog.import",
            entity="catalog",
            entity_id=name,
            detail={
                "file": name,
                "sha256": digest,
                "rows": len(parsed) + len(refused),
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "refused": len(report.errors),
            },
            at=db.now(),
        )
        audit.record_many(
            session,
            actor_id=actor.id,
            entries=[
                ("catalog.price_change", "product", code, {"file": name, "old": old, "new": new})
                for code, old, new in plan.prices
            ],
            at=db.now(),
        )
        return report


def _parse(
    rows: Iterable[tuple[int, list[object]]],
) -> tuple[list[tuple[int, CatalogRow]] | None, list[tuple[int, str]]]:
    """The file's good rows and its bad ones (line, reason); None when it has no header."""
    columns = None
    parsed: list[tuple[int, CatalogRow]] = []
    refused: list[tuple[int, str]] = []
    code_lines: dict[str, int] = {}
    barcode_lines: dict[str, int] = {}
    for line, values in rows:
        if not any(str(v).strip() for v in values if v is not None):
            continue  # blank line
        if columns is None:
            columns = map_header([str(v or "") for v in values])
            continue
        try:
            row = parse_row(values, columns)
            if row.item_code in code_lines:
                raise Conflict(
                    "duplicate item code {code} (already on line {line}).",
                    code=row.item_code,
                    line=code_lines[row.item_code],
                )
            for barcode in row.barcodes:
                if barcode in barcode_lines:
                    raise Conflict(
                        "barcode {barcode} already belongs to another product.",
                        barcode=barcode,
                    )
        except PosError as exc:
            refused.append((line, exc.message))
            continue
        code_lines[row.item_code] = line
        barcode_lines.update(dict.fromkeys(row.barcodes, line))
        parsed.append((line, row))
    return (parsed if columns is not None else None), refused


def _values(row: CatalogRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "category": row.category,
        "wholesale_price_fen": row.wholesale_price.fen,
        "franchise_price_fen": row.franchise_price.fen,
        "after_sales_note": row.after_sales_note,
        "active": row.active,
    }


def _plan(session: Session, parsed: list[tuple[int, CatalogRow]], report: ImportReport, update_existing: bool) -> _Plan:
    existing = {r.item_code: r for r in session.execute(select(Product.id, Product.item_code, *_columns()))}
    owners: dict[str, int] = {
        barcode: product_id
        for barcode, product_id in session.execute(select(ProductBarcode.barcode, ProductBarcode.product_id))
    }
    barcodes_of: dict[int, set[str]] = {}
    for barcode, product_id in owners.items():
        barcodes_of.setdefault(product_id, set()).add(barcode)
    plan = _Plan()
    for line, row in parsed:
        known = existing.get(row.item_code)
        if known is not None and not update_existing:
            refusal = Conflict("duplicate item code {code}: it is already in the catalog.", code=row.item_code)
            report.errors.append((line, refusal.message))
            continue
        own_id = known.id if known is not None else None
        taken = next((b for b in row.barcodes if owners.get(b, own_id) != own_id), None)
        if taken is not None:
            refusal = Conflict("barcode {barcode} already belongs to another product.", barcode=taken)
            report.errors.append((line, refusal.message))
            continue
        if known is None:
            plan.new.append(row)
            continue
        values, old = _values(row), {f: getattr(known, f) for f in _FIELDS}
        if values == old and set(row.barcodes) == barcodes_of.get(known.id, set()):
            report.unchanged += 1
            continue
        report.updated += 1
        if values != old:
            plan.changed.append({"id": known.id, **values})
        plan.barcodes[known.id] = row.barcodes
        old_prices, new_prices = {k: old[k] for k in _PRICES}, {k: values[k] for k in _PRICES}
        if old_prices != new_prices:
            plan.prices.append((row.item_code, old_prices, new_prices))
    report.added = len(plan.new)
    return plan


def _columns() -> list[Any]:
    return [getattr(Product, f) for f in _FIELDS]


def _apply(session: Session, plan: _Plan, db: Database) -> None:
    now = db.now()
    products = Product.__table__
    for batch in _batches(plan.new):
        # plain executemany: one statement per batch (RETURNING would make SQLite's driver go row by row)
        session.execute(
            insert(products),
            [{"item_code": row.item_code, **_values(row), "created_at": now, "updated_at": now} for row in batch],
        )
    if plan.new:
        new_codes = {row.item_code: row.barcodes for row in plan.new}
        for product_id, code in session.execute(select(Product.id, Product.item_code)):
            if code in new_codes:
                plan.barcodes[product_id] = new_codes[code]
    for batch in _batches(plan.changed):
        session.execute(update(Product), [{**values, "updated_at": now} for values in batch])
    ids = list(plan.barcodes)
    for batch in _batches(ids):
        session.execute(delete(ProductBarcode).where(ProductBarcode.product_id.in_(batch)))
    pairs = [{"barcode": b, "product_id": pid} for pid, codes in plan.barcodes.items() for b in codes]
    for batch in _batches(pairs):
        session.execute(insert(ProductBarcode.__table__), batch)


def _batches(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]
