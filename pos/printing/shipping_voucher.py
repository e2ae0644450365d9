"""The shipping voucher (发货凭证) kept on file: when, to whom, which boxes holding what, by which
carrier under which waybill, and who pays the freight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.printing.data import PrintMeta
from pos.printing.document import Barcode, Document, Rule, SignatureLine, Text
from pos.printing.layout_parts import footer, header, money, table_row, when

PAYER_LABELS = {"on_delivery": "到付（收货人付）", "customer_to_us": "寄付（客户付本店）", "shop": "本店付（包邮）"}


@dataclass(frozen=True, slots=True)
class VoucherBox:
    number: int
    items: tuple[tuple[str, str, int], ...]  # code, name, quantity


@dataclass(frozen=True, slots=True)
class ShippingVoucherData:
    order_number: str
    customer_name: str
    phone: str
    address: str
    carrier: str
    waybill: str
    handed_over_at: datetime
    expected_arrival: str
    weight_grams: int
    fee_fen: int
    payer: str
    boxes: tuple[VoucherBox, ...]
    order_boxes: int  # all the order's boxes, to show a shipment that holds only some
    recorded_by: str


def _kg(grams: int) -> str:
    whole, part = divmod(grams, 1000)
    return f"{whole}.{part:03d}".rstrip("0").rstrip(".") + " kg"


def shipping_voucher(data: ShippingVoucherData, meta: PrintMeta) -> Document:
    width = meta.columns
    doc = Document(f"发货凭证 {data.waybill}", width)
    header(doc, meta, "发货凭证")
    count = len(data.boxes)
    doc.add(
        Text(f"发货时间：{when(data.handed_over_at)}"),
        Text(f"销售单：{data.order_number}"),
        Text(f"客户：{data.customer_name}  {data.phone}"),
        Text(f"地址：{data.address}"),
        Rule(),
        Text(f"承运：{data.carrier}", bold=True),
        Text(f"货单号：{data.waybill}", bold=True),
        Barcode(data.waybill),
        Text(f"箱数：{count}" + (f"（本单共 {data.order_boxes} 箱）" if data.order_boxes != count else ""), bold=True),
        Text(f"重量：{_kg(data.weight_grams)}" if data.weight_grams else "重量：未称"),
        Text(f"运费：{money(data.fee_fen)}  {PAYER_LABELS.get(data.payer, data.payer)}"),
        Text(f"预计到达：{data.expected_arrival}"),
        Rule(),
    )
    name_width = width - 10 - 5 - 2
    for box in data.boxes:
        doc.add(Text(f"第 {box.number} 箱", bold=True))
        for code, name, quantity in box.items:
            doc.add(table_row((code, name, str(quantity)), (10, name_width, 5), ("left", "left", "right")))
    doc.add(Rule(), Text(f"经手：{data.recorded_by}"), SignatureLine("承运人签收"))
    footer(doc, meta)
    return doc
