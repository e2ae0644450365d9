from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from pos.db.models.base import Base, searched, utcnow


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("customer_type IN ('wholesale', 'franchise')", name="customer_type"),
        CheckConstraint("return_ratio_permille >= 0 AND return_ratio_permille <= 1000", name="return_ratio"),
        CheckConstraint("contract_end >= contract_start", name="contract_period"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(searched(20), unique=True)  # 客户编号
    name: Mapped[str] = mapped_column(searched(100), index=True)
    name_pinyin: Mapped[str] = mapped_column(searched(400), default="", index=True)  # "zhangsan"
    name_initials: Mapped[str] = mapped_column(searched(100), default="", index=True)  # "zs"
    phone: Mapped[str] = mapped_column(searched(30), index=True)
    # the phone backwards, so "last digits" is an indexed prefix search instead of a table scan
    phone_reversed: Mapped[str] = mapped_column(searched(30), default="", server_default="", index=True)
    address: Mapped[str] = mapped_column(String(300))
    customer_type: Mapped[str] = mapped_column(String(12), default="wholesale")  # 批发 / 加盟
    # franchise contract (加盟合同): returns allowed up to this share (‰) of the net goods bought
    # between its first and last day (shop dates); no dates = no contract on file
    return_ratio_permille: Mapped[int] = mapped_column(Integer, default=0)
    contract_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    contract_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    balance_fen: Mapped[int] = mapped_column(Integer, default=0)  # positive: customer owes
    birthday: Mapped[str] = mapped_column(String(10), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    send_by: Mapped[str] = mapped_column(String(40), default="", server_default="")  # the way last chosen
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    @validates("phone")
    def _keep_phone_reversed(self, _key: str, phone: str) -> str:
        self.phone_reversed = (phone or "")[::-1]
        return phone


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login_code: Mapped[str] = mapped_column(String(20), unique=True)  # 工号
    name: Mapped[str] = mapped_column(String(100))
    roles: Mapped[str] = mapped_column(String(100))  # "cashier,manager"
    pin_hash: Mapped[str] = mapped_column(String(200))  # argon2id; never the PIN itself
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
