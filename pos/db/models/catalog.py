from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base, searched, utcnow


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("wholesale_price_fen >= 0", name="wholesale_price_nonnegative"),
        CheckConstraint("franchise_price_fen >= 0", name="franchise_price_nonnegative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_code: Mapped[str] = mapped_column(searched(48), unique=True)  # 货号
    name: Mapped[str] = mapped_column(searched(200), index=True)
    category: Mapped[str] = mapped_column(String(100), default="")
    wholesale_price_fen: Mapped[int] = mapped_column(Integer)  # 批发价
    franchise_price_fen: Mapped[int] = mapped_column(Integer)  # 加盟价
    after_sales_note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    barcodes: Mapped[list["ProductBarcode"]] = relationship(back_populates="product", cascade="all, delete-orphan")


class ProductBarcode(Base):
    """One product may carry several barcodes (supplier EAN, in-store label)."""

    __tablename__ = "product_barcodes"

    barcode: Mapped[str] = mapped_column(searched(48), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)

    product: Mapped[Product] = relationship(back_populates="barcodes")


class StockMovement(Base):
    """Goods in and out: a settled sale takes units out, a return slip that took effect brings
    them back. The sum per product is its movement since records began."""

    __tablename__ = "stock_movements"
    __table_args__ = (CheckConstraint("kind IN ('sale', 'return', 'adjust')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)  # negative: out
    kind: Mapped[str] = mapped_column(String(10))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    return_slip_id: Mapped[int | None] = mapped_column(ForeignKey("return_slips.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
