"""What every printed document shares: labels, money and time as printed, table rows with gaps,
headers and footers, and the column widths per paper (48 cells on 80 mm, 32 on 58 mm)."""

from __future__ import annotations

from datetime import datetime

from pos.domain.money import Money
from pos.domain.shipping import send_by_label
from pos.printing.data import PrintMeta
from pos.printing.document import Align, Columns, Cut, Document, Feed, Text

COPY_LABELS = {1: "第一联 存根", 2: "第二联 保管", 3: "第三联 客户"}
METHOD_LABELS = {"cash": "现金", "bank": "银行转账", "wechat": "微信支付", "alipay": "支付宝", "account": "挂账"}
REASON_LABELS = {"unwanted": "客户不要", "defective": "质量问题", "wrong_item": "错货", "other": "其他"}
SIGNATURE_ROLES = (("handler", "经手人"), ("customer", "客户"), ("manager", "部门经理"))


def yuan(fen: int) -> str:
    return Money(fen).plain()


def money(fen: int) -> str:
    return Money(fen).format("￥")  # full-width yen: two bytes in GBK/GB18030 alike


def when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def table_row(
    cells: tuple[str, ...],
    widths: tuple[int, ...],
    aligns: tuple[Align, ...],
    *,
    bold: bool = False,
    struck: bool = False,
) -> Columns:
    """A table row with one blank cell between columns, so a full name never runs into the price
    and an amount never into the reason beside it. `widths` plus the gaps make the paper width."""
    spaced_cells: list[str] = []
    spaced_widths: list[int] = []
    spaced_aligns: list[Align] = []
    for index, (cell, width, align) in enumerate(zip(cells, widths, aligns, strict=True)):
        if index:
            spaced_cells.append("")
            spaced_widths.append(1)
            spaced_aligns.append("left")
        spaced_cells.append(cell)
        spaced_widths.append(width)
        spaced_aligns.append(align)
    return Columns(tuple(spaced_cells), tuple(spaced_widths), tuple(spaced_aligns), bold=bold, struck=struck)


def amount_row(label: str, fen: int, width: int, *, bold: bool = False) -> Columns:
    """A label on the left, an amount on the right: totals, payments. The amount's column holds
    ￥ and thirteen digits, the label wraps in what is left."""
    figures = 16 if width < 48 else 20
    return table_row((label, money(fen)), (width - figures - 1, figures), ("left", "right"), bold=bold)


# Table columns per paper width (cells, gaps excluded): 48 on 80 mm paper, 32 on 58 mm. On 58 mm a
# line takes two rows: code and name, then the figures.
Widths = tuple[int, ...]
SLIP_80: Widths = (9, 12, 9, 4, 10)  # code, name, price, quantity, amount
SLIP_58: tuple[Widths, Widths] = ((10, 21), (11, 6, 13))
RETURN_80: Widths = (9, 12, 4, 10, 9)  # code, name, quantity, amount, reason
RETURN_58: tuple[Widths, Widths] = ((10, 21), (13, 5, 12))
REFUND_80: Widths = (9, 22, 4, 10)
REFUND_58: tuple[Widths, Widths] = ((10, 21), (12, 6, 12))
DAY_END: Widths = (8, 12, 12, 13)  # 48 only; 58 mm prints one figure per row


def header(doc: Document, meta: PrintMeta, title: str) -> None:
    doc.add(Text(meta.shop_name, bold=True, size=2, align="center"), Text(title, bold=True, align="center"))
    if meta.copy:
        doc.add(Text(COPY_LABELS[meta.copy], bold=True, align="center"))
    if meta.revision:
        doc.add(Text(f"*** 修订 REVISED 第{meta.revision}版 ***", bold=True, align="center"))
    if meta.reprint:
        doc.add(Text(f"*** 重印 REPRINT 第{meta.reprint}次 ***", bold=True, align="center"))


def footer(doc: Document, meta: PrintMeta) -> None:
    doc.add(Text(f"作业 {meta.job_ref}", align="right"), Feed(2), Cut())


def freight_row(send_by: str, fee_fen: int, width: int, part: str = "") -> Text | Columns:
    """发货：顺丰 with the freight we collect (其中运费 on the receipt: it is inside the amount due)."""
    way = send_by_label(send_by) if send_by else ""
    if not fee_fen:
        return Text(f"发货：{way}")
    return amount_row(f"{part}运费" + (f"（{way}）" if way else ""), fee_fen, width)
