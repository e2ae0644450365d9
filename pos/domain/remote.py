"""Remote orders (standard chapters 8, 9): the customer orders by phone, video call or the website,
pays by transfer after a payment notice, and is packed for only once the money is in, the same day
or at the latest the next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from pos.domain.errors import InvalidInput
from pos.domain.money import Money
from pos.domain.shipping import PICKUP
from pos.domain.times import day_start, local, local_text


class Source(StrEnum):
    COUNTER = "counter"  # the customer at the counter
    PHONE = "phone"
    VIDEO = "video"  # a video call at an appointed time, products shown on camera
    WEBSITE = "website"


REMOTE = frozenset({Source.PHONE, Source.VIDEO, Source.WEBSITE})
TRANSFER_METHODS = ("bank", "wechat", "alipay")
MAX_WANTED = 400
MAX_REFERENCE = 60


def is_remote(source: str) -> bool:
    return Source(source) in REMOTE


def bank_accounts(setting: str) -> tuple[str, ...]:
    """The accounts in the settings, one per ';' (a settings line holds several)."""
    return tuple(part.strip() for part in setting.replace("\n", ";").split(";") if part.strip())


@dataclass(frozen=True, slots=True)
class NoticeLine:
    code: str
    name: str
    quantity: int
    amount_fen: int


@dataclass(frozen=True, slots=True)
class PaymentNotice:
    """付款通知: what the customer transfers for this order and to where."""

    order_number: str
    customer_name: str
    lines: tuple[NoticeLine, ...]
    previous_balance_fen: int  # positive: owed from before; negative: credit
    freight_fen: int  # freight we collect; 0 when it is paid on delivery or by the shop
    send_by: str
    accounts: tuple[str, ...]
    made_at: datetime  # stored (naive UTC)

    @property
    def goods_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def total_fen(self) -> int:
        return self.goods_fen + self.previous_balance_fen + self.freight_fen

    @property
    def freight_label(self) -> str:
        return f"运费（{self.send_by}）" if self.send_by and self.send_by != PICKUP else "运费"

    @property
    def closing(self) -> str:
        return "转账后请告知，款到当天备货，可来店自提。" if self.send_by == PICKUP else "转账后请告知，款到当天发货。"

    def text(self) -> str:
        """The notice as text to paste into a chat or message (in the shop's language: it goes to
        the customer as printed slips do)."""
        rows = [
            f"{self.customer_name}您好，订单 {self.order_number} 付款通知（{local_text(self.made_at, '%Y-%m-%d %H:%M')}）"
        ]
        rows += [f"{ln.code} {ln.name} ×{ln.quantity}  {Money(ln.amount_fen).format('￥')}" for ln in self.lines]
        rows.append(f"货款：{Money(self.goods_fen).format('￥')}")
        if self.previous_balance_fen > 0:
            rows.append(f"上次欠款：{Money(self.previous_balance_fen).format('￥')}")
        elif self.previous_balance_fen < 0:
            rows.append(f"上次余款抵扣：{Money(self.previous_balance_fen).format('￥')}")
        if self.freight_fen:
            rows.append(f"{self.freight_label}：{Money(self.freight_fen).format('￥')}")
        rows.append(f"合计应转账：{Money(self.total_fen).format('￥')}")
        rows += [f"收款账户：{account}" for account in self.accounts]
        rows.append(self.closing)
        return "\n".join(rows)


def check_transfer(method: str, reference: str, amount: Money) -> None:
    """A transfer as the cashier records it: a transfer method, a reference to find it by, an
    amount above zero."""
    if method not in TRANSFER_METHODS:
        raise InvalidInput("A transfer comes by bank, WeChat or Alipay.")
    if not reference.strip():
        raise InvalidInput("Give the transfer's reference number, so it can be found again.")
    if len(reference.strip()) > MAX_REFERENCE:
        raise InvalidInput(
            "The reference is {length} characters long; at most {maximum}.",
            length=len(reference),
            maximum=MAX_REFERENCE,
        )
    if amount.fen <= 0:
        raise InvalidInput("The amount transferred must be more than zero.")


def balance_after(due: Money, transferred: Money) -> Money:
    """The customer's balance once the transfer is taken for what was due (the previous balance is
    part of it): positive, still owed; negative, credit for next time."""
    return due - transferred


def late(paid_at: datetime, now: datetime) -> bool:
    """Not packed by the end of the day after the money came in (the standard: packed the same
    day, at the latest the next)."""
    paid_day: date = local(paid_at).date()
    return now >= day_start(paid_day + timedelta(days=2))


REASON_WORDS = {"unwanted": "不要了", "defective": "有瑕疵无货可换", "wrong_item": "货不对", "other": "其他"}


def shortfall_script(customer: str, number: str, differences: list[tuple[str, str, int, str, int]]) -> str:
    """What to tell the customer before the boxes are sealed: each item short (code, name, count,
    reason, amount) and the money that comes off."""
    items = "；".join(f"{code} {name} 少 {count} 件（{why}）" for code, name, count, why, _ in differences)
    off = Money(sum(amount for *_, amount in differences)).format("￥")
    return f"{customer}您好，订单 {number} 配货时发现：{items}。共少 {off}，您看是换货、退款还是留作余款？"
