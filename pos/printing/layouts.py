"""Layouts: one function per printed document, from plain data to a Document. Written once,
rendered to ESC/POS, PDF and preview alike. Printed text is Chinese: these are the shop's
business documents (the customer, the custodian and the carrier read them). Every table is laid
out for 48 cells (80 mm) and 32 (58 mm), counted as the printer prints them (pos.printing.textlayout)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from pos.domain.money import Money
from pos.domain.slip_numbers import box_code
from pos.printing.data import BoxLabelData, DayEndReport, PrintMeta, Receipt, ReturnSlipData, SalesSlip, SlipLine
from pos.printing.document import (
    Align,
    Barcode,
    Columns,
    Document,
    Feed,
    Image,
    QRCode,
    Rule,
    SignatureLine,
    Text,
)
from pos.printing.layout_parts import (
    COPY_LABELS,
    DAY_END,
    METHOD_LABELS,
    REASON_LABELS,
    REFUND_58,
    REFUND_80,
    RETURN_58,
    RETURN_80,
    SIGNATURE_ROLES,
    SLIP_58,
    SLIP_80,
    amount_row,
    footer,
    freight_row,
    header,
    money,
    table_row,
    when,
    yuan,
)

__all__ = ["COPY_LABELS", "METHOD_LABELS", "REASON_LABELS", "SIGNATURE_ROLES"]


def _line_rows(line: SlipLine, columns: int) -> list[Columns]:
    fully_crossed = line.crossed >= line.quantity
    code = ("×" if fully_crossed else "") + line.item_code
    amount = "×" if fully_crossed else yuan(line.unit_price_fen * line.net_quantity)
    if columns >= 48:
        rows = [
            table_row(
                (code, line.name, yuan(line.unit_price_fen), str(line.quantity), amount),
                SLIP_80,
                ("left", "left", "right", "right", "right"),
                struck=fully_crossed,
            )
        ]
    else:
        first, figures = SLIP_58
        rows = [
            table_row((code, line.name), first, ("left", "left"), struck=fully_crossed),
            table_row(
                (yuan(line.unit_price_fen), "×" + str(line.quantity), amount),
                figures,
                ("right", "right", "right"),
                struck=fully_crossed,
            ),
        ]
    indent = 10 if columns >= 48 else 4
    if line.crossed and not fully_crossed:
        rows.append(Columns(("", f"× 划除 {line.crossed} 件"), (indent, columns - indent)))
    if line.list_price_fen is not None:  # a manager-approved price: the checker and customer see it
        rows.append(Columns(("", f"*改价 原价 {yuan(line.list_price_fen)}"), (indent, columns - indent)))
    return rows


def sales_slip(slip: SalesSlip, meta: PrintMeta) -> Document:
    """销售单, one copy (meta.copy = 1, 2 or 3). Crossed units are marked × and left out of the total.
    A revision (meta.revision) is the customer's copy made anew after a cross-out: it lists only what
    they take, at the net quantities, and says what it replaces."""
    width = meta.columns
    lines = slip.lines
    if meta.revision:
        lines = tuple(replace(ln, quantity=ln.net_quantity, crossed=0) for ln in slip.lines if ln.net_quantity)
    doc = Document(f"{slip.number} {COPY_LABELS.get(meta.copy, '')}".strip(), width)
    header(doc, meta, "销售单")
    doc.add(
        Text(f"单号：{slip.number}", bold=True),
        Barcode(slip.number),
        Text(f"日期：{when(slip.created_at)}  结算员：{slip.cashier}"),
        Text(f"客户：{slip.customer_name}（{slip.customer_number}）", bold=True),
        Text(f"电话：{slip.phone}"),
        Text(f"地址：{slip.address}"),
        Rule(),
    )
    if width >= 48:
        doc.add(
            table_row(
                ("货号", "品名", "单价", "数量", "金额"),
                SLIP_80,
                ("left", "left", "right", "right", "right"),
                bold=True,
            )
        )
    else:
        first, figures = SLIP_58
        doc.add(
            table_row(("货号", "品名"), first, ("left", "left"), bold=True),
            table_row(("单价", "数量", "金额"), figures, ("right", "right", "right"), bold=True),
        )
    doc.add(Rule())
    for line in lines:
        doc.add(*_line_rows(line, width))
    doc.add(Rule())
    total = sum(ln.unit_price_fen * ln.net_quantity for ln in lines)
    count = sum(ln.net_quantity for ln in lines)
    crossed = sum(ln.crossed for ln in slip.lines)
    doc.add(amount_row(f"合计 {count} 件", total, width, bold=True))
    doc.add(Text(f"大写：{Money(total).capitals()}"))
    if crossed and meta.revision:
        doc.add(Text(f"点货时划除 {crossed} 件，不计入合计"))
        if slip.return_slips:
            doc.add(Text(f"见退货单：{'、'.join(slip.return_slips)}"))
        doc.add(Text("本联替代先前打印的第三联", bold=True))
    elif crossed:
        doc.add(Text(f"划除 {crossed} 件（×），不计入合计"))
    if slip.send_by or slip.shipping_fee_fen:
        doc.add(freight_row(slip.send_by, slip.shipping_fee_fen, width))
    doc.add(Feed())
    if slip.customer_absent:
        doc.add(Text("客户不在场：两人点货，第三联装入箱内", bold=True))
        for i in range(2):
            signer = slip.checkers[i] if i < len(slip.checkers) else ""
            doc.add(SignatureLine(f"点货人{i + 1}", signer))
    else:
        doc.add(SignatureLine("点货人", slip.checkers[0] if slip.checkers else ""))
        if not slip.checkers:  # printed before the bench knows whether the customer will be there
            doc.add(SignatureLine("点货人2（客户不在场时）"))
        doc.add(SignatureLine("客户签字"))
    footer(doc, meta)
    return doc


def sales_slip_copies(slip: SalesSlip, meta: PrintMeta) -> list[Document]:
    return [sales_slip(slip, replace(meta, copy=copy)) for copy in (1, 2, 3)]


def receipt(data: Receipt, meta: PrintMeta) -> Document:
    """收款收据. The drawer is not opened from here: it is a job of its own (queue_drawer)."""
    width = meta.columns
    doc = Document(f"{data.number} 收据", width)
    header(doc, meta, "收款收据")
    doc.add(
        Text(f"单号：{data.number}"),
        Text(f"日期：{when(data.at)}  结算员：{data.cashier}"),
        Text(f"客户：{data.customer_name}"),
        Rule(),
        amount_row("应收", data.due_fen, width, bold=True),
        Text(f"大写：{Money(data.due_fen).capitals()}"),
    )
    if data.shipping_fee_fen:
        doc.add(freight_row(data.send_by, data.shipping_fee_fen, width, part="其中"))
    doc.add(Rule())
    for payment in data.payments:
        label = METHOD_LABELS.get(payment.method, payment.method)
        doc.add(amount_row(label, payment.amount_fen, width))
        if payment.method == "cash" and payment.tendered_fen:
            doc.add(Text(f"收您 {money(payment.tendered_fen)}  找您 {money(payment.change_fen)}", bold=True))
    paid = sum(p.amount_fen for p in data.payments)
    doc.add(Rule(), amount_row("实收合计", paid, width, bold=True))
    doc.add(QRCode(data.number), Text("谢谢惠顾，欢迎再次光临", align="center"))
    footer(doc, meta)
    return doc


def return_slip(data: ReturnSlipData, meta: PrintMeta, signature_images: dict[str, bytes] | None = None) -> Document:
    """退货单: lines with reasons, refund in figures and capitals, three signature lines. Unsigned
    lines print blank for ink, and the slip says which signatures are still missing."""
    width = meta.columns
    doc = Document(f"{data.number} 退货单", width)
    header(doc, meta, "退货单")
    doc.add(
        Text(f"退货单号：{data.number}", bold=True),
        Barcode(data.number),
        Text(f"原销售单：{data.order_number}"),
        Text(f"日期：{when(data.created_at)}"),
        Text(f"客户：{data.customer_name}  电话：{data.phone}"),
        Rule(),
    )
    if width >= 48:
        doc.add(
            table_row(
                ("货号", "品名", "数量", "金额", "原因"),
                RETURN_80,
                ("left", "left", "right", "right", "left"),
                bold=True,
            )
        )
    else:
        first, figures = RETURN_58
        doc.add(
            table_row(("货号", "品名"), first, ("left", "left"), bold=True),
            table_row(("原因", "数量", "金额"), figures, ("left", "right", "right"), bold=True),
        )
    doc.add(Rule())
    for line in data.lines:
        reason = REASON_LABELS.get(line.reason, line.reason)
        if line.reason_text:
            reason = f"{reason}：{line.reason_text}"
        amount = yuan(line.unit_price_fen * line.quantity)
        if width >= 48:
            doc.add(
                table_row(
                    (line.item_code, line.name, str(line.quantity), amount, reason),
                    RETURN_80,
                    ("left", "left", "right", "right", "left"),
                )
            )
        else:
            first, figures = RETURN_58
            doc.add(
                table_row((line.item_code, line.name), first, ("left", "left")),
                table_row((reason, str(line.quantity), amount), figures, ("left", "right", "right")),
            )
    total = sum(ln.unit_price_fen * ln.quantity for ln in data.lines)
    doc.add(Rule(), amount_row("退款合计", total, width, bold=True), Text(f"大写：{Money(total).capitals()}"), Feed())
    images = signature_images or {}
    for role, caption in SIGNATURE_ROLES:
        signature = data.signatures.get(role)
        if signature is None:
            doc.add(SignatureLine(caption))
            continue
        how = "（纸质签字）" if signature.method == "paper" else ""
        doc.add(SignatureLine(caption, signature.signer + how, when(signature.signed_at)))
        if role in images:
            doc.add(Image(images[role]))
    missing = [caption for role, caption in SIGNATURE_ROLES if role not in data.signatures]
    if missing:
        doc.add(Text(f"尚缺签字：{'、'.join(missing)}（三方签齐后生效）", bold=True))
    else:
        doc.add(Text("三方已签字，退货单已生效", bold=True))
    footer(doc, meta)
    return doc


def refund_receipt(data: ReturnSlipData, method: str, at: datetime, meta: PrintMeta) -> Document:
    """退款收据: the money a completed return slip hands back, for the customer to keep."""
    width = meta.columns
    doc = Document(f"{data.number} 退款收据", width)
    header(doc, meta, "退款收据")
    doc.add(
        Text(f"退货单号：{data.number}", bold=True),
        Text(f"原销售单：{data.order_number}"),
        Text(f"日期：{when(at)}"),
        Text(f"客户：{data.customer_name}"),
    )
    signers = [
        f"{caption}：{data.signatures[role].signer}"
        for role, caption in SIGNATURE_ROLES
        if role != "customer" and role in data.signatures
    ]
    if signers:
        doc.add(Text("  ".join(signers)))
    doc.add(Rule())
    if width >= 48:
        doc.add(table_row(("货号", "品名", "数量", "金额"), REFUND_80, ("left", "left", "right", "right"), bold=True))
    else:
        first, figures = REFUND_58
        doc.add(
            table_row(("货号", "品名"), first, ("left", "left"), bold=True),
            table_row(("", "数量", "金额"), figures, ("left", "right", "right"), bold=True),
        )
    for line in data.lines:
        amount = yuan(line.unit_price_fen * line.quantity)
        if width >= 48:
            doc.add(
                table_row(
                    (line.item_code, line.name, str(line.quantity), amount),
                    REFUND_80,
                    ("left", "left", "right", "right"),
                )
            )
        else:
            first, figures = REFUND_58
            doc.add(
                table_row((line.item_code, line.name), first, ("left", "left")),
                table_row(("", str(line.quantity), amount), figures, ("left", "right", "right")),
            )
    total = sum(ln.unit_price_fen * ln.quantity for ln in data.lines)
    doc.add(
        Rule(),
        amount_row("退款合计", total, width, bold=True),
        Text(f"大写：{Money(total).capitals()}"),
        amount_row(f"退款方式：{METHOD_LABELS.get(method, method)}", total, width),
    )
    if method == "cash":
        doc.add(Text(f"退您 {money(total)}", bold=True, size=2))
    doc.add(Feed(), SignatureLine("客户签收"))
    footer(doc, meta)
    return doc


def box_label(data: BoxLabelData, meta: PrintMeta) -> Document:
    """Box label on continuous receipt paper: print, tear, tape to the box."""
    width = meta.columns
    doc = Document(f"{data.order_number} 第{data.box_number}箱", width)
    if meta.reprint:
        doc.add(Text(f"*** 重印 REPRINT 第{meta.reprint}次 ***", bold=True, align="center"))
    doc.add(
        Text(data.customer_name, bold=True, size=2, align="center"),
        Text(data.phone, bold=True, size=2, align="center"),
        Text(data.address, bold=True),
        Rule("="),
        # two lines: at double size on 58 mm the count would wrap apart from its label
        Text(
            f"第 {data.box_number} 箱 / 共 {data.box_count} 箱" if data.box_count else f"第 {data.box_number} 箱",
            bold=True,
            size=2,
            align="center",
        ),
        Text(f"件数：{data.item_count}", bold=True, size=2, align="center"),
    )
    if data.send_by:
        doc.add(Text(f"发货：{data.send_by}", bold=True, size=2, align="center"))
    doc.add(
        Text(f"销售单：{data.order_number}", align="center"),
        Barcode(box_code(data.order_number, data.box_number)),
        Text(f"打包：{'、'.join(data.packers)}" if data.packers else "打包："),
    )
    if data.customer_absent:
        doc.add(Text("第三联在箱内（客户不在场）", bold=True), Text(f"封口处客户名：{data.customer_name}"))
    doc.add(SignatureLine("请沿封口签名"))
    footer(doc, meta)
    return doc


def day_end(report: DayEndReport, meta: PrintMeta) -> Document:
    width = meta.columns
    doc = Document(f"日结 {report.day}", width)
    header(doc, meta, "日结报表")
    doc.add(
        Text(f"日期：{report.day}  工位：{report.station}"),
        Text(f"结算员：{report.cashier}"),
        Text(f"销售单数：{report.sales_count}  销售额：{money(report.sales_fen)}"),
        Text(f"退款：{money(report.refunds_fen)}"),
        Rule(),
    )
    figures: tuple[Align, ...] = ("left", "right", "right", "right")
    if width >= 48:
        doc.add(table_row(("方式", "应有", "实点", "差额"), DAY_END, figures, bold=True))
    difference_total = 0
    for row in report.rows:
        difference = row.counted_fen - row.expected_fen
        difference_total += difference
        method = METHOD_LABELS.get(row.method, row.method)
        amounts = (yuan(row.expected_fen), yuan(row.counted_fen), yuan(difference))
        if width >= 48:
            doc.add(table_row((method, *amounts), DAY_END, figures))
        else:  # 58 mm: the method, then one figure a row, so the difference is never lost
            doc.add(Text(method, bold=True))
            for label, amount in zip(("应有", "实点", "差额"), amounts, strict=True):
                doc.add(table_row(("  " + label, amount), (width - 17, 16), ("left", "right")))
    doc.add(Rule(), Text(f"差额合计：{money(difference_total)}", bold=True))
    if report.open_calls:  # the standard: every shipped customer is called; what is left is not forgotten
        doc.add(Rule(), Text(f"未完成的通知客户：{len(report.open_calls)} 个", bold=True))
        doc.add(*(Text(call) for call in report.open_calls))
    if report.audit_hash:  # a paper copy of the audit head: `pos audit verify --anchors` can check it
        doc.add(Text(f"审计链：第 {report.audit_seq} 条"), Text(report.audit_hash))
    doc.add(SignatureLine("结算员"), SignatureLine("复核"))
    footer(doc, meta)
    return doc


def test_page(uri: str, meta: PrintMeta) -> Document:
    width = meta.columns
    doc = Document("打印测试", width)
    header(doc, meta, "打印测试页 TEST PAGE")
    doc.add(
        Text(f"打印机：{uri}"),
        Text(f"时间：{when(datetime.now())}"),
        Rule(),
        Text("中文：点一样，装一样，钩一样。"),
        Text("大写：壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整零"),
        Text("ASCII: 0123456789 ABCDEFGHIJ abcdefghij"),
        Columns(("左", "中间", "右"), (width // 3, width - 2 * (width // 3), width // 3), ("left", "center", "right")),
        Text("加粗 BOLD", bold=True),
        Text("大字 BIG", size=2),
        Barcode("TEST-128"),
        QRCode("Counter & Bench"),
    )
    footer(doc, meta)
    return doc
