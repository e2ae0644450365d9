"""A check at the packing bench, step by step, on SQLite and PostgreSQL."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from pos.db.database import Database
from pos.db.models import AuditEvent, Order, OrderLine, Product, TickEvent
from pos.domain.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied, PosError
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import bench, counter, customers, orders, returns
from pos.services.bench import RefusedScan
from pos.services.printing import PrintContext
from pos.services.staff import Approval
from tests.conftest import ITEMS, add_products, approval_of


@pytest.fixture
def context():
    return PrintContext(station="打包台1")


@pytest.fixture
def printed(db, cashier, tmp_path, context):
    """张三's slip, printed for checking: 3 rings, 2 pendants, 1 necklace."""
    add_products(db, "YJ1000", "BD2000", "XL5000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        orders.add_scan(db, cashier, number, code)
    counter.print_for_checking(db, cashier, context, number, f"file://{tmp_path / 'slips.bin'}")
    return number


def test_queue_shows_printed_slips(db, printed):
    entries = bench.queue(db)
    assert [(e.number, e.status, e.customer_name, e.units) for e in entries] == [(printed, "printed", "张三", 6)]


def test_queue_times_are_the_shops_local_time(db, printed, shanghai):
    with db.transaction() as s:
        stored = s.scalar(select(Order.printed_at).where(Order.number == printed))  # naive UTC
    assert bench.queue(db)[0].printed_at == (stored + timedelta(hours=8)).strftime("%H:%M")


def test_whole_check_with_the_customer_present(db, packers, printed, context, tmp_path, manager):
    packer = packers[0]
    view = bench.start_check(db, packer, printed, "present")
    assert view.status == "checking" and view.open_box.number == 1 and view.signatures == {"checker": "李强"}
    assert view.name_confirmed  # the packer confirmed it when starting
    result = bench.tick(db, packer, printed, "6971230000006")
    assert (result.line.item_code, result.line.ticked, result.box_number) == ("YJ1000", 1, 1)
    bench.tick(db, packer, printed, "2*YJ1000")
    with pytest.raises(RefusedScan, match="YJ1000: line 1, YJ1000 925银素圈戒指: all 3 are ticked"):
        bench.tick(db, packer, printed, "YJ1000")  # surplus: the line is named
    with pytest.raises(RefusedScan, match="ZZ9999 is not on slip"):
        bench.tick(db, packer, printed, "ZZ9999")  # not in the catalog at all
    bench.tick(db, packer, printed, "BD2000")
    view = bench.cross_out(db, packer, printed, 2, 1, "unwanted")
    assert view.lines[1].crossed == 1 and len(view.open_returns) == 1
    labels = f"file://{tmp_path / 'labels.bin'}"
    bench.seal_box(db, packer, context, printed, 1, labels)
    with pytest.raises(Conflict, match="sealed"):
        bench.tick(db, packer, printed, "XL5000")
    bench.open_box(db, packer, printed)
    with pytest.raises(Conflict, match="still empty"):
        bench.open_box(db, packer, printed)
    with pytest.raises(Conflict, match="empty"):
        bench.seal_box(db, packer, context, printed, 2, labels)
    with pytest.raises(InvalidInput, match="why"):
        bench.manual_tick(db, packer, printed, 3, 1, reason="")
    bench.manual_tick(db, packer, printed, 3, 1, reason="damaged_label")
    view = bench.seal_box(db, packer, context, printed, 2, labels)
    assert [b.count for b in view.boxes] == [4, 1] and all(b.sealed for b in view.boxes)
    assert view.lines[2].manual_ticks == 1 and view.lines[0].unit_price.fen == 3500
    with db.transaction() as s:
        hand = s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "bench.manual_tick"))
    assert '"reason":"damaged_label"' in hand.replace(" ", "")
    assert set(view.problems) == {"customer_signature", "return_unsigned"}
    with pytest.raises(Conflict, match="not finished"):
        bench.complete(db, packer, printed)
    bench.sign_customer(db, packer, printed, image_png=b"\x89PNG fake")
    number = view.open_returns[0]
    returns.sign(db, packer, number, "handler", signer=approval_of(packer))
    returns.sign(db, packer, number, "customer", method="paper")
    assert counter.amount_due(db, printed).returns.fen == 0  # two of three signatures: no effect yet
    returns.sign(db, packer, number, "manager", signer=approval_of(manager))
    Spooler(db, "打包台1").process_due()
    at_sealing = decode((tmp_path / "labels.bin").read_bytes()).text
    assert "第 1 箱\n" in at_sealing and "件数：4" in at_sealing and "共" not in at_sealing  # n not known yet
    done = bench.complete(db, packer, printed, printers=bench.BenchPrinters(context, labels))
    assert done.status == "checked" and done.problems == ()
    assert counter.order_view(db, printed).status == "checked"
    # the counter now settles the net amount: the crossed pendant left it through the signed return slip
    due = counter.amount_due(db, printed)
    assert (due.lines.fen, due.returns.fen, due.total.fen) == (
        3 * 3500 + 2 * 12800 + 9900,
        12800,
        3 * 3500 + 12800 + 9900,
    )
    Spooler(db, "打包台1").process_due()
    final = decode((tmp_path / "labels.bin").read_bytes()).text[len(at_sealing) :]
    # the final set: every box "i of n", with its count, and not marked as a reprint
    lines = [line.strip() for line in final.splitlines()]
    first, second = lines.index("第 1 箱 / 共 2 箱"), lines.index("第 2 箱 / 共 2 箱")
    assert lines[first + 1] == "件数：4" and lines[second + 1] == "件数：1" and "打包：李强" in final
    assert "重印" not in final


