"""Catalog: look up products by item code, barcode or name (importing is catalog_import)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Product, ProductBarcode
from pos.services.customers import clean_query, like_escape, prefix


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
    with db.read() as session:
        found: dict[int, Product] = {}
        # Prefixes as index ranges read in index order (as typed, then in capitals: codes are
        # mostly written in capitals and typed in either); names containing the text to fill up.
        spellings = dict.fromkeys((query, query.upper()))
        chosen_by: list[Select[Product]] = []
        for spelling in spellings:
            by_barcode = (
                select(ProductBarcode.product_id)
                .where(prefix(ProductBarcode.barcode, spelling))
                .order_by(ProductBarcode.barcode)
                .limit(limit)
            )
            chosen_by += [
                select(Product).where(prefix(Product.item_code, spelling)).order_by(Product.item_code),
                select(Product).where(Product.id.in_(by_barcode)),
            ]
        for chosen in (
            *chosen_by,
            select(Product).where(Product.name.like(f"%{like_escape(query)}%", escape="\\")),
        ):
            if len(found) >= limit:
                break
            for product in session.scalars(chosen.where(Product.active.is_(True)).limit(limit)):
                found.setdefault(product.id, product)
        return [
            ProductHit(p.item_code, p.name, p.wholesale_price_fen, p.franchise_price_fen)
            for p in list(found.values())[:limit]
        ]
