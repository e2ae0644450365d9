"""Remote orders, paid first: the slip made up at the counter, the payment notice, the transfer that
sends the order to the bench, two packers, the settlement at the check, the shipment and the call;
shortfalls called about before the boxes are sealed; late orders flagged in the queue."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from pos.config import Settings
from pos.db.models import Customer, Order, Payment, StockMovement
from pos.domain.errors import Conflict, InvalidInput, InvalidTransition
from pos.domain.money import Money
from pos.domain.remote import Source
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import (
    audit_check,
    bench,
    call_tasks,
    counter,
    customers,
    orders,
    remote,
    returns,
    settings_audit,
    settle,
    shipping,
)
from pos.services.bench import BenchPrinters
from pos.services.remote import RemoteOrder
from pos.services.staff import Approval
from tests.conftest import add_products, approval_of
from tests.services.shipping_setup import CONTEXT

ZHAO = Approval("2002", "2323")  # the second packer's login and PIN
ACCOUNTS = ("中国工商银行 义乌分行 6222 0000 1234 5678 王丽",)
PHONE = RemoteOrder(Source.PHONE)


@pytest.fixture
def slip(db, cashier):
    """A phone customer's slip, made up at the counter: 3 rings (35.00) and a pendant (128.00)."""
    add_products(db, "YJ1000", "BD2000")
    customer = customers.create_customer(db, cashier, name="远方客户", phone="13700137000", address="新疆乌鲁木齐")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "3*YJ1000")
    orders.add_scan(db, cashier, number, "BD2000")
    return number


def _balance(db, number):
    with db.transaction() as s:
        order = s.scalar(select(Order).where(Order.number == number))
        return s.get(Customer, order.customer_id).balance_fen


def _set_balance(db, number, fen):
    with db.transaction() as s:
        customer_id = s.scalar(select(Order.customer_id).where(Order.number == number))
        s.execute(update(Customer).where(Customer.id == customer_id).values(balance_fen=fen))


def _transfer(db, cashier, number, tmp_path, amount, reference="TX20261207001", **kwargs):
    return remote.record_transfer(
        db,
        cashier,
        CONTEXT,
        number,
        method=kwargs.pop("method", "bank"),
        bank="工商银行",
        reference=reference,
        amount=amount,
        printer_uri=f"file://{tmp_path / 'slips.bin'}",
        **kwargs,
    )


def test_the_notice_lists_goods_balance_freight_total_and_account(db, cashier, slip, tmp_path):
    _set_balance(db, slip, 5000)  # 50.00 owed from last time
    notice = remote.send_notice(
        db,
        cashier,
        CONTEXT,
        slip,
        PHONE,
        freight=Money(2500),
        accounts=ACCOUNTS,
        printer_uri=f"file://{tmp_path / 'notice.bin'}",
    )
    assert notice.goods_fen == 3 * 3500 + 12800 and notice.total_fen == 23300 + 5000 + 2500
    text = notice.text()
    assert "合计应转账：￥308.00" in text and "上次欠款：￥50.00" in text and "运费" in text
    assert ACCOUNTS[0] in text
    Spooler(db, CONTEXT.station).process_due()
    printed = decode((tmp_path / "notice.bin").read_bytes())
    assert "付款通知" in printed.text and "合计应转账" in printed.text and "6222 0000 1234 5678" in printed.text
    assert slip in printed.barcodes
    assert counter.order_view(db, slip).status == "awaiting_pay"
    # waiting for the money: the lines are frozen, nothing goes to the bench, nothing is settled
    with pytest.raises(Conflict):
        orders.add_scan(db, cashier, slip, "YJ1000")
    assert bench.queue(db) == []
    assert [(r.number, r.awaiting_transfer) for r in counter.ready_to_settle(db)] == [(slip, True)]


def test_a_notice_needs_an_account_a_remote_source_and_lines(db, cashier, slip):
    with pytest.raises(InvalidInput, match="bank accounts in Settings"):
        remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=())
    with pytest.raises(InvalidInput, match="phone, video call or the website"):
        remote.send_notice(db, cashier, CONTEXT, slip, RemoteOrder(Source.COUNTER), freight=Money(0), accounts=ACCOUNTS)
    with pytest.raises(InvalidInput, match="negative"):
        remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(-1), accounts=ACCOUNTS)
    assert counter.order_view(db, slip).status == "open"


