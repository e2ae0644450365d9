"""What a scan at the counter answers: the line it made or raised and the slip's totals after it."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class LineInfo:
    position: int
    item_code: str
    name: str
    unit_price_fen: int
    quantity: int

    @property
    def amount(self) -> Money:
        return Money(self.unit_price_fen) * self.quantity


@dataclass(frozen=True, slots=True)
class ScanResult:
    line: LineInfo
    total_fen: int  # the order's total after this scan (crossed units left out)
    item_count: int
    new_line: bool
    after_sales_note: str = ""  # 产地、材质、保养: for the cashier to remind the customer (standard 3.7)
    order_number: str = ""  # the slip the line is on (the first scan of a slip opens it)
