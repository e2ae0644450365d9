"""Catalog rows are refused by the same rules on both databases, never half-stored with a traceback."""

import pytest
from openpyxl import Workbook
from sqlalchemy import event, select

from pos.db.models import Product
from pos.services import audit
from pos.services.catalog_import import import_catalog

HEADER = "item_code,name,category,wholesale_price,franchise_price,barcodes,after_sales_note,active,free\n"


def _write(tmp_path, body, name="catalog.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _codes(db):
    with db.transaction() as s:
        return set(s.scalars(select(Product.item_code)))


@pytest.mark.parametrize(
    "row, words",
    [
        ("BIG,戒指,银戒指,21474836.48,31,,,,", "more than the catalog can hold"),
        ("CAT,戒指," + "类" * 101 + ",35,31,,,,", "category is 101 characters long"),
        ("NAM," + "名" * 201 + ",银戒指,35,31,,,,", "name is 201 characters long"),
        ("ZERO,戒指,银戒指,0,31,,,,", "wholesale_price is 0"),
        ("KICK,戒指\x1bp0\x19\xfa,银戒指,35,31,,,,", "control characters (U+001B, U+0019)"),
        ("TAB,戒指,银\t戒指,35,31,,,,", "category holds control characters (U+0009)"),
        ("FREE,戒指,银戒指,0,0,,,,maybe", "free 'maybe' should be yes or no"),
    ],
)
def test_a_row_past_a_limit_is_refused_by_line_and_the_good_rows_are_stored(db, admin, tmp_path, row, words):
    path = _write(tmp_path, "OK1,戒指,银戒指,35,31,,,,\n" + row + "\nOK2,耳钉,银耳钉,12,10,,,,\n")
    report = import_catalog(db, admin, path)
    assert [line for line, _ in report.errors] == [3]
    assert words in report.errors[0][1]
    assert _codes(db) == {"OK1", "OK2"}


def test_a_price_of_zero_is_taken_when_the_row_is_marked_free(db, admin, tmp_path):
    report = import_catalog(db, admin, _write(tmp_path, "GIFT,礼品袋,包装,0,0,,,,是\n"))
    assert report.ok and _codes(db) == {"GIFT"}


def test_the_largest_price_the_catalog_holds_is_taken(db, admin, tmp_path):
    report = import_catalog(db, admin, _write(tmp_path, "TOP,金条,黄金,21474836.47,21474836.47,,,,\n"))
    assert report.ok
    with db.transaction() as s:
        assert s.scalar(select(Product.wholesale_price_fen)) == 2**31 - 1


def test_merged_cells_give_their_value_to_every_row_they_cover(db, admin, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["货号", "品名", "类别", "批发价", "加盟价"])
    sheet.append(["YJ1", "素圈戒指", "银戒指", 35, 31])
    sheet.append(["YJ2", "开口戒指", None, 28, None])
    sheet.append(["YJ3", "编织戒指", None, 30, None])
    sheet.merge_cells("C2:C4")  # one category for three rows
    sheet["E2"] = 31
    sheet.merge_cells("E2:E4")  # and one franchise price
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    report = import_catalog(db, admin, path)
    assert report.ok and report.added == 3
    with db.transaction() as s:
        rows = s.execute(select(Product.item_code, Product.category, Product.franchise_price_fen)).all()
    assert sorted(rows) == [("YJ1", "银戒指", 3100), ("YJ2", "银戒指", 3100), ("YJ3", "银戒指", 3100)]


def test_a_big_file_is_stored_with_a_bounded_number_of_statements(db, admin, tmp_path):
    body = "".join(f"P{n},品名{n},类别,{n % 500 + 1},{n % 400 + 1},,,,\n" for n in range(3000))
    path = _write(tmp_path, body)
    statements = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        report = import_catalog(db, admin, path)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert report.added == 3000
    # one read of the catalog and its barcodes, a few batches of inserts, one audit entry: not one per row
    assert len(statements) < 40, len(statements)
    updated = import_catalog(db, admin, path, update=True)
    assert (updated.added, updated.updated, updated.unchanged) == (0, 0, 3000)
    assert audit.verify(db).ok


def test_the_checked_limits_are_the_catalog_columns_sizes():
    from pos.domain import catalog

    columns = Product.__table__.c
    assert (catalog.MAX_NAME, catalog.MAX_CATEGORY) == (columns.name.type.length, columns.category.type.length)
