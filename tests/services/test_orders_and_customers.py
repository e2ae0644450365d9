import pytest
from sqlalchemy import func, select

from pos.db.models import Customer, OrderLine, Product
from pos.domain.errors import BadCheckDigit, Conflict, InvalidInput, NotFound, PermissionDenied
from pos.printing.text_render import render_lines
from pos.services import customers, orders
from pos.services.staff import Approval
from tests.conftest import add_products

MANAGER = Approval("3001", "3333")  # the manager fixture's login and PIN, typed on the spot


@pytest.fixture
def catalog(db):
    add_products(db, "YJ1000", "BD2000")
    with db.transaction() as s:
        s.add(Product(item_code="OLD1", name="停售款", wholesale_price_fen=100, franchise_price_fen=100, active=False))


def _customer(db, cashier, kind="wholesale", phone="13800138000"):
    return customers.create_customer(db, cashier, name="张三", phone=phone, address="浙江省义乌市", customer_type=kind)


def test_customer_numbers_and_duplicate_phone(db, cashier):
    first = _customer(db, cashier)
    assert first.number == "C000001"
    with pytest.raises(Conflict, match="already on file"):
        _customer(db, cashier, phone="138-0013-8000")
    second = customers.create_customer(
        db, cashier, name="张三丰", phone="13800138000", address="义乌", allow_duplicate_phone=True
    )
    assert second.number == "C000002"


def test_customer_input_is_validated(db, cashier):
    with pytest.raises(InvalidInput):
        customers.create_customer(db, cashier, name="", phone="13800138000", address="义乌")
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0


def test_packer_cannot_create_customers_or_orders(db, admin):
    from pos.services.staff import add_staff

    packer = add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    with pytest.raises(PermissionDenied):
        _customer(db, packer)


def test_scanning_builds_lines_at_the_customers_price(db, cashier, catalog, clock):
    wholesale = _customer(db, cashier)
    number = orders.open_order(db, cashier, wholesale.number)
    assert number == "S20261127-0001"
    orders.add_scan(db, cashier, number, "6971230000006")
    result = orders.add_scan(db, cashier, number, "2*YJ1000")
    line = result.line
    assert (line.position, line.quantity, line.amount.fen) == (1, 3, 10500)
    assert (result.total_fen, result.item_count, result.new_line) == (10500, 3, False)
    orders.add_scan(db, cashier, number, "BD2000")
    details = orders.order_details(db, number)
    assert [(ln["item_code"], ln["quantity"]) for ln in details["lines"]] == [("YJ1000", 3), ("BD2000", 1)]
    assert details["total"] == {"fen": 23300, "yuan": "233.00", "capitals": "贰佰叁拾叁元整"}

    franchise = _customer(db, cashier, kind="franchise", phone="13900139000")
    other = orders.open_order(db, cashier, franchise.number)
    assert orders.add_scan(db, cashier, other, "YJ1000").line.unit_price_fen == 3150


@pytest.mark.parametrize(
    "scan, error",
    [("6971230000007", BadCheckDigit), ("NOPE1", NotFound), ("OLD1", Conflict), ("x" * 500, InvalidInput)],
)
def test_refused_scans_change_nothing(db, cashier, catalog, scan, error):
    number = orders.open_order(db, cashier, _customer(db, cashier).number)
    orders.add_scan(db, cashier, number, "YJ1000")
    with pytest.raises(error):
        orders.add_scan(db, cashier, number, scan)
    with db.transaction() as s:
        assert s.execute(select(OrderLine.item_code, OrderLine.quantity)).all() == [("YJ1000", 1)]


def test_unknown_order_and_customer(db, cashier):
    with pytest.raises(NotFound):
        orders.open_order(db, cashier, "C999999")
    with pytest.raises(NotFound):
        orders.order_details(db, "S20261127-9999")


def test_a_retried_command_is_recorded_once(db, cashier, catalog):
    """The reply to a committed command was lost; the station sends the same command again."""
    customer = _customer(db, cashier)
    first = orders.open_order(db, cashier, customer.number, command_id="open-1")
    assert orders.open_order(db, cashier, customer.number, command_id="open-1") == first
    orders.add_scan(db, cashier, first, "2*YJ1000", command_id="scan-1")
    again = orders.add_scan(db, cashier, first, "2*YJ1000", command_id="scan-1")
    assert again.line.quantity == 2
    assert orders.add_scan(db, cashier, first, "YJ1000", command_id="scan-2").line.quantity == 3
    with db.transaction() as s:
        from pos.db.models import Order

        assert s.scalar(select(func.count()).select_from(Order)) == 1


def test_search_finds_a_customer_by_the_last_digits_of_the_phone(db, cashier):
    zhang = _customer(db, cashier)  # 13800138000
    customers.create_customer(db, cashier, name="李四", phone="139 1234-5678", address="义乌")
    assert [c.number for c in customers.search(db, "8000")] == [zhang.number]
    assert [c.name for c in customers.search(db, "5678")] == ["李四"]
    assert [c.name for c in customers.search(db, "45678")] == ["李四"]
    # today's searches still work alongside
    assert [c.name for c in customers.search(db, "1391")] == ["李四"]
    assert [c.name for c in customers.search(db, "zs")] == ["张三"]
    # fewer than four digits is too little to mean the end of a phone
    assert customers.search(db, "678") == []


