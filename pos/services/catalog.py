"""Catalog: look up products by item code, barcode or name (importing is catalog_import)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Product, ProductBarcode
from pos.services.customers import clean_query, like_escape


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
