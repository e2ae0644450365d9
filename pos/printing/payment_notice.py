"""The payment notice (付款通知) for a remote customer: this order's goods, the balance from before,
the freight we collect, the total to transfer and the accounts to transfer to."""

from __future__ import annotations

from pos.domain.remote import PaymentNotice
from pos.domain.times import local
from pos.printing.data import PrintMeta
from pos.printing.document import Barcode, Document, Rule, Text
from pos.printing.layout_parts import footer, header, money, table_row, when


def payment_notice(notice: PaymentNotice, meta: PrintMeta) -> Document:
    width = meta.columns
    doc = Document(f"付款通知 {notice.order_number}", width)
    header(doc, meta, "付款通知")
    doc.add(
        Text(f"销售单：{notice.order_number}"),
        Barcode(notice.order_number),
        Text(f"客户：{notice.customer_name}"),
        Text(f"时间：{when(local(notice.made_at))}"),
        Rule(),
    )
    name_width = width - 10 - 5 - 11 - 3
    for line in notice.lines:
        doc.add(
            table_row(
                (line.code, line.name, str(line.quantity), money(line.amount_fen)),
                (10, name_width, 5, 11),
                ("left", "left", "right", "right"),
            )
        )
    doc.add(Rule(), Text(f"货款：{money(notice.goods_fen)}"))
    if notice.previous_balance_fen > 0:
        doc.add(Text(f"上次欠款：{money(notice.previous_balance_fen)}"))
    elif notice.previous_balance_fen < 0:
        doc.add(Text(f"上次余款抵扣：{money(notice.previous_balance_fen)}"))
    if notice.freight_fen:
        doc.add(Text(f"{notice.freight_label}：{money(notice.freight_fen)}"))
    doc.add(Text(f"合计应转账：{money(notice.total_fen)}", bold=True, size=2), Rule())
    doc.add(Text("收款账户：", bold=True))
    for account in notice.accounts:  # a line of its own: an account number is not broken by the wrap
        doc.add(Text(account))
    doc.add(Text(notice.closing))
    footer(doc, meta)
    return doc