def test_search_by_last_digits_uses_an_index_not_a_scan(db, cashier):
    """A 200k-customer table is searched on every key press: the lookup must be an index range."""
    _customer(db, cashier)
    with db.transaction() as s:
        customer = s.scalars(select(Customer)).one()
        assert customer.phone_reversed == "00083100831"
        if s.get_bind().dialect.name != "sqlite":
            return
        plan = (
            s.connection()
            .exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM customers WHERE phone_reversed >= ? AND phone_reversed < ?",
                ("0008", "0008\U0010ffff"),
            )
            .all()
        )
    assert any("ix_customers_phone_reversed" in row[-1] for row in plan), plan


def test_search_accepts_full_width_digits_and_letters(db, cashier):
    """Typed with a Chinese input method: full-width phone digits and pinyin are their plain forms."""
    zhang = _customer(db, cashier)
    assert [c.number for c in customers.search(db, "１３８００")] == [zhang.number]
    assert [c.number for c in customers.search(db, "８０００")] == [zhang.number]
    assert [c.number for c in customers.search(db, "ＺＳ")] == [zhang.number]
    assert [c.number for c in customers.search(db, "Ｃ０００００１")] == [zhang.number]


@pytest.mark.parametrize("typed", ["yj1000", "ＹＪ１０００", "１＊yj1000"])
def test_lower_case_and_full_width_codes_add_the_item(db, cashier, catalog, typed):
    number = orders.open_order(db, cashier, _customer(db, cashier).number)
    result = orders.add_scan(db, cashier, number, typed)
    assert (result.line.item_code, result.line.quantity) == ("YJ1000", 1)


def test_a_catalog_code_kept_in_lower_case_is_still_found(db, cashier):
    with db.transaction() as s:
        s.add(Product(item_code="ab12", name="小写货号", wholesale_price_fen=100, franchise_price_fen=100))
    number = orders.open_order(db, cashier, _customer(db, cashier).number)
    assert orders.add_scan(db, cashier, number, "ab12").line.item_code == "ab12"


def test_full_width_phone_is_stored_plain(db, cashier):
    customer = _customer(db, cashier, phone="１３９ １２３４ ５６７８")
    assert customer.phone == "13912345678"


def test_scan_carries_the_items_after_sales_note(db, cashier, catalog):
    with db.transaction() as s:
        product = s.scalars(select(Product).where(Product.item_code == "YJ1000")).one()
        product.after_sales_note = "产地：义乌；材质：925银；保养：勿沾水 "
    number = orders.open_order(db, cashier, _customer(db, cashier).number)
    first = orders.add_scan(db, cashier, number, "YJ1000", command_id="scan-1")
    assert first.after_sales_note == "产地：义乌；材质：925银；保养：勿沾水"
    assert (
        orders.add_scan(db, cashier, number, "YJ1000", command_id="scan-1").after_sales_note == first.after_sales_note
    )
    assert orders.add_scan(db, cashier, number, "BD2000").after_sales_note == ""


@pytest.mark.parametrize("columns", [48, 32])
def test_a_changed_price_is_marked_on_the_view_and_the_printed_slip(db, cashier, manager, catalog, columns):
    from pos.domain.money import Money
    from pos.printing import layouts
    from pos.printing.data import PrintMeta
    from pos.printing.escpos_decode import decode
    from pos.printing.escpos_render import EscposOptions, EscposRenderer
    from pos.printing.textlayout import cells
    from pos.services import counter, printing
    from pos.services.lookup import get_order

    number = orders.open_order(db, cashier, _customer(db, cashier).number)
    orders.add_scan(db, cashier, number, "3*YJ1000")
    orders.add_scan(db, cashier, number, "BD2000")
    counter.override_price(db, cashier, MANAGER, number, 1, Money(3200), "老客户")
    view = counter.override_price(db, cashier, MANAGER, number, 1, Money(3000), "老客户再让")
    assert [(ln.unit_price_fen, ln.list_price_fen) for ln in view.lines] == [(3000, 3500), (12800, None)]
    with db.transaction() as s:
        slip = printing.sales_slip_data(s, get_order(s, number))
    assert [ln.list_price_fen for ln in slip.lines] == [3500, None]
    doc = layouts.sales_slip(slip, PrintMeta("x", columns=columns, copy=1))
    text = decode(EscposRenderer(EscposOptions(encoding="gb18030")).render_all([doc]), "gb18030").text
    assert text.count("*改价 原价 35.00") == 1
    assert all(cells(line) <= columns for line in render_lines(doc))
    # changed back to the catalog price: nothing to mark
    view = counter.override_price(db, cashier, MANAGER, number, 1, Money(3500), "按原价")
    assert view.lines[0].list_price_fen is None


def test_a_large_scanned_quantity_is_refused_until_confirmed(db, cashier, catalog):
    number = orders.open_order(db, cashier, _customer(db, cashier).number)
    with pytest.raises(InvalidInput, match="F4"):
        orders.add_scan(db, cashier, number, "150*YJ1000")
    with pytest.raises(InvalidInput):
        orders.add_scan(db, cashier, number, "１００＊YJ1000")
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(OrderLine)) == 0
    assert orders.add_scan(db, cashier, number, "99*YJ1000").line.quantity == 99
    assert orders.add_scan(db, cashier, number, "150*BD2000", large_quantity_confirmed=True).line.quantity == 150
