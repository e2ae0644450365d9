"""Catalog rows as they come from a spreadsheet, validated before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.codes import parse_code
from pos.domain.errors import InvalidInput, PosError
from pos.domain.money import Money
from pos.domain.printable import control_characters

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
    "free": ("free", "赠品", "免费"),
}
# The catalog columns' sizes (pos.db.models.Product), checked here so that both databases refuse
# the same rows with the same words: PostgreSQL would stop the import half-way, SQLite would
# store any length silently.
MAX_NAME = 200
MAX_CATEGORY = 100
MAX_PRICE_FEN = 2**31 - 1  # a 32-bit INTEGER column
MAX_NOTE = 2000
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
    free: bool = False


def _yes_no(field: str, text: str) -> bool:
    if text.lower() in _TRUE:
        return True
    if text.lower() in _FALSE:
        return False
    raise InvalidInput("{field} '{text}' should be yes or no.", field=field, text=text)


def _printable(field: str, text: str, limit: int) -> str:
    if len(text) > limit:
        raise InvalidInput(
            "{field} is {length} characters long; at most {limit} fit.", field=field, length=len(text), limit=limit
        )
    found = control_characters(text.replace("\n", "")) if field == "after_sales_note" else control_characters(text)
    if found:
        raise InvalidInput(
            "{field} holds control characters ({found}), which a printer takes as commands.",
            field=field,
            found=", ".join(found),
        )
    return text


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
    name = _printable("name", cell("name"), MAX_NAME)
    if not name:
        raise InvalidInput("name is empty.")
    category = _printable("category", cell("category"), MAX_CATEGORY)
    note = _printable("after_sales_note", cell("after_sales_note"), MAX_NOTE)
    free = cell("free") != "" and _yes_no("free", cell("free"))
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
        if price.fen == 0 and not free:
            raise InvalidInput("{field} is 0: mark the row free (free = yes) if it is given away.", field=field)
        if price.fen > MAX_PRICE_FEN:
            raise InvalidInput("{field} {text} is more than the catalog can hold.", field=field, text=text)
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
    return CatalogRow(
        item_code=item_code,
        name=name,
        category=category,
        wholesale_price=prices["wholesale_price"],
        franchise_price=prices["franchise_price"],
        barcodes=tuple(barcodes),
        after_sales_note=note,
        active=_yes_no("active", cell("active")),
        free=free,
    )