def test_customer_absent_needs_two_different_packers(db, packers, printed, context, tmp_path):
    first, second = packers
    bench.start_check(db, first, printed, "absent", Approval("2002", "2323"))
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(db, first, printed, code)
    assert bench.bench_view(db, printed).problems == ("box_open", "copy3_in_box")
    with pytest.raises(Conflict, match="already"):
        bench.sign_second_checker(db, first, Approval("2002", "2323"), printed)
    with pytest.raises(Conflict, match="absent"):
        bench.sign_customer(db, first, printed, on_paper=True)
    with pytest.raises(bench.Copy3NotConfirmed, match="copy 3"):
        bench.seal_box(db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}")  # the last box
    with pytest.raises(bench.Copy3NotConfirmed):
        bench.seal_box(
            db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}", copy3_confirmed_by=Approval("2001", "2222")
        )
    assert not bench.bench_view(db, printed).boxes[0].sealed
    bench.seal_box(
        db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}", copy3_confirmed_by=Approval("2002", "2323")
    )
    done = bench.complete(db, first, printed)
    assert done.signatures == {"checker": "李强", "second_checker": "赵敏"}
    Spooler(db, "打包台1").process_due()
    label = decode((tmp_path / "l.bin").read_bytes()).text
    assert "第三联在箱内" in label and "打包：李强、赵敏" in label
    with db.transaction() as s:
        confirmed = s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "bench.copy3_in_box"))
    assert "李强" in confirmed and "赵敏" in confirmed


def test_undo_last_tick_is_the_packers_further_back_a_managers(db, packers, printed, manager):
    first, second = packers
    bench.start_check(db, first, printed, "present")
    bench.tick(db, first, printed, "YJ1000")
    bench.tick(db, second, printed, "BD2000")
    with pytest.raises(PermissionDenied):
        bench.undo_last_tick(db, first, printed)  # the last tick is not theirs
    view = bench.undo_last_tick(db, second, printed)
    assert view.lines[1].ticked == 0 and view.boxes[0].items == ((1, "YJ1000", "925银素圈戒指", 1),)
    with pytest.raises(PermissionDenied):
        bench.undo_last_tick(db, first, printed)  # going further back
    view = bench.undo_last_tick(db, manager, printed)
    assert view.lines[0].ticked == 0 and view.boxes[0].items == ()


def test_loading_again_resumes_the_same_check(db, packers, printed):
    bench.start_check(db, packers[0], printed, "present")
    bench.tick(db, packers[0], printed, "YJ1000")
    again = bench.start_check(
        db, packers[1], printed, "absent", Approval("2001", "2222")
    )  # another station, or after a crash
    assert again.mode == "present" and again.lines[0].ticked == 1 and again.signatures == {"checker": "李强"}


def test_a_wrong_item_from_the_catalog_is_named(db, packers, printed):
    add_products(db, "ES4000")
    bench.start_check(db, packers[0], printed, "present")
    with pytest.raises(RefusedScan) as refused:
        bench.tick(db, packers[0], printed, "ES4000")
    assert str(refused.value) == f"ES4000 {ITEMS['ES4000'][0]} is not on slip {printed}."


def test_refused_scans_change_nothing(db, packers, printed):
    bench.start_check(db, packers[0], printed, "present")
    for code in ("ES4000", "x" * 300, "6971230000007"):
        with pytest.raises(PosError):
            bench.tick(db, packers[0], printed, code)
    with db.transaction() as s:
        assert s.scalar(select(func.sum(OrderLine.ticked))) == 0
        assert s.scalar(select(func.count()).select_from(TickEvent)) == 0


def test_a_slip_not_printed_cannot_be_checked(db, cashier, packers, printed):
    other = orders.open_order(db, cashier, "C000001")
    with pytest.raises(InvalidTransition):
        bench.start_check(db, packers[0], other, "present")


def test_name_is_wrong_path_needs_a_cashier(db, packers, printed, cashier):
    bench.start_check(db, packers[0], printed, "present")
    with pytest.raises(PermissionDenied):
        bench.correct_name(db, packers[0], printed, "张叁")
    assert bench.correct_name(db, cashier, printed, "张叁").customer_name == "张叁"