def test_reopen_before_the_money_lets_the_lines_change(db, cashier, slip):
    remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    remote.reopen(db, cashier, slip)
    orders.add_scan(db, cashier, slip, "YJ1000")
    notice = remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    assert notice.goods_fen == 4 * 3500 + 12800


def test_a_transfer_short_leaves_a_balance_more_leaves_credit_and_a_reference_counts_once(db, cashier, slip, tmp_path):
    remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    with pytest.raises(InvalidInput, match="reference"):
        _transfer(db, cashier, slip, tmp_path, Money(23300), reference=" ")
    with pytest.raises(InvalidInput, match="bank, WeChat or Alipay"):
        _transfer(db, cashier, slip, tmp_path, Money(23300), method="cash")
    result = _transfer(db, cashier, slip, tmp_path, Money(23000))
    assert result.due == Money(23300) and result.balance == Money(300) and _balance(db, slip) == 300
    assert [(e.number, e.remote) for e in bench.queue(db)] == [(slip, True)]
    # the same transfer recorded again, on another order of the customer, is refused
    second = orders.open_order(db, cashier, counter.order_view(db, slip).customer.number)
    orders.add_scan(db, cashier, second, "YJ1000")
    remote.send_notice(db, cashier, CONTEXT, second, PHONE, freight=Money(0), accounts=ACCOUNTS)
    with pytest.raises(Conflict, match=f"recorded already, on order {slip}"):
        _transfer(db, cashier, second, tmp_path, Money(3800))
    # 35.00 and the 3.00 still owed is 38.00; 50.00 came: 12.00 credit
    assert _transfer(db, cashier, second, tmp_path, Money(5000), reference="TX2").balance == Money(-1200)
    assert audit_check.check(db).problems == []


def test_a_retried_transfer_is_recorded_once(db, cashier, slip, tmp_path):
    remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    first = _transfer(db, cashier, slip, tmp_path, Money(23300), command_id="t-1")
    again = _transfer(db, cashier, slip, tmp_path, Money(23300), command_id="t-1")
    assert (again.due, again.balance) == (first.due, first.balance)
    with db.transaction() as s:
        assert len(s.scalars(select(Payment)).all()) == 1


def test_the_remote_path_from_slip_to_call(db, cashier, packers, manager, slip, tmp_path):
    first, _ = packers
    notice = remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    _transfer(db, cashier, slip, tmp_path, Money(notice.total_fen))
    with pytest.raises(Conflict, match="remote order"):
        bench.start_check(db, first, slip, "present")
    view = bench.start_check(db, first, slip, "absent", ZHAO)
    assert view.source == "phone" and view.mode == "absent"
    bench.tick(db, first, slip, "3*YJ1000")
    bench.tick(db, first, slip, "BD2000")
    labels = f"file://{tmp_path / 'labels.bin'}"
    bench.seal_box(db, first, CONTEXT, slip, 1, labels, copy3_confirmed_by=ZHAO)
    printers = BenchPrinters(CONTEXT, labels, f"file://{tmp_path / 'slips.bin'}")
    done = bench.complete(db, first, slip, printers=printers)
    # paid first: settled as the check completes, the goods out of stock, nothing left to pay
    assert done.status == "settled"
    with db.transaction() as s:
        assert len(s.scalars(select(StockMovement).where(StockMovement.kind == "sale")).all()) == 2
    with pytest.raises(Conflict, match="paid already"):
        settle.settle(db, cashier, CONTEXT, slip, [], printer_uri="preview:")
    shipment = shipping.record_shipment(
        db, cashier, CONTEXT, slip, carrier="中铁快运", waybill="ZT9900", box_labels=[f"{slip}-B1"], grams=800
    )
    assert shipment.order_state.value == "shipped"
    (task,) = call_tasks.open_tasks(db)
    assert task.kind == "shipped" and "ZT9900" in task.script
    call_tasks.record_call(db, cashier, task.id, "reached")
    assert call_tasks.open_tasks(db) == []
    assert _balance(db, slip) == 0 and audit_check.check(db).problems == []


