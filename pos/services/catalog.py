"""Catalog: import from CSV/.xlsx, look up products by item code or barcode."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Product, ProductBarcode
from pos.domain.catalog import CatalogRow, map_header, parse_row
from pos.domain.errors import Conflict, InvalidInput, PosError
from pos.domain.roles import Role
from pos.services import audit
from pos.services.catalog_files import read_rows
from pos.services.customers import clean_query, like_escape
from pos.services.staff import StaffInfo, require_role


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_catalog(db: Database, actor: StaffInfo | None, path: Path, *, update: bool = False) -> ImportReport:
    """Import products. Each row is its own transaction: a bad row is reported with its line number
    and changes nothing, good rows are stored. An item code already in the catalog is a duplicate
    unless `update` is set, in which case that product is overwritten from the row."""
    actor = require_role(actor, Role.ADMIN, Role.MANAGER)
    rows = read_rows(Path(path))
    report = ImportReport()
    columns = None
    seen_codes: dict[str, int] = {}
    for line, values in rows:
        if not any(str(v).strip() for v in values if v is not None):
            continue  # blank line
        if columns is None:
            columns = map_header([str(v or "") for v in values])
            continue
        try:
            row = parse_row(values, columns)
            if row.item_code in seen_codes:
                raise Conflict(
                    "duplicate item code {code} (already on line {line}).",
                    code=row.item_code,
                    line=seen_codes[row.item_code],
                )
            with db.transaction() as session:
                added = _store(session, row, update=update)
                audit.record(
                    session,
                    actor_id=actor.id,
                    action="catalog.import_row",
                    entity="product",
                    entity_id=row.item_code,
                    detail={"file": Path(path).name, "line": line, "added": added},
                    at=db.now(),
                )
            seen_codes[row.item_code] = line
            if added:
                report.added += 1
            else:
                report.updated += 1
        except PosError as exc:
            report.errors.append((line, exc.message))
    if columns is None:
        raise InvalidInput("{path} has no header row and no products.", path=str(path))
    return report


def _store(session: Session, row: CatalogRow, *, update: bool) -> bool:
    product = session.scalar(select(Product).where(Product.item_code == row.item_code))
    if product is not None and not update:
        raise Conflict("duplicate item code {code}: it is already in the catalog.", code=row.item_code)
    for barcode in row.barcodes:
        owner = session.scalar(select(ProductBarcode).where(ProductBarcode.barcode == barcode))
        if owner is not None and (product is None or owner.product_id != product.id):
            raise Conflict("barcode {barcode} already belongs to another product.", barcode=barcode)
    added = product is None
    if product is None:
        product = Product(item_code=row.item_code)
        session.add(product)
    product.name = row.name
    product.category = row.category
    product.wholesale_price_fen = row.wholesale_price.fen
    product.franchise_price_fen = row.franchise_price.fen
    product.after_sales_note = row.after_sales_note
    product.active = row.active
    wanted = set(row.barcodes)
    for old in [b for b in product.barcodes if b.barcode not in wanted]:
        product.barcodes.remove(old)
    have = {b.barcode for b in product.barcodes}
    product.barcodes.extend(ProductBarcode(barcode=b) for b in row.barcodes if b not in have)
    session.flush()
    return added


def find_product(session: Session, code: str) -> Product | None:
    """By barcode first (what scanners read), then by item code."""
    product = session.scalar(select(Product).join(ProductBarcode).where(ProductBarcode.barcode == code))
    if product is None:
        product = session.scalar(select(Product).where(Product.item_code == code))
    return product


@dataclass(frozen=True, slots=True)
class ProductHit:
    item_code: str
    name: str
    wholesale_price_fen: int
    franchise_price_fen: int


def search_products(db: Database, text: str, *, limit: int = 15) -> list[ProductHit]:
    """For typing a code by hand: item codes and barcodes starting with the text, then names
    containing it (completion by name)."""
    query = clean_query(text)
    if not query:
        return []
    with db.transaction() as session:
        found: dict[int, Product] = {}
        pattern = like_escape(query)
        for condition in (
            Product.item_code.like(pattern + "%", escape="\\"),
            Product.id.in_(
                select(ProductBarcode.product_id).where(ProductBarcode.barcode.like(pattern + "%", escape="\\"))
            ),
            Product.name.like(f"%{pattern}%", escape="\\"),
        ):
            if len(found) >= limit:
                break
            for product in session.scalars(select(Product).where(condition, Product.active.is_(True)).limit(limit)):
                found.setdefault(product.id, product)
        return [
            ProductHit(p.item_code, p.name, p.wholesale_price_fen, p.franchise_price_fen)
            for p in list(found.values())[:limit]
        ]
