"""What the layouts print: plain data gathered by services from the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class PrintMeta:
    """How this particular print is marked: copy, reprint count, the job reference printed on it
    (so a duplicate can be spotted), and the paper."""

    job_ref: str
    columns: int = 48
    copy: int = 0  # 1..3 for slips
    reprint: int = 0  # 0 original, n: nth reprint
    revision: int = 0  # a customer's copy made anew after a cross-out: its number, else 0
    shop_name: str = "饰品批发展厅"


@dataclass(frozen=True, slots=True)
class SlipLine:
    item_code: str
    name: str
    unit_price_fen: int
    quantity: int
    crossed: int = 0
    list_price_fen: int | None = None  # the price before a manager changed it (改价), else None

    @property
    def net_quantity(self) -> int:
        return self.quantity - self.crossed


@dataclass(frozen=True, slots=True)
class SalesSlip:  # 销售单
    number: str
    created_at: datetime
    cashier: str
    customer_number: str
    customer_name: str
    phone: str
    address: str
    lines: tuple[SlipLine, ...]
    customer_absent: bool = False
    checkers: tuple[str, ...] = ()
    return_slips: tuple[str, ...] = ()  # where the crossed-out units went
    send_by: str = ""  # as printed: 自提 or the carrier; "" not asked yet
    shipping_fee_fen: int = 0  # freight the shop collects with this order (once settled)


@dataclass(frozen=True, slots=True)
class PaymentLine:
    method: str  # cash, bank, wechat, alipay, account
    amount_fen: int
    tendered_fen: int = 0
    change_fen: int = 0


@dataclass(frozen=True, slots=True)
class Receipt:
    number: str
    at: datetime
    cashier: str
    customer_name: str
    due_fen: int
    payments: tuple[PaymentLine, ...]
    shipping_fee_fen: int = 0  # part of what was due: the freight we collect
    send_by: str = ""


@dataclass(frozen=True, slots=True)
class ReturnLineData:
    item_code: str
    name: str
    quantity: int
    unit_price_fen: int
    reason: str  # unwanted, defective, wrong_item, other
    reason_text: str = ""


@dataclass(frozen=True, slots=True)
class SignatureData:
    signer: str
    signed_at: datetime
    method: str = "pin"  # pin, pad, paper


@dataclass(frozen=True, slots=True)
class ReturnSlipData:  # 退货单
    number: str
    order_number: str
    created_at: datetime
    customer_name: str
    phone: str
    lines: tuple[ReturnLineData, ...]
    signatures: dict[str, SignatureData] = field(default_factory=dict)  # handler/customer/manager


@dataclass(frozen=True, slots=True)
class BoxLabelData:
    order_number: str
    customer_name: str
    address: str
    phone: str
    box_number: int
    box_count: int
    item_count: int
    packers: tuple[str, ...] = ()
    customer_absent: bool = False
    send_by: str = ""  # the carrier's name, or 自提 when the customer takes the boxes


@dataclass(frozen=True, slots=True)
class DayEndRow:
    method: str
    expected_fen: int
    counted_fen: int


@dataclass(frozen=True, slots=True)
class DayEndReport:  # 日结
    day: str
    station: str
    cashier: str
    sales_count: int
    sales_fen: int
    refunds_fen: int
    rows: tuple[DayEndRow, ...]
    audit_seq: int = 0  # the audit chain's head when the count was made
    audit_hash: str = ""
    open_calls: tuple[str, ...] = ()  # customers still to call as the count was made: order, name, phone
