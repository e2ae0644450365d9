import pytest

from pos.domain.catalog import map_header, parse_row
from pos.domain.customers import normalize_phone, pinyin_key, validate_customer
from pos.domain.errors import InvalidInput


def test_phone_numbers_are_normalised():
    assert normalize_phone("138 0013-8000") == "13800138000"
    assert normalize_phone("+86 138 0013 8000") == "+8613800138000"


@pytest.mark.parametrize("phone", ["", "abc", "12", "138-0013-8000; DROP TABLE customers"])
def test_bad_phone_numbers_are_refused(phone):
    with pytest.raises(InvalidInput):
        normalize_phone(phone)


def test_pinyin_key_has_full_pinyin_and_initials():
    assert pinyin_key("张三") == ("zhangsan", "zs")
    assert pinyin_key("李丽饰品店") == ("lilishipindian", "llspd")


@pytest.mark.parametrize(
    "name, phone, address, kind",
    [
        ("", "13800138000", "义乌", "wholesale"),
        ("张三", "13800138000", " ", "wholesale"),
        ("张三", "13800138000", "义乌", "retail"),
    ],
)
def test_customer_needs_name_address_and_a_known_type(name, phone, address, kind):
    with pytest.raises(InvalidInput):
        validate_customer(name, phone, address, kind)


def test_header_accepts_english_or_chinese_titles():
    assert map_header(["货号", "品名", "批发价", "加盟价", "条码"]) == {
        "item_code": 0,
        "name": 1,
        "wholesale_price": 2,
        "franchise_price": 3,
        "barcodes": 4,
    }
    with pytest.raises(InvalidInput, match="wholesale_price"):
        map_header(["item_code", "name", "franchise_price"])


def test_row_parses_prices_exactly_and_splits_barcodes():
    columns = map_header(["item_code", "name", "wholesale_price", "franchise_price", "barcodes", "active"])
    row = parse_row(["YJ1", "银戒指", "12.5", 11.3, "6901234567892;96385074", "否"], columns)
    assert row.wholesale_price.fen == 1250
    assert row.franchise_price.fen == 1130
    assert row.barcodes == ("6901234567892", "96385074")
    assert row.active is False


@pytest.mark.parametrize(
    "values, reason",
    [
        (["", "n", "1", "1"], "item_code"),
        (["YJ1", "", "1", "1"], "name"),
        (["YJ1", "n", "abc", "1"], "wholesale_price"),
        (["YJ1", "n", "1", "-1"], "franchise_price"),
        (["YJ1", "n", "1.234", "1"], "wholesale_price"),
        (["YJ1", "n", "1", "1", "6901234567891"], "barcode"),
    ],
)
def test_bad_rows_name_the_column(values, reason):
    columns = map_header(["item_code", "name", "wholesale_price", "franchise_price", "barcodes"])
    with pytest.raises(InvalidInput, match=reason):
        parse_row(values, columns)
