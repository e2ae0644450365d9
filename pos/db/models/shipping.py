from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

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
