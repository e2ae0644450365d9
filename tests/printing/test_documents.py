"""Layouts rendered to ESC/POS and decoded back: what the paper says."""

import re
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from pos.printing.text_render import render_lines
from pos.printing.textlayout import cells, pad, truncate, wrap

SLIP = SalesSlip(
    "S20261127-0007",
    datetime(2026, 11, 27, 14, 3),
    "王丽",
    "C000001",
    "张三",
    "13800138000",
    "浙江省义乌市国际商贸城二区40号",
    (
        SlipLine("YJ1000", "925银素圈戒指 小号", 3500, 3),
        SlipLine("BD2040", "紫水晶水滴吊坠", 12800, 2, 1),
        SlipLine("XL5001", "925银锁骨链 45cm", 9900, 1, 1),
    ),
)


def _print(documents, encoding="gb18030"):
    return decode(EscposRenderer(EscposOptions(encoding=encoding)).render_all(documents), encoding)


def test_three_copies_with_their_labels_chinese_text_and_totals():
    out = _print(layouts.sales_slip_copies(SLIP, PrintMeta("ab12cd34")))
    assert out.chinese_mode is False  # left again at the end of the job
    text = out.text
    for label in ("第一联 存根", "第二联 保管", "第三联 客户"):
        assert text.count(label) == 1
    assert text.count("单号：S20261127-0007") == 3
    assert out.barcodes == ["S20261127-0007"] * 3
    assert out.cuts == 3
    assert text.count("客户：张三（C000001）") == 3
    # 3 x 35.00 + 1 x 128.00 (one crossed) ; the necklace fully crossed
    assert text.count("合计 4 件") == 3 and text.count("￥233.00") == 3
    assert text.count("大写：贰佰叁拾叁元整") == 3
    assert text.count("×XL5001") == 3 and text.count("× 划除 1 件") == 3
    assert text.count("作业 ab12cd34") == 3
    assert "点货人：" in text and "客户签字：" in text
    # printed for checking, before the bench knows: a line for a second packer if the customer is absent
    assert not SLIP.checkers and text.count("点货人2（客户不在场时）：") == 3


def test_a_slip_checked_with_the_customer_present_has_no_second_packer_line():
    from dataclasses import replace

    text = _print([layouts.sales_slip(replace(SLIP, checkers=("李强",)), PrintMeta("x", copy=1))]).text
    assert "点货人：李强" in text and "点货人2" not in text


def test_customer_absent_slip_has_two_checkers_and_says_copy_3_goes_in_the_box():
    from dataclasses import replace

    slip = replace(SLIP, customer_absent=True, checkers=("李强", "赵敏"))
    text = _print([layouts.sales_slip(slip, PrintMeta("x", copy=3))]).text
    assert "第三联装入箱内" in text
    assert "点货人1：李强" in text and "点货人2：赵敏" in text


def test_reprint_is_marked():
    text = _print([layouts.sales_slip(SLIP, PrintMeta("x", copy=1, reprint=2))]).text
    assert "重印 REPRINT 第2次" in text


@pytest.mark.parametrize("columns", [48, 32])
def test_no_printed_line_is_wider_than_the_paper(columns):
    docs = layouts.sales_slip_copies(SLIP, PrintMeta("x", columns=columns))
    for doc in docs:
        for line in render_lines(doc):
            assert cells(line) <= columns, line


def test_receipt_calls_out_tendered_and_change():
    receipt = Receipt(
        "S20261127-0007",
        datetime(2026, 11, 27, 15, 0),
        "王丽",
        "张三",
        23300,
        (PaymentLine("cash", 23300, 25000, 1700),),
    )
    out = _print([layouts.receipt(receipt, PrintMeta("r1"))])
    assert "收您 ￥250.00  找您 ￥17.00" in out.text
    assert "应收" in out.text and "￥233.00" in out.text
    assert out.qrcodes == ["S20261127-0007"]
    assert out.drawer_pulses == 0  # the drawer is a job of its own, never inside the receipt