def test_a_shortfall_is_called_about_before_the_check_completes_and_becomes_credit(
    db, cashier, packers, manager, slip, tmp_path
):
    first, _ = packers
    remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    _transfer(db, cashier, slip, tmp_path, Money(23300))
    bench.start_check(db, first, slip, "absent", ZHAO)
    bench.tick(db, first, slip, "2*YJ1000")
    bench.cross_out(db, first, slip, 1, 1, "other", "缺货")
    bench.cross_out(db, first, slip, 2, 1, "other", "只有蓝色")
    (task,) = call_tasks.open_tasks(db)
    assert task.kind == "shortfall" and "YJ1000" in task.script and "缺货" in task.script
    assert "只有蓝色" in task.script and "￥163.00" in task.script
    bench.seal_box(db, first, CONTEXT, slip, 1, f"file://{tmp_path / 'l.bin'}", copy3_confirmed_by=ZHAO)
    (open_slip,) = bench.bench_view(db, slip).open_returns
    returns.sign(db, first, open_slip, "handler", signer=approval_of(first))
    returns.sign(db, first, open_slip, "customer", method="paper")
    returns.sign(db, first, open_slip, "manager", signer=approval_of(manager))
    with pytest.raises(Conflict, match="call them first"):
        bench.complete(db, first, slip)
    call_tasks.record_call(db, first, task.id, "no_answer")
    with pytest.raises(Conflict, match="call them first"):
        bench.complete(db, first, slip)
    call_tasks.record_call(db, first, task.id, "reached", "客户同意退款留作余款")
    assert bench.complete(db, first, slip).status == "settled"
    assert _balance(db, slip) == -16300  # what was paid for and not sent is the customer's credit


def test_an_order_not_packed_by_the_end_of_the_next_day_is_flagged(db, cashier, slip, tmp_path):
    remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    _transfer(db, cashier, slip, tmp_path, Money(23300))
    assert not bench.queue(db)[0].late
    with db.transaction() as s:
        order = s.scalar(select(Order).where(Order.number == slip))
        order.printed_at -= timedelta(days=2)
    assert bench.queue(db)[0].late


def test_awaiting_payment_is_neither_settled_nor_printed_for_the_bench(db, cashier, slip):
    remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    with pytest.raises(Conflict, match="waiting for its transfer"):
        settle.settle(db, cashier, CONTEXT, slip, [], printer_uri="preview:", no_packing=True)
    with pytest.raises(InvalidTransition):
        counter.print_for_checking(db, cashier, CONTEXT, slip, "preview:")


def test_a_video_order_keeps_its_appointment_and_the_way_of_sending_is_remembered(db, cashier, slip):
    at = datetime(2026, 12, 7, 7, 30)
    how = RemoteOrder(Source.VIDEO, at, "  紫水晶吊坠 各色  ", send_by="顺丰")
    notice = remote.send_notice(db, cashier, CONTEXT, slip, how, freight=Money(1200), accounts=ACCOUNTS)
    assert "运费（顺丰）：￥12.00" in notice.text()
    with db.transaction() as s:
        order = s.scalar(select(Order).where(Order.number == slip))
        assert (order.source, order.appointment_at, order.wanted, order.send_by) == (
            "video",
            at,
            "紫水晶吊坠 各色",
            "顺丰",
        )
        assert s.get(Customer, order.customer_id).send_by == "顺丰"
    with pytest.raises(InvalidInput, match="Only a video call"):
        remote.send_notice(
            db, cashier, CONTEXT, slip, RemoteOrder(Source.PHONE, at), freight=Money(0), accounts=ACCOUNTS
        )


def test_bank_accounts_are_a_money_setting(manager, cashier):
    old, new = Settings(), Settings(bank_accounts="工行 6222 0000 王丽")
    assert settings_audit.needs_manager(cashier, old, new) and not settings_audit.needs_manager(manager, old, new)
    with pytest.raises(InvalidInput, match="at most 80"):
        Settings(bank_accounts="工" * 81).validated()


def test_a_remote_order_whose_money_never_comes_can_be_voided(db, cashier, slip, tmp_path):
    remote.send_notice(db, cashier, CONTEXT, slip, PHONE, freight=Money(0), accounts=ACCOUNTS)
    counter.void_slip(db, cashier, slip, "客户取消订单")
    assert counter.order_view(db, slip).status == "voided"
    with pytest.raises(Conflict, match="not waiting for a transfer"):
        _transfer(db, cashier, slip, tmp_path, Money(23300))
