from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base, utcnow


class Order(Base):
    """Sales order / sales slip (销售单)."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'awaiting_pay', 'printed', 'checking', 'checked', 'settled', 'voided')", name="status"
        ),
        CheckConstraint("customer_mode IN ('present', 'absent')", name="customer_mode"),
        CheckConstraint("source IN ('counter', 'phone', 'video', 'website')", name="source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # S20261127-0007
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    cashier_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)  # pos.domain.orders.OrderStatus
    customer_mode: Mapped[str] = mapped_column(String(8), default="present")
    shipping_fee_fen: Mapped[int] = mapped_column(Integer, default=0)
    # how the goods leave (按照客户的要求方式发送): "" not asked yet, "pickup", or a carrier's name
    send_by: Mapped[str] = mapped_column(String(40), default="", server_default="")
    station: Mapped[str] = mapped_column(String(60), default="")
    # where the order was taken (pos.domain.remote.Source): a remote one is paid before it is packed
    source: Mapped[str] = mapped_column(String(8), default="counter", server_default="counter")
    appointment_at: Mapped[datetime | None] = mapped_column(DateTime)  # a video call's time
    wanted: Mapped[str] = mapped_column(String(400), default="", server_default="")  # products asked for
    notice_at: Mapped[datetime | None] = mapped_column(DateTime)  # the payment notice went out
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    printed_at: Mapped[datetime | None] = mapped_column(DateTime)
    check_started_at: Mapped[datetime | None] = mapped_column(DateTime)
    name_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    copy3_to: Mapped[str] = mapped_column(String(10), default="")  # customer | box, once checked
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)
    settled_at: Mapped[datetime | None] = mapped_column(DateTime)  # when it became settled; not a state

    lines: Mapped[list["OrderLine"]] = relationship(
        back_populates="order", order_by="OrderLine.position", cascade="all, delete-orphan"
    )
    # the boxes in use: a box set aside (discarded_at) stays in the record but not on the order
    boxes: Mapped[list["Box"]] = relationship(
        primaryjoin="and_(Order.id == Box.order_id, Box.discarded_at.is_(None))", order_by="Box.number", viewonly=True
    )
    payments: Mapped[list["Payment"]] = relationship(order_by="Payment.id")


class OrderLine(Base):
    """A line keeps a snapshot of code, name and price as sold: later catalog edits never change it."""

    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "position"),
        # a scan or a tick finds its line among the order's by product or code, not by reading them all
        Index("ix_order_lines_order_product", "order_id", "product_id"),
        Index("ix_order_lines_order_code", "order_id", "item_code"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("ticked >= 0 AND crossed >= 0 AND defective >= 0", name="counts_nonnegative"),
        CheckConstraint("ticked + crossed <= quantity", name="counts_within_quantity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    item_code: Mapped[str] = mapped_column(String(48))
    name: Mapped[str] = mapped_column(String(200))
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    ticked: Mapped[int] = mapped_column(Integer, default=0)
    manual_ticks: Mapped[int] = mapped_column(Integer, default=0)  # of `ticked`, ticked by hand
    crossed: Mapped[int] = mapped_column(Integer, default=0)
    defective: Mapped[int] = mapped_column(Integer, default=0)

    order: Mapped[Order] = relationship(back_populates="lines")


class TickEvent(Base):
    """Every tick at the bench, so the last one can be undone and the check replayed."""

    __tablename__ = "tick_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command_id: Mapped[str] = mapped_column(String(64), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"))
    box_id: Mapped[int] = mapped_column(ForeignKey("boxes.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    station: Mapped[str] = mapped_column(String(60), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    manual: Mapped[bool] = mapped_column(default=False)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


LIVE_BOX = "discarded_at IS NULL"


class Box(Base):
    """箱: numbered 1..n within its order. Never deleted: a box left empty when the check
    completes, or every box of a check sent back to the queue, is set aside (discarded_at); the
    tick records that point at it stay valid. Numbers are unique among the boxes in use."""

    __tablename__ = "boxes"
    __table_args__ = (
        Index(
            "uq_boxes_live_order_number",
            "order_id",
            "number",
            unique=True,
            sqlite_where=text(LIVE_BOX),
            postgresql_where=text(LIVE_BOX),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    sealed_at: Mapped[datetime | None] = mapped_column(DateTime)
    sealed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    discarded_at: Mapped[datetime | None] = mapped_column(DateTime)

    items: Mapped[list["BoxItem"]] = relationship(cascade="all, delete-orphan")


class BoxItem(Base):
    __tablename__ = "box_items"
    __table_args__ = (
        UniqueConstraint("box_id", "order_line_id"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    box_id: Mapped[int] = mapped_column(ForeignKey("boxes.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"))
    quantity: Mapped[int] = mapped_column(Integer)


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("method IN ('cash', 'bank', 'wechat', 'alipay', 'account')", name="method"),
        # a station's payments of a day (day end): the station alone would read its whole history
        Index("ix_payments_station_created_at", "station", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command_id: Mapped[str] = mapped_column(String(64), unique=True)  # retry-safe
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    amount_fen: Mapped[int] = mapped_column(Integer)  # applied to the order
    tendered_fen: Mapped[int] = mapped_column(Integer, default=0)  # cash handed over
    change_fen: Mapped[int] = mapped_column(Integer, default=0)
    # a transfer (remote orders): the bank it came through and its reference number
    bank: Mapped[str] = mapped_column(String(60), default="", server_default="")
    reference: Mapped[str] = mapped_column(String(60), default="", server_default="")
    cashier_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    station: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class Reconciliation(Base):
    """Day end (日结): the drawer counted against what the records say it should hold."""

    __tablename__ = "reconciliations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command_id: Mapped[str] = mapped_column(String(64), unique=True)
    station: Mapped[str] = mapped_column(String(60))
    day: Mapped[date] = mapped_column(Date)
    cashier_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    opening_float_fen: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    lines: Mapped[list["ReconciliationLine"]] = relationship(cascade="all, delete-orphan")


class ReconciliationLine(Base):
    __tablename__ = "reconciliation_lines"
    __table_args__ = (UniqueConstraint("reconciliation_id", "method"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reconciliation_id: Mapped[int] = mapped_column(ForeignKey("reconciliations.id", ondelete="CASCADE"))
    method: Mapped[str] = mapped_column(String(10))
    expected_fen: Mapped[int] = mapped_column(Integer)
    counted_fen: Mapped[int] = mapped_column(Integer)
