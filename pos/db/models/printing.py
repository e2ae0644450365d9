from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, utcnow


class PrintJob(Base):
    """A job is stored, bytes and all, before anything is sent to a printer."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'sending', 'done', 'sent', 'failed', 'cancelled')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command_id: Mapped[str] = mapped_column(String(64), unique=True)
    job_ref: Mapped[str] = mapped_column(String(16), default="")  # printed on the paper
    station: Mapped[str] = mapped_column(String(60), default="", index=True)  # whose spooler sends it
    kind: Mapped[str] = mapped_column(String(20))  # sales-slip, receipt, return-slip, box-label, report, test
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    return_slip_id: Mapped[int | None] = mapped_column(ForeignKey("return_slips.id"))
    copy: Mapped[int] = mapped_column(Integer, default=0)  # 1..3 for slips, 0 otherwise
    box_number: Mapped[int] = mapped_column(Integer, default=0)  # for box labels
    reprint: Mapped[int] = mapped_column(Integer, default=0)  # 0: original; n: nth reprint
    printer_uri: Mapped[str] = mapped_column(String(200))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    archive_path: Mapped[str] = mapped_column(String(400), default="")
