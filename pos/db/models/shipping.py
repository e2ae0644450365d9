from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base, utcnow


class Carrier(Base):
    """A carrier the shop sends by, with its rates (pos/domain/freight.py), set by a manager."""

    __tablename__ = "carriers"
    __table_args__ = (
        CheckConstraint("basis IN ('weight', 'box')", name="basis"),
        CheckConstraint(
            "first_kg_fen >= 0 AND further_kg_fen >= 0 AND per_box_fen >= 0 AND minimum_fen >= 0", name="fees"
        ),
        CheckConstraint("days_to_arrive >= 0", name="days"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    basis: Mapped[str] = mapped_column(String(10))
    first_kg_fen: Mapped[int] = mapped_column(Integer, default=0)
    further_kg_fen: Mapped[int] = mapped_column(Integer, default=0)
    per_box_fen: Mapped[int] = mapped_column(Integer, default=0)
    minimum_fen: Mapped[int] = mapped_column(Integer, default=0)
    days_to_arrive: Mapped[int] = mapped_column(Integer, default=3)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in the carrier list
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


PAYERS = "'on_delivery', 'customer_to_us', 'shop'"  # pos.domain.freight.Payer


class Shipment(Base):
    """发货记录 (chapter 6): one hand-over of some or all of an order's boxes to a carrier."""

    __tablename__ = "shipments"
    __table_args__ = (
        CheckConstraint(f"payer IN ({PAYERS})", name="payer"),
        CheckConstraint("weight_grams >= 0 AND fee_fen >= 0 AND days_to_arrive >= 0", name="amounts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # retry-safe
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(40))
    waybill: Mapped[str] = mapped_column(String(60), default="", index=True)
    box_count: Mapped[int] = mapped_column(Integer, default=0)
    weight_grams: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    fee_fen: Mapped[int] = mapped_column(Integer, default=0)
    payer: Mapped[str] = mapped_column(String(16), default="on_delivery", server_default="on_delivery")
    days_to_arrive: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    expected_arrival: Mapped[str] = mapped_column(String(20), default="")  # the shop's date, YYYY-MM-DD
    handed_over_at: Mapped[datetime | None] = mapped_column(DateTime)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    customer_notified_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class ShipmentBox(Base):
    """A box in a shipment: a box leaves once, so it is in one shipment at most."""

    __tablename__ = "shipment_boxes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    box_id: Mapped[int] = mapped_column(ForeignKey("boxes.id"), unique=True)


class CallTask(Base):
    """Call the customer (通知客户): goods shipped, or a shortfall found at the bench. Open until
    someone records that the customer was reached."""

    __tablename__ = "call_tasks"
    __table_args__ = (CheckConstraint("kind IN ('shipped', 'shortfall')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    kind: Mapped[str] = mapped_column(String(10))
    script: Mapped[str] = mapped_column(Text)  # what to say, as the task was made
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    calls: Mapped[list["CallAttempt"]] = relationship(order_by="CallAttempt.id", cascade="all, delete-orphan")


class CallAttempt(Base):
    __tablename__ = "call_attempts"
    __table_args__ = (CheckConstraint("outcome IN ('reached', 'no_answer')", name="outcome"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("call_tasks.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    outcome: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