def test_two_stations_ticking_the_same_order_never_double_count(db, packers, cashier, context, tmp_path):
    """Both packers scan the same 40 units as fast as they can: exactly 40 ticks land."""
    with db.transaction() as s:
        s.add(Product(item_code="YJ9", name="戒指", wholesale_price_fen=100, franchise_price_fen=100))
    customer = customers.create_customer(db, cashier, name="王五", phone="13700137000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "40*YJ9")
    counter.print_for_checking(db, cashier, context, number, f"file://{tmp_path / 's.bin'}")
    bench.start_check(db, packers[0], number, "absent", Approval("2002", "2323"))
    accepted, refused, errors = [], [], []

    def station(packer):
        own = Database(db.url)
        try:
            for _ in range(30):
                try:
                    bench.tick(own, packer, number, "YJ9")
                    accepted.append(1)
                except RefusedScan:
                    refused.append(1)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=station, args=(p,)) for p in packers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert (len(accepted), len(refused)) == (40, 20)
    view = bench.bench_view(db, number)
    assert view.lines[0].ticked == 40 and view.boxes[0].count == 40
    with db.transaction() as s:
        assert s.scalar(select(func.sum(TickEvent.quantity))) == 40


def test_a_retried_tick_is_counted_once(db, packers, printed):
    bench.start_check(db, packers[0], printed, "present")
    first = bench.tick(db, packers[0], printed, "YJ1000", command_id="tick-1")
    again = bench.tick(db, packers[0], printed, "YJ1000", command_id="tick-1")
    assert first.line.ticked == again.line.ticked == 1 and bench.bench_view(db, printed).done_units == 1


def test_the_version_changes_with_every_change_the_bench_shows(
    db, packers, printed, context, tmp_path, cashier, manager
):
    first, second = packers
    seen = [bench.version(db, printed)]

    def changed() -> bool:
        seen.append(bench.version(db, printed))
        return seen[-1] != seen[-2]

    assert bench.version(db, printed) == seen[-1]  # reading changes nothing
    bench.start_check(db, first, printed, "present")
    assert changed()
    bench.tick(db, first, printed, "YJ1000")
    assert changed()
    bench.undo_last_tick(db, first, printed)
    assert changed()
    bench.tick(db, second, printed, "YJ1000")
    assert changed()
    bench.open_box(db, first, printed)
    assert changed()
    bench.tick(db, first, printed, "YJ1000")
    assert changed()
    bench.move_item(db, first, printed, 1, 2, 1)
    assert changed()
    bench.cross_out(db, first, printed, 3, 1, "unwanted")
    assert changed()
    slip = bench.bench_view(db, printed).open_returns[0]
    returns.sign(db, first, slip, "handler", signer=approval_of(first))
    assert changed()
    counter.quality_swap(db, first, printed, 2, "scratched")
    assert changed()
    bench.correct_name(db, cashier, printed, "张叁")
    assert changed()
    bench.seal_box(db, first, context, printed, 1, f"file://{tmp_path / 'l.bin'}")
    assert changed()
    bench.sign_customer(db, first, printed, on_paper=True)
    assert changed()
    assert bench.version(db, "S19990101-0001") == ()


def test_undo_further_back_with_a_managers_approval(db, packers, printed, manager):
    first, second = packers
    bench.start_check(db, first, printed, "present")
    bench.tick(db, first, printed, "YJ1000")
    bench.tick(db, first, printed, "BD2000")
    bench.undo_last_tick(db, first, printed)
    with pytest.raises(PermissionDenied):
        bench.undo_last_tick(db, first, printed, manager=Approval("2002", "2323"))  # a packer cannot approve it
    view = bench.undo_last_tick(db, first, printed, manager=Approval("3001", "3333"))
    assert view.lines[0].ticked == 0 and view.boxes[0].items == ()


def test_refusals_word_the_state_and_what_is_missing(db, packers, printed):
    packer = packers[0]
    with pytest.raises(Conflict) as refused:
        bench.tick(db, packer, printed, "YJ1000")
    assert str(refused.value) == f"Order {printed} is waiting in the bench queue: load it first."
    bench.start_check(db, packer, printed, "present")
    bench.tick(db, packer, printed, "YJ1000")
    with pytest.raises(Conflict) as refused:
        bench.complete(db, packer, printed)
    assert str(refused.value) == f"Order {printed} is not finished: 5 units are still to check."


def test_a_wrong_item_scanned_by_its_barcode_names_its_code_too(db, packers, printed):
    from pos.domain.codes import with_check_digit

    barcode = with_check_digit("697123999999")
    add_products(db, ZB9000=("珍珠耳环", 5000, 4500, barcode))
    bench.start_check(db, packers[0], printed, "present")
    with pytest.raises(RefusedScan) as refused:
        bench.tick(db, packers[0], printed, barcode)
    assert str(refused.value) == f"{barcode}: ZB9000 珍珠耳环 is not on slip {printed}."


def test_an_undo_into_a_sealed_box_is_refused_before_any_manager_is_asked(db, packers, printed, context, tmp_path):
    bench.start_check(db, packers[0], printed, "present")
    bench.tick(db, packers[1], printed, "YJ1000")  # another packer's tick: further back than one's own
    bench.seal_box(db, packers[0], context, printed, 1, f"file://{tmp_path / 'labels.bin'}")
    with pytest.raises(Conflict, match="sealed"):
        bench.undo_last_tick(db, packers[0], printed)  # not "needs a manager": no manager could do it
