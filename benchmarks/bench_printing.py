"""Rendering a three-copy sales slip of 200 lines: ESC/POS (target < 50 ms) and PDF (< 300 ms).

Baseline: building the same three documents and laying them out as plain text, the cheapest
back-end, measured in the same run."""

from __future__ import annotations

import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pos.printing import layouts  # noqa: E402
from pos.printing.data import PrintMeta, SalesSlip, SlipLine  # noqa: E402
from pos.printing.escpos_render import EscposRenderer  # noqa: E402
from pos.printing.pdf_render import PdfRenderer  # noqa: E402
from pos.printing.text_render import render_text  # noqa: E402

NAMES = ("925银素圈戒指 小号", "紫水晶水滴吊坠", "925银锁骨链 45cm", "天然月光石手串", "生肖龙转运珠 金色")


def slip(lines: int = 200) -> SalesSlip:
    return SalesSlip(
        "S20261127-0007",
        datetime(2026, 11, 27, 14, 3),
        "王丽",
        "C000001",
        "张三",
        "13800138000",
        "浙江省义乌市国际商贸城二区40号",
        tuple(
            SlipLine(f"YJ{1000 + i}", NAMES[i % len(NAMES)], 3500 + i * 10, 1 + i % 4, 1 if i % 17 == 0 else 0)
            for i in range(lines)
        ),
    )


def median_ms(work, repeat: int = 25) -> float:
    work()  # warm caches (fonts, code pages)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    data = slip()
    meta = PrintMeta("bench")
    escpos, pdf = EscposRenderer(), PdfRenderer()
    baseline = median_ms(lambda: [render_text(d) for d in layouts.sales_slip_copies(data, meta)])
    escpos_ms = median_ms(lambda: escpos.render_all(layouts.sales_slip_copies(data, meta)))
    pdf_ms = median_ms(lambda: pdf.render(layouts.sales_slip_copies(data, meta)), repeat=10)
    print("three-copy sales slip, 200 lines (median of runs)")
    print(f"  baseline (layout + plain text) {baseline:8.1f} ms")
    print(
        f"  ESC/POS bytes                  {escpos_ms:8.1f} ms  = {escpos_ms / baseline:5.2f} x baseline  (target < 50 ms)"
    )
    print(
        f"  PDF                            {pdf_ms:8.1f} ms  = {pdf_ms / baseline:5.2f} x baseline  (target < 300 ms)"
    )


if __name__ == "__main__":
    main()