def test_return_slip_shows_signers_and_what_is_missing():
    data = ReturnSlipData(
        "R20261127-0002",
        "S20261127-0007",
        datetime(2026, 11, 27, 15, 0),
        "张三",
        "13800138000",
        (ReturnLineData("BD2040", "紫水晶水滴吊坠", 1, 12800, "defective"),),
        {"handler": SignatureData("李强", datetime(2026, 11, 27, 15, 5))},
    )
    text = _print([layouts.return_slip(data, PrintMeta("r2"))]).text
    assert "退货单号：R20261127-0002" in text and "原销售单：S20261127-0007" in text
    assert "质量问题" in text and "壹佰贰拾捌元整" in text
    assert "经手人：李强  2026-11-27 15:05" in text
    assert "客户：____" in text and "部门经理：____" in text
    assert "尚缺签字：客户、部门经理" in text


def test_box_label():
    label = BoxLabelData(
        "S20261127-0007", "张三", "浙江省义乌市国际商贸城二区40号", "13800138000", 2, 3, 5, ("李强", "赵敏"), True
    )
    out = _print([layouts.box_label(label, PrintMeta("b1"))])
    assert "张三" in out.text and "13800138000" in out.text
    assert "第 2 箱 / 共 3 箱" in out.text and "件数：5" in out.text
    assert "第三联在箱内" in out.text and "打包：李强、赵敏" in out.text
    assert out.barcodes == ["S20261127-0007-B2"]  # the box, scanned into a shipment


def test_day_end_report_shows_differences():
    report = DayEndReport(
        "2026-11-27",
        "结算台1",
        "王丽",
        12,
        1234500,
        12800,
        (DayEndRow("cash", 500000, 499000), DayEndRow("wechat", 300000, 300000)),
    )
    text = _print([layouts.day_end(report, PrintMeta("d1"))]).text
    assert "-10.00" in text and "差额合计：-￥10.00" in text


def test_large_chinese_uses_gs_exclamation_which_sizes_cjk():
    data = EscposRenderer().render(
        layouts.box_label(BoxLabelData("S1", "张三", "义乌", "138", 1, 1, 1), PrintMeta("b"))
    )
    assert b"\x1d!\x11" in data and b"\x1b!\x30" not in data


def test_yen_sign_becomes_full_width_and_encodes_in_gbk():
    data = EscposRenderer(EscposOptions(encoding="gbk")).encode("¥120.00")
    assert data == "￥120.00".encode("gbk") == b"\xa3\xa4120.00"


def test_character_outside_the_printer_charset_never_silently_vanishes(monkeypatch):
    renderer = EscposRenderer(EscposOptions(encoding="gb2312"))
    monkeypatch.setattr("pos.printing.escpos_render.find_cjk_font", lambda preferred="": "")
    assert renderer.encode("王堃") == "王〓".encode("gb2312")  # a visible mark, two cells like the character
    import reportlab
    from reportlab import rl_config  # noqa: F401 - reportlab ships a TrueType font usable here

    vera = f"{reportlab.__path__[0]}/fonts/Vera.ttf"
    monkeypatch.setattr("pos.printing.escpos_render.find_cjk_font", lambda preferred="": vera)
    data = renderer.encode("王堃")
    assert decode(data + b"\n", "gb2312").images == 1  # printed as a bitmap line instead


def test_pdf_has_one_page_per_document_and_the_embedded_font():
    from pos.printing.pdf_render import PdfRenderer

    pdf = PdfRenderer().render(layouts.sales_slip_copies(SLIP, PrintMeta("x")))
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page(?!s)", pdf)) == 3
    assert b"WenQuanYiMicroHeiMono" in pdf and b"/FontFile2" in pdf


@given(st.text(alphabet=st.sampled_from("ab 银戒指紫水晶12"), max_size=60), st.integers(4, 48))
def test_wrap_never_exceeds_the_width_and_keeps_every_character(text, width):
    lines = wrap(text, width)
    assert all(cells(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_pad_and_truncate_count_cjk_as_two_cells():
    assert cells("银戒指") == 6
    assert truncate("银戒指", 5) == "银戒"
    assert pad("银", 4, "right") == "  银"
