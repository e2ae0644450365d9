from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base, utcnow


class ReturnSlip(Base):
    """退货单: effective only once handler, customer and manager have all signed."""

    __tablename__ = "return_slips"
    __table_args__ = (CheckConstraint("status IN ('draft', 'awaiting_signatures', 'complete', 'void')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # R20261127-0002
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    refund_method: Mapped[str] = mapped_column(String(10), default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    void_reason: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list["ReturnLine"]] = relationship(cascade="all, delete-orphan")
    signatures: Mapped[list["Signature"]] = relationship(cascade="all, delete-orphan")


class ReturnLine(Base):
    __tablename__ = "return_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("reason IN ('unwanted', 'defective', 'wrong_item', 'other')", name="reason"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_slip_id: Mapped[int] = mapped_column(ForeignKey("return_slips.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(12))
    reason_text: Mapped[str] = mapped_column(Text, default="")


LIVE_SIGNATURE = "superseded_at IS NULL"


class Signature(Base):
    """A signature on a return slip or an order (checker, second packer, customer). Rows are
    never deleted: signing again supersedes the earlier signature (superseded_at, and
    superseded_by_id naming its successor), and a check sent back to the queue supersedes its
    signatures without a successor. One live signature per role and document."""

    __tablename__ = "signatures"
    __table_args__ = (
        CheckConstraint("role IN ('handler', 'customer', 'manager', 'checker', 'second_checker')", name="role"),
        CheckConstraint("method IN ('pin', 'pad', 'paper')", name="method"),
        CheckConstraint("(return_slip_id IS NULL) <> (order_id IS NULL)", name="one_document"),
        Index(
            "uq_signatures_live_return_slip_role",
            "return_slip_id",
            "role",
            unique=True,
            sqlite_where=text(LIVE_SIGNATURE),
            postgresql_where=text(LIVE_SIGNATURE),
        ),
        Index(
            "uq_signatures_live_order_role",
            "order_id",
            "role",
            unique=True,
            sqlite_where=text(LIVE_SIGNATURE),
            postgresql_where=text(LIVE_SIGNATURE),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_slip_id: Mapped[int | None] = mapped_column(ForeignKey("return_slips.id", ondelete="CASCADE"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    method: Mapped[str] = mapped_column(String(8))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    signer_name: Mapped[str] = mapped_column(String(100))
    image_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    signed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("signatures.id"))
