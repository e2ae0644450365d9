import hashlib
import json

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Product, ProductBarcode
from pos.domain.errors import InvalidInput, PermissionDenied
from pos.services import audit
from pos.services.catalog_import import import_catalog

HEADER = "item_code,name,category,wholesale_price,franchise_price,barcodes,after_sales_note,active\n"


def _write(tmp_path, body, name="catalog.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


def _products(db):
    with db.transaction() as s:
        return {
            p.item_code: (p.name, p.wholesale_price_fen, p.franchise_price_fen, sorted(b.barcode for b in p.barcodes))
            for p in s.scalars(select(Product))
        }


def test_good_file_imports_every_row(db, admin, tmp_path):
    path = _write(
        tmp_path,
        "YJ1,925银素圈戒指,银戒指,35.00,31.50,6901234567892,可清洗,是\n"
        "BD2,紫水晶水滴吊坠,宝石吊坠,128,115.2,96385074;036000291452,,\n",
    )
    report = import_catalog(db, admin, path)
    assert (report.added, report.updated, report.errors) == (2, 0, [])
    assert _products(db) == {
        "YJ1": ("925银素圈戒指", 3500, 3150, ["6901234567892"]),
        "BD2": ("紫水晶水滴吊坠", 12800, 11520, ["036000291452", "96385074"]),
    }


def test_bad_rows_are_reported_by_line_and_good_rows_still_imported(db, admin, tmp_path):
    path = _write(
        tmp_path,
        "YJ1,戒指,银戒指,35,31,,,\n"  # line 2 good
        "YJ2,戒指,银戒指,abc,31,,,\n"  # line 3 bad price
        "YJ1,重复,银戒指,35,31,,,\n"  # line 4 duplicate in file
        "YJ3,戒指,银戒指,35,31,6901234567891,,\n"  # line 5 bad check digit
        "YJ4,戒指,银戒指,35,31,,,\n",
    )  # line 6 good
    report = import_catalog(db, admin, path)
    assert report.added == 2
    assert [line for line, _ in report.errors] == [3, 4, 5]
    assert "wholesale_price" in report.errors[0][1]
    assert "duplicate item code YJ1" in report.errors[1][1]
    assert "check digit" in report.errors[2][1]
    assert set(_products(db)) == {"YJ1", "YJ4"}


def test_code_already_in_catalog_is_a_duplicate_unless_updating(db, admin, tmp_path):
    import_catalog(db, admin, _write(tmp_path, "YJ1,戒指,银戒指,35,31,6901234567892,,\n"))
    report = import_catalog(db, admin, _write(tmp_path, "YJ1,新名字,银戒指,40,36,,,\n", "again.csv"))
    assert report.added == 0 and report.errors[0][0] == 2 and "already in the catalog" in report.errors[0][1]
    assert _products(db)["YJ1"][0] == "戒指"

    report = import_catalog(
        db, admin, _write(tmp_path, "YJ1,新名字,银戒指,40,36,96385074,,\n", "update.csv"), update=True
    )
    assert (report.added, report.updated) == (0, 1)
    assert _products(db)["YJ1"] == ("新名字", 4000, 3600, ["96385074"])


def test_barcode_of_another_product_is_refused(db, admin, tmp_path):
    import_catalog(db, admin, _write(tmp_path, "YJ1,戒指,银戒指,35,31,6901234567892,,\n"))
    report = import_catalog(db, admin, _write(tmp_path, "YJ2,戒指,银戒指,35,31,6901234567892,,\n", "b.csv"))
    assert report.errors and "another product" in report.errors[0][1]
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ProductBarcode)) == 1


def test_gb18030_csv_as_saved_by_excel_on_chinese_windows(db, admin, tmp_path):
    path = _write(tmp_path, "YJ1,足银戒指,银戒指,35,31,,,\n", encoding="gb18030")
    assert import_catalog(db, admin, path).added == 1
    assert _products(db)["YJ1"][0] == "足银戒指"


def test_xlsx_with_chinese_headers_and_numeric_cells(db, admin, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["货号", "品名", "批发价", "加盟价", "条码"])
    sheet.append(["YJ1", "足银戒指", 35.5, 32, 6901234567892])
    sheet.append(["YJ2", "", 10, 9, None])
    path = tmp_path / "catalog.xlsx"
    workbook.save(path)
    report = import_catalog(db, admin, path)
    assert report.added == 1 and [line for line, _ in report.errors] == [3]
    assert _products(db)["YJ1"] == ("足银戒指", 3550, 3200, ["6901234567892"])


@pytest.mark.parametrize(
    "name, content",
    [
        ("missing.csv", None),
        ("catalog.txt", b"x"),
        ("empty.csv", b""),
        ("nohead.csv", b"a,b,c\n1,2,3\n"),
        ("bad.xlsx", b"not a zip"),
    ],
)
def test_unreadable_files_are_refused_and_change_nothing(db, admin, tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InvalidInput):
        import_catalog(db, admin, path)
    assert _products(db) == {}


def test_only_managers_and_admins_import(db, cashier, tmp_path):
    with pytest.raises(PermissionDenied):
        import_catalog(db, cashier, _write(tmp_path, "YJ1,戒指,银戒指,35,31,,,\n"))
    assert _products(db) == {}


def test_an_import_is_one_audit_entry_with_the_files_hash_and_counts(db, admin, tmp_path):
    path = _write(tmp_path, "YJ1,戒指,银戒指,35,31,,,\nYJ2,戒指,银戒指,35,31,,,\nYJ3,戒指,银戒指,x,31,,,\n")
    import_catalog(db, admin, path)
    with db.transaction() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action.like("catalog.%"))).all()
    assert [e.action for e in events] == ["catalog.import"]
    detail = json.loads(events[0].detail)
    assert detail["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (detail["rows"], detail["added"], detail["updated"], detail["refused"]) == (3, 2, 0, 1)


def test_each_changed_price_is_audited_with_old_and_new(db, admin, tmp_path):
    import_catalog(db, admin, _write(tmp_path, "YJ1,戒指,银戒指,35,31,,,\nYJ2,耳钉,银耳钉,12,10,,,\n"))
    report = import_catalog(
        db, admin, _write(tmp_path, "YJ1,戒指,银戒指,38,33,,,\nYJ2,耳钉,新类别,12,10,,,\n", "new.csv"), update=True
    )
    assert (report.updated, report.unchanged) == (2, 0)
    with db.transaction() as s:
        changes = s.scalars(select(AuditEvent).where(AuditEvent.action == "catalog.price_change")).all()
    assert audit.verify(db).ok
    assert [(e.entity_id, json.loads(e.detail)["old"], json.loads(e.detail)["new"]) for e in changes] == [
        (
            "YJ1",
            {"wholesale_price_fen": 3500, "franchise_price_fen": 3100},
            {"wholesale_price_fen": 3800, "franchise_price_fen": 3300},
        )
    ]
