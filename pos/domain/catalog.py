"""Catalog rows as they come from a spreadsheet, validated before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.codes import parse_code
from pos.domain.errors import InvalidInput, PosError
from pos.domain.money import Money

# Column names accepted in a header row, English or Chinese, mapped to the field they fill.
COLUMNS = {
    "item_code": ("item_code", "code", "货号", "编码"),
    "name": ("name", "品名", "名称"),
    "category": ("category", "类别", "分类"),
    "wholesale_price": ("wholesale_price", "批发价"),
    "franchise_price": ("franchise_price", "加盟价"),
    "barcodes": ("barcodes", "barcode", "条码"),
    "after_sales_note": ("after_sales_note", "售后说明", "售后"),
    "active": ("active", "启用"),
}
REQUIRED = ("item_code", "name", "wholesale_price", "franchise_price")
_TRUE = {"", "1", "true", "yes", "y", "是", "启用"}
_FALSE = {"0", "false", "no", "n", "否", "停用"}


@dataclass(frozen=True, slots=True)
class CatalogRow:
    item_code: str
    name: str
    category: str
    wholesale_price: Money
    franchise_price: Money
    barcodes: tuple[str, ...]
    after_sales_note: str
    active: bool


def map_header(header: list[str]) -> dict[str, int]:
    """Column index for each known field; refuses a header that lacks a required column."""
    lookup = {alias.lower(): field for field, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        field = lookup.get(str(title or "").strip().lower())
        if field and field not in found:
            found[field] = index
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        raise InvalidInput("The header row lacks the column(s): {missing}.", missing=", ".join(missing))
    return found


def parse_row(values: list[object], columns: dict[str, int]) -> CatalogRow:
    """One data row to a CatalogRow; raises InvalidInput naming the column at fault."""

    def cell(field: str) -> str:
        index = columns.get(field)
        if index is None or index >= len(values) or values[index] is None:
            return ""
        value = values[index]
        if isinstance(value, float):
            # Spreadsheets hand numbers over as binary floats. repr gives the shortest text that
            # round-trips (12.5 -> "12.5"), which Money then parses exactly; no float arithmetic.
            value = format(value, ".0f") if value.is_integer() and not field.endswith("price") else repr(value)
        return str(value).strip()

    item_code = cell("item_code")
    if not item_code:
        raise InvalidInput("item_code is empty.")
    try:
        parse_code(item_code)
    except PosError as exc:
        raise InvalidInput("item_code: {reason}", reason=exc) from None
    name = cell("name")
    if not name:
        raise InvalidInput("name is empty.")
    if len(name) > 200:
        raise InvalidInput("name is longer than 200 characters.")
    prices = {}
    for field in ("wholesale_price", "franchise_price"):
        text = cell(field)
        if not text:
            raise InvalidInput("{field} is empty.", field=field)
        try:
            price = Money.from_yuan(text)
        except PosError:
            raise InvalidInput("{field} '{text}' is not an amount of money.", field=field, text=text) from None
        if price.fen < 0:
            raise InvalidInput("{field} cannot be negative.", field=field)
        prices[field] = price
    barcodes = []
    for part in cell("barcodes").replace("|", ";").replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        try:
            barcodes.append(parse_code(part).code)
        except PosError as exc:
            raise InvalidInput("barcode {barcode}: {reason}", barcode=part, reason=exc) from None
    if len(set(barcodes)) != len(barcodes):
        raise InvalidInput("the same barcode is listed twice.")
    active_text = cell("active").lower()
    if active_text in _TRUE:
        active = True
    elif active_text in _FALSE:
        active = False
    else:
        raise InvalidInput("active '{text}' should be yes or no.", text=active_text)
    return CatalogRow(
        item_code=item_code,
        name=name,
        category=cell("category"),
        wholesale_price=prices["wholesale_price"],
        franchise_price=prices["franchise_price"],
        barcodes=tuple(barcodes),
        after_sales_note=cell("after_sales_note"),
        active=active,
    )
