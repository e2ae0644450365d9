"""Money handed back when a return slip takes effect: the refund receipt through the spooler, the
drawer for cash, and what the counter calls out ("退您 ¥128.00")."""

import pytest
from sqlalchemy import select

from pos.db.models import Order, PrintJob
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.escpos_decode import decode
from pos.services import counter, customers, orders, printing, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest
from pos.services.staff import Approval
from tests.conftest import add_products

CTX = PrintContext(station="结算台1")
CASHIER, MANAGER = Approval("1001", "1111"), Approval("3001", "3333")  # the PINs the fixtures give them


@pytest.fixture
def goods(db):
    add_products(db, "YJ1000", "BD2000")


def _shipped(db, cashier, tmp_path, method="cash"):
    """A settled order sent to a remote customer: a wrong item may come back."""
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "3*YJ1000")
    orders.add_scan(db, cashier, number, "BD2000")
    due = counter.amount_due(db, number).total
    counter.settle(
        db,
        cashier,
        CTX,
        number,
        [Tender(method, due, due if method == "cash" else Money(0))],
        printer_uri=f"file://{tmp_path / 'r.bin'}",
        no_packing=True,
    )
    with db.transaction() as s:
        s.scalar(select(Order).where(Order.number == number)).customer_mode = "absent"
    return number


def _sign_all(db, cashier, manager, number, tmp_path):
    uri = f"file://{tmp_path / 'refund.bin'}"
    returns.sign(db, cashier, number, "handler", signer=CASHIER, station="结算台1", context=CTX, printer_uri=uri)
    returns.sign(db, cashier, number, "customer", method="paper", station="结算台1", context=CTX, printer_uri=uri)
    return returns.sign(db, cashier, number, "manager", signer=MANAGER, station="结算台1", context=CTX, printer_uri=uri)


def _refund_jobs(db):
    with db.transaction() as s:
        return [(job.id, job.printer_uri) for job in s.scalars(select(PrintJob).where(PrintJob.kind == "refund"))]


def test_a_cash_refund_prints_a_receipt_opens_the_drawer_and_is_called_out(db, cashier, manager, goods, tmp_path):
    number = _shipped(db, cashier, tmp_path)
    slip = returns.create_return(db, cashier, number, [LineRequest(2, 1, "wrong_item")])
    returns.sign(
        db,
        cashier,
        slip.number,
        "handler",
        signer=CASHIER,
        station="结算台1",
        context=CTX,
        printer_uri=f"file://{tmp_path / 'refund.bin'}",
    )
    assert _refund_jobs(db) == []  # one signature: nothing is handed back yet

    done = _sign_all_but_handler(db, cashier, manager, slip.number, tmp_path)
    assert done.status == "complete" and done.refunded_by == "cash"
    assert done.callout.screen() == "退您 ¥128.00" and done.callout.spoken() == "退您一百二十八元"
    [(job_id, uri)] = _refund_jobs(db)
    assert uri == f"file://{tmp_path / 'refund.bin'}"
    printed = decode(printing.job_payload(db, job_id))
    assert printed.drawer_pulses == 0 and printed.cuts == 1
    with db.transaction() as s:  # the drawer is a job of its own, queued just ahead of the receipt
        drawer_id, drawer_uri = s.execute(
            select(PrintJob.id, PrintJob.printer_uri).where(PrintJob.kind == "drawer").order_by(PrintJob.id.desc())
        ).first()
    assert drawer_id == job_id - 1 and drawer_uri == uri
    assert decode(printing.job_payload(db, drawer_id)).drawer_pulses == 1
    assert "退款收据" in printed.text and f"退货单号：{slip.number}" in printed.text
    assert (
        "BD2000" in printed.text and "紫水晶吊坠" in printed.text and "经手人：王丽  部门经理：陈经理" in printed.text
    )
    assert "退款方式：现金" in printed.text and "退您 ￥128.00" in printed.text
    assert "壹佰贰拾捌元整" in printed.text
    assert returns.get(db, slip.number).callout == done.callout  # the screen can be rebuilt from what is stored
    [job] = [j for j in printing.list_jobs(db) if j.kind == "refund"]
    assert job.document == slip.number  # the print queue names the return slip it pays out


def _sign_all_but_handler(db, cashier, manager, number, tmp_path):
    uri = f"file://{tmp_path / 'refund.bin'}"
    returns.sign(db, cashier, number, "customer", method="paper", station="结算台1", context=CTX, printer_uri=uri)
    return returns.sign(db, cashier, number, "manager", signer=MANAGER, station="结算台1", context=CTX, printer_uri=uri)


def test_a_refund_by_wechat_prints_a_receipt_but_opens_no_drawer(db, cashier, manager, goods, tmp_path):
    number = _shipped(db, cashier, tmp_path, method="wechat")
    slip = returns.create_return(db, cashier, number, [LineRequest(1, 2, "wrong_item")])
    done = _sign_all(db, cashier, manager, slip.number, tmp_path)
    assert done.refunded_by == "wechat" and done.callout is None
    [(job_id, _uri)] = _refund_jobs(db)
    printed = decode(printing.job_payload(db, job_id))
    assert printed.drawer_pulses == 0 and "退款方式：微信支付" in printed.text and "退您" not in printed.text
    with db.transaction() as s:
        assert s.scalar(select(PrintJob.id).where(PrintJob.kind == "drawer")) is None


def test_account_credit_and_on_the_spot_returns_hand_no_money_back(db, cashier, manager, goods, tmp_path):
    number = _shipped(db, cashier, tmp_path)
    credit = returns.create_return(db, cashier, number, [LineRequest(1, 1, "wrong_item")], refund_method="account")
    assert _sign_all(db, cashier, manager, credit.number, tmp_path).callout is None

    customer = customers.create_customer(db, cashier, name="李四", phone="13900139000", address="广州")
    open_order = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, open_order, "YJ1000")
    on_the_spot = returns.create_return(db, cashier, open_order, [LineRequest(1, 1, "unwanted")])
    done = _sign_all(db, cashier, manager, on_the_spot.number, tmp_path)
    assert done.status == "complete" and done.callout is None  # netted off at settlement instead
    assert _refund_jobs(db) == []
    assert counter.amount_due(db, open_order).total == Money(0)


def test_a_refund_receipt_is_reprinted_from_the_queue_without_opening_the_drawer(db, cashier, manager, goods, tmp_path):
    number = _shipped(db, cashier, tmp_path)
    slip = returns.create_return(db, cashier, number, [LineRequest(2, 1, "wrong_item")])
    _sign_all(db, cashier, manager, slip.number, tmp_path)
    [(job_id, _uri)] = _refund_jobs(db)
    again_uri = f"file://{tmp_path / 'again.bin'}"
    [again] = printing.reprint_job(db, cashier, CTX, job_id, approval=MANAGER, printer_uri=again_uri)
    assert again.kind == "refund" and again.reprint == 1 and again.document == slip.number
    printed = decode(printing.job_payload(db, again.id))
    assert "退款收据" in printed.text and "重印 REPRINT 第1次" in printed.text and "退您 ￥128.00" in printed.text
    assert printed.drawer_pulses == 0
    with db.transaction() as s:
        assert s.scalars(select(PrintJob.kind).where(PrintJob.id > again.id)).all() == []  # no drawer job queued
    narrow = printing.redirect_job(db, cashier, CTX, again.id, f"file://{tmp_path / 'n.bin'}?paper=58")
    assert narrow.printer_uri.endswith("paper=58")  # built again for the narrower paper
