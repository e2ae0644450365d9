"""Weighed and priced in-store labels at the packing bench (issue 10 finding 8), on SQLite and
PostgreSQL: the counter sells each labelled piece as its own line at the label's weight or price;
the bench checks each piece by its own label, one by one, and refuses what is not that piece."""

import json

import pytest
from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.domain.codes import with_check_digit
from pos.domain.instore_codes import InStoreRule
from pos.services import bench, counter, customers, orders
from pos.services.bench import RefusedScan
from pos.services.printing import PrintContext
from pos.services.staff import add_staff
from tests.conftest import add_products

# as the shop's label scale and price printer are set up: 22 = weight in tenths of a gram, 21 = price
RULES = (InStoreRule("22", 5, "weight", 1), InStoreRule("21", 5, "price"))


def weighed(item: str, tenths: int) -> str:
    return with_check_digit(f"22{item}{tenths:05d}")


def priced(item: str, fen: int) -> str:
    return with_check_digit(f"21{item}{fen:05d}")


@pytest.fixture
def packer(db, admin):
    return add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")


@pytest.fixture
def slip(db, cashier, packer, tmp_path):
    """Two silver bangles weighed at the counter (12.3 g, 45.6 g), two priced pendants (¥99.50,
    ¥120.00), one ring by its code, and a bar whose catalog name carries a weight; being checked."""
    add_products(
        db,
        "YJ1000",
        **{
            "00123": ("足银手镯", 650, 600),  # ¥6.50 a gram
            "00124": ("银吊坠", 0, 0),
            "BAR50": ("足银条 50g", 40000, 38000),
        },
    )
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    for code in (
        weighed("00123", 123),
        weighed("00123", 456),
        priced("00124", 9950),
        priced("00124", 12000),
        "YJ1000",
        "BAR50",
    ):
        orders.add_scan(db, cashier, number, code, instore_rules=RULES)
    counter.print_for_checking(db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 'slips.bin'}")
    bench.start_check(db, packer, number, "present")
    return number


def _ticked(db, number):
    return {ln.name: ln.ticked for ln in bench.bench_view(db, number).lines}


def test_the_slip_holds_each_labelled_piece_as_its_own_line(db, slip):
    lines = [(ln.position, ln.item_code, ln.name, ln.unit_price.fen) for ln in bench.bench_view(db, slip).lines]
    assert lines == [
        (1, "00123", "足银手镯 12.3g", 7995),
        (2, "00123", "足银手镯 45.6g", 29640),
        (3, "00124", "银吊坠", 9950),
        (4, "00124", "银吊坠", 12000),
        (5, "YJ1000", "925银素圈戒指", 3500),
        (6, "BAR50", "足银条 50g", 40000),
    ]


def test_each_weighed_piece_is_ticked_by_its_own_label_in_any_order(db, packer, slip):
    result = bench.tick(db, packer, slip, weighed("00123", 456), instore_rules=RULES)  # the second piece first
    assert (result.line.position, result.line.name, result.line.ticked) == (2, "足银手镯 45.6g", 1)
    assert _ticked(db, slip)["足银手镯 12.3g"] == 0  # not the first weighed line
    result = bench.tick(db, packer, slip, weighed("00123", 123), instore_rules=RULES)
    assert (result.line.position, result.line.ticked) == (1, 1)
    with db.transaction() as s:
        first = json.loads(
            s.scalars(
                select(AuditEvent.detail).where(AuditEvent.action == "bench.tick").order_by(AuditEvent.seq)
            ).first()
        )
    assert (first["label"], first["position"]) == (weighed("00123", 456), 2)  # the record says which piece


def test_a_weighed_piece_ticked_already_is_refused(db, packer, slip):
    bench.tick(db, packer, slip, weighed("00123", 456), instore_rules=RULES)
    with pytest.raises(RefusedScan, match="line 2, 00123 足银手镯 45.6g: all 1 are ticked"):
        bench.tick(db, packer, slip, weighed("00123", 456), instore_rules=RULES)
    assert _ticked(db, slip)["足银手镯 45.6g"] == 1 and bench.bench_view(db, slip).done_units == 1


@pytest.mark.parametrize(
    "label, message",
    [
        (weighed("00123", 200), "00123 足银手镯 20g is not on slip"),  # a third bangle, 20.0 g
        (priced("00124", 8800), "00124 银吊坠 ¥88.00 is not on slip"),
        (weighed("00999", 123), "is not on slip"),  # an item the catalog does not know
    ],
)
def test_a_label_that_is_not_on_the_slip_is_refused_and_ticks_nothing(db, packer, slip, label, message):
    with pytest.raises(RefusedScan, match=message):
        bench.tick(db, packer, slip, label, instore_rules=RULES)
    assert bench.bench_view(db, slip).done_units == 0


def test_the_bare_code_of_a_weighed_item_is_refused_with_what_to_scan(db, packer, slip):
    with pytest.raises(RefusedScan, match="00123 足银手镯 is weighed piece by piece: scan the label"):
        bench.tick(db, packer, slip, "00123", instore_rules=RULES)
    assert bench.bench_view(db, slip).done_units == 0


def test_priced_pieces_are_ticked_by_their_labels(db, packer, slip):
    assert bench.tick(db, packer, slip, priced("00124", 12000), instore_rules=RULES).line.position == 4
    assert bench.tick(db, packer, slip, priced("00124", 9950), instore_rules=RULES).line.position == 3
    with pytest.raises(RefusedScan, match="line 4, 00124 银吊坠: all 1 are ticked"):
        bench.tick(db, packer, slip, priced("00124", 12000), instore_rules=RULES)


def test_an_item_whose_name_carries_a_weight_is_still_ticked_by_its_code(db, packer, slip):
    assert bench.tick(db, packer, slip, "BAR50", instore_rules=RULES).line.name == "足银条 50g"
    assert bench.tick(db, packer, slip, "YJ1000", instore_rules=RULES).line.ticked == 1


def test_a_whole_slip_of_labelled_pieces_can_be_checked(db, packer, slip):
    for code in (
        weighed("00123", 123),
        priced("00124", 9950),
        weighed("00123", 456),
        priced("00124", 12000),
        "6971230000006",
        "BAR50",
    ):
        bench.tick(db, packer, slip, code, instore_rules=RULES)
    view = bench.bench_view(db, slip)
    assert view.done_units == view.units == 6 and all(ln.ticked == 1 for ln in view.lines)
