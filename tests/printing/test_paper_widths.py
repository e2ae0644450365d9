"""Every document fits 80 mm (48 cells) and 58 mm (32 cells) paper as a Chinese printer prints it
(issue 12, findings 2, 3 and 9): widths are counted from the bytes sent, long names wrap in their
column, amounts never split, crossed lines (×, two cells) fit, and characters the printer's font
lacks go out as a visible mark, never as bytes it would print as garbage."""

import re
from dataclasses import replace
from datetime import datetime

import pytest

from pos.printing import layouts
from pos.printing.data import (
    BoxLabelData,
    DayEndReport,
    DayEndRow,
    PaymentLine,
    PrintMeta,
    Receipt,
    ReturnLineData,
    ReturnSlipData,
    SalesSlip,
    SignatureData,
    SlipLine,
)
from pos.printing.escpos_decode import decode
from pos.printing.escpos_render import EscposOptions, EscposRenderer
from pos.printing.textlayout import cells

LONG = "925银镶锆石蝴蝶结长款毛衣链（限量版）特大号加长款 ±0.5g 45°弯“精品”—①"
RARE = "𠮷💍堃"  # CJK Extension B, an emoji, a GBK-only surname character
BIG = 123_456_789  # fen: ￥1,234,567.89, nine digits
AT = datetime(2026, 11, 27, 14, 3)

SLIP = SalesSlip(
    "S20261127-10000",
    AT,
    "王丽" + RARE,
    "C000001",
    "张三" + RARE + "批发商行有限公司义乌国际商贸城分公司",
    "13800138000",
    "浙江省义乌市国际商贸城二区40号门 " + LONG,
    (
        SlipLine("YJ1000", LONG, BIG, 9999),
        SlipLine("BD2040-LONG-CODE-6971230000006", "紫水晶" + RARE, BIG, 3, 3),  # crossed out whole: ×
        SlipLine("XL5001", "925银锁骨链 45cm", 9900, 9999, 1, list_price_fen=BIG),
    ),
    customer_absent=True,
    checkers=("李强" + RARE, "赵敏"),
)
RETURN = ReturnSlipData(
    "R20261127-10000",
    "S20261127-10000",
    AT,
    "张三" + RARE,
    "13800138000",
    (
        ReturnLineData("YJ1000", LONG, 1, BIG, "unwanted"),
        ReturnLineData("BD2040", "紫水晶" + RARE, 1, 16380, "other", "客户说颜色和图片不一样，要求退货" + RARE),
    ),
    {"handler": SignatureData("王丽" + RARE, AT), "customer": SignatureData("张三批发商行" + RARE, AT, "paper")},
)
DOCUMENTS = {
    "sales slip": lambda meta: layouts.sales_slip_copies(SLIP, meta),
    "receipt": lambda meta: [
        layouts.receipt(
            Receipt(SLIP.number, AT, "王丽", SLIP.customer_name, BIG, (PaymentLine("cash", BIG, BIG + 9999, 9999),)),
            meta,
        )
    ],
    "revised customer's copy": lambda meta: [
        layouts.sales_slip(
            replace(SLIP, return_slips=("R20261127-10000", "R20261127-10001")), replace(meta, copy=3, revision=12)
        )
    ],
    "return slip": lambda meta: [layouts.return_slip(RETURN, meta)],
    "refund receipt": lambda meta: [layouts.refund_receipt(RETURN, "bank", AT, meta)],
    "box label": lambda meta: [
        layouts.box_label(
            BoxLabelData(
                SLIP.number, SLIP.customer_name, SLIP.address, SLIP.phone, 12, 12, 9999, ("李强", "赵敏"), True
            ),
            meta,
        )
    ],
    "day end": lambda meta: [
        layouts.day_end(
            DayEndReport(
                "2026-11-27",
                "结算台1" + RARE,
                "王丽",
                9999,
                BIG,
                BIG,
                tuple(DayEndRow(m, BIG, BIG - 99_999_999) for m in ("cash", "bank", "wechat", "alipay", "account")),
                123456,
                "ab" * 32,
            ),
            meta,
        )
    ],
    "test page": lambda meta: [layouts.test_page("tcp://192.168.100.200:9100?encoding=gb18030&paper=58", meta)],
}


def _font_lacks(ch: str, encoding: str) -> bool:
    try:
        ch.encode("gb2312" if encoding == "gb2312" else "gbk")
    except UnicodeEncodeError:
        return True
    return False


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312"])
@pytest.mark.parametrize("columns", [48, 32])
@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_no_printed_line_is_wider_than_the_paper(kind, columns, encoding, monkeypatch):
    monkeypatch.setattr("pos.printing.escpos_render.find_cjk_font", lambda preferred="": "")
    documents = DOCUMENTS[kind](PrintMeta("ab12cd34", columns=columns, copy=1, reprint=12))
    options = EscposOptions(encoding=encoding, dots_per_line=576 if columns == 48 else 384)
    printed = decode(EscposRenderer(options).render_all(documents), encoding)
    too_wide = [(n, line) for n, line in zip(printed.line_cells, printed.lines, strict=True) if n > columns]
    assert too_wide == []
    lacking = {ch for ch in printed.text if _font_lacks(ch, encoding)}
    assert lacking == set()  # no bytes for a glyph the printer does not have
    if kind in ("sales slip", "receipt", "return slip", "day end"):
        assert re.search(r"1,?234,?567\.89", printed.text)  # nine digits on one line, never split over two
    if kind != "test page":
        assert "〓" in printed.text  # the rare characters are marked, not dropped


def test_ambiguous_width_characters_take_two_cells_as_on_a_chinese_printer():
    for ch in "×±°“”—·①￥：":
        assert cells(ch) == len(ch.encode("gbk")) == 2, ch
    assert cells("YJ1000 x3") == 9
    assert cells("𠮷") == 2  # printed as a two-cell mark


def test_a_fully_crossed_row_fits_80_mm():
    """The finding: a fully crossed row on 80 mm was 50 cells and wrapped."""
    line = SlipLine("BD2040", "紫水晶水滴吊坠", 12800, 2, 2)
    slip = SalesSlip("S1", AT, "王丽", "C1", "张三", "1", "义乌", (line,))
    printed = decode(EscposRenderer().render(layouts.sales_slip(slip, PrintMeta("x", copy=3))))
    [row] = [(n, text) for n, text in zip(printed.line_cells, printed.lines, strict=True) if "×BD2040" in text]
    assert row[0] <= 48 and row[1].rstrip().endswith("×")


def test_a_return_slip_keeps_a_gap_between_amount_and_reason(monkeypatch):
    # read as text: with a CJK font on the machine the rows with rare characters would print as bitmaps
    monkeypatch.setattr("pos.printing.escpos_render.find_cjk_font", lambda preferred="": "")
    printed = decode(EscposRenderer().render(layouts.return_slip(RETURN, PrintMeta("x"))))
    assert not any("16380" in line or "163.80客户" in line for line in printed.lines)
    assert any("163.80 其他" in line for line in printed.lines)
