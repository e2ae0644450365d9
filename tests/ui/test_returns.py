"""The returns screen: from a crossed item at the bench to three signatures and the printed slip;
a refused return and its manager override."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from pos.config import Settings
from pos.db.models import AuditEvent
from pos.devices.speech import Speaker
from pos.domain.errors import Conflict
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import bench, counter, customers, orders, returns, staff
from pos.services.printing import PrintContext
from pos.services.staff import Approval
from pos.ui.approval import ApprovalDialog
from pos.ui.feedback import Sounds
from pos.ui.i18n import error_text
from pos.ui.main_window import MainWindow
from pos.ui.returns.new_return import NewReturnDialog
from pos.ui.returns.order_prompt import ReturnOrderDialog
from pos.ui.returns.signature import ReturnSignatureDialog
from pos.ui.returns_dialog import ReturnsDialog
from tests.conftest import add_products


def _setup(db, tmp_path):
    admin = staff.sign_in(db, "9001", "9999")
    for login, name, roles, pin in (("2001", "李强", "packer", "2222"), ("3001", "陈经理", "manager", "3333")):
        staff.add_staff(db, admin, login_code=login, name=name, roles=roles, pin=pin)
    add_products(db, "YJ1000", "BD2000")
    cashier = staff.sign_in(db, "1001", "1111")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    return cashier, customer


def _window(qtbot, db, tmp_path):
    settings = Settings(station_name="结算台1", printer_uri=f"file://{tmp_path / 'out.bin'}")
    window = MainWindow(db, settings, save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker())
    qtbot.addWidget(window)
    window._signed_in(staff.sign_in(db, "1001", "1111"))
    return window


def test_crossed_item_to_three_signatures_and_the_printed_slip(qtbot, zh, ui_db, tmp_path):
    cashier, customer = _setup(ui_db, tmp_path)
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "2*BD2000")
    counter.print_for_checking(ui_db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 's.bin'}")
    packer = staff.sign_in(ui_db, "2001", "2222")
    bench.start_check(ui_db, packer, number, "present")
    view = bench.cross_out(ui_db, packer, number, 1, 1, "unwanted")
    slip_number = view.open_returns[0]

    window = _window(qtbot, ui_db, tmp_path)
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 0).text() == slip_number
    assert dialog.table.item(0, 5).text() == "经手人、客户、部门经理"

    def run_dialog(d):
        if isinstance(d, ReturnSignatureDialog):
            d.show()
            qtbot.mousePress(d.pad, Qt.MouseButton.LeftButton, pos=QPoint(10, 50))
            for x in range(20, 200, 20):
                qtbot.mouseMove(d.pad, QPoint(x, 60))
            qtbot.mouseRelease(d.pad, Qt.MouseButton.LeftButton, pos=QPoint(200, 60))
            d._check()
            return d.result()
        assert isinstance(d, ApprovalDialog)
        handler = "经手人" in d.windowTitle() + "".join(lbl.text() for lbl in d.findChildren(type(d.message)))
        d.login.setText("2001" if handler else "3001")
        d.pin.setText("2222" if handler else "3333")
        return QDialog.DialogCode.Accepted

    dialog.run_dialog = run_dialog
    for expected_missing in ("客户、部门经理", "部门经理", None):
        dialog.table.selectRow(0)
        dialog.sign_next()
        if expected_missing:
            qtbot.waitUntil(lambda e=expected_missing: dialog.table.item(0, 5).text() == e, timeout=5000)
        else:  # complete: no longer awaiting signatures
            qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    assert returns.get(ui_db, slip_number).status == "complete"
    dialog.status.setCurrentIndex(dialog.status.findData("complete"))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    dialog.table.selectRow(0)
    dialog.print_selected()
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    Spooler(ui_db, "结算台1").process_due()
    text = decode((tmp_path / "out.bin").read_bytes()).text
    assert f"退货单号：{slip_number}" in text and "三方已签字，退货单已生效" in text
    assert "经手人：李强" in text and "部门经理：陈经理" in text


def test_refused_return_of_collected_goods_and_the_manager_override(qtbot, zh, ui_db, tmp_path):
    cashier, customer = _setup(ui_db, tmp_path)
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "YJ1000")
    counter.settle(
        ui_db,
        cashier,
        PrintContext(station="结算台1"),
        number,
        [Tender("cash", Money(3500), Money(3500))],
        printer_uri=f"file://{tmp_path / 'r.bin'}",
        no_packing=True,
    )
    window = _window(qtbot, ui_db, tmp_path)
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    prompts = []

    def approve(d):
        prompts.append(d.prompt.text())
        d.login.setText("3001")
        d.pin.setText("3333")
        d.reason.setText("商品未拆封，经理同意")
        return QDialog.DialogCode.Accepted

    def run_dialog(d):
        assert isinstance(d, NewReturnDialog)
        d.run_dialog = approve
        d.show()
        d.table.item(0, 4).setData(Qt.ItemDataRole.EditRole, 1)
        d._check()
        qtbot.waitUntil(lambda: d.result() == QDialog.DialogCode.Accepted, timeout=5000)
        return d.result()

    dialog.run_dialog = run_dialog
    dialog._ask_lines(counter.order_view(ui_db, number))
    assert "亲自提货" in prompts[0]
    qtbot.waitUntil(lambda: len(returns.list_slips(ui_db)) == 1, timeout=5000)
    with ui_db.transaction() as s:
        assert s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "return.override")).count("未拆封") == 1


def test_franchise_allowance_is_shown_when_starting_a_return(qtbot, zh, ui_db, tmp_path, monkeypatch):
    cashier, _ = _setup(ui_db, tmp_path)
    shop = customers.create_customer(
        ui_db, cashier, name="李丽饰品店", phone="13900139000", address="广州", customer_type="franchise"
    )
    today = ui_db.business_day()
    customers.set_contract(
        ui_db,
        staff.sign_in(ui_db, "3001", "3333"),
        shop.number,
        start=today.replace(day=1),
        end=today.replace(year=today.year + 1),
        ratio_permille=100,
    )
    number = orders.open_order(ui_db, cashier, shop.number)
    orders.add_scan(ui_db, cashier, number, "BD2000")
    counter.settle(
        ui_db,
        cashier,
        PrintContext(station="结算台1"),
        number,
        [Tender("cash", Money(11520), Money(11520))],
        printer_uri=f"file://{tmp_path / 'r.bin'}",
        no_packing=True,
    )
    window = _window(qtbot, ui_db, tmp_path)
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    shown = []

    def run_dialog(d):
        if isinstance(d, ReturnOrderDialog):
            d.field.setText(number)
            return QDialog.DialogCode.Accepted
        shown.append(d.allowance.text())
        return QDialog.DialogCode.Rejected

    dialog.run_dialog = run_dialog
    dialog.new_return()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0] == "加盟退货额度：¥11.52，已用 ¥0.00，剩余 ¥11.52。"
    customers.set_contract(
        ui_db, staff.sign_in(ui_db, "3001", "3333"), shop.number, start=None, end=None, ratio_permille=100
    )  # the contract taken off the record
    dialog.new_return()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert shown[1] == "未登记加盟合同：没有退货额度（质量问题除外）。"


def test_a_past_order_is_found_by_the_customer(qtbot, zh, ui_db, tmp_path, monkeypatch):
    cashier, customer = _setup(ui_db, tmp_path)
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "YJ1000")
    window = _window(qtbot, ui_db, tmp_path)
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    offered, shown = [], []
    monkeypatch.setattr(
        "pos.ui.returns_dialog.QInputDialog.getItem",
        staticmethod(lambda parent, title, label, items, *a, **k: offered.extend(items) or (items[0], True)),
    )

    def run_dialog(d):
        if isinstance(d, ReturnOrderDialog):
            d.field.setText("zs")
            return QDialog.DialogCode.Accepted
        shown.append(d.windowTitle())
        return QDialog.DialogCode.Rejected

    dialog.run_dialog = run_dialog
    dialog.new_return()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert offered[0].startswith(number) and shown[0] == f"新建退货：{number} 张三"


def test_refusals_to_sign_read_without_english_codes(qtbot, zh, ui_db, tmp_path):
    cashier, customer = _setup(ui_db, tmp_path)
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "YJ1000")
    slip = returns.create_return(ui_db, cashier, number, [returns.LineRequest(1, 1, "unwanted")])
    returns.sign(ui_db, cashier, slip.number, "customer", method="paper")
    with pytest.raises(Conflict) as signed:
        returns.sign(ui_db, cashier, slip.number, "customer", method="paper")
    assert error_text(signed.value) == f"退货单 {slip.number} 客户已签字。"
    returns.void(ui_db, cashier, Approval("3001", "3333"), slip.number, "客户改主意")
    with pytest.raises(Conflict) as set_aside:
        returns.sign(ui_db, cashier, slip.number, "handler", signer=Approval("1001", "1111"))
    assert error_text(set_aside.value) == f"退货单 {slip.number} 已作废，不能再签字。"


def test_a_signature_given_at_another_station_shows_without_a_click(qtbot, zh, ui_db, tmp_path):
    cashier, customer = _setup(ui_db, tmp_path)
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "2*BD2000")
    counter.print_for_checking(ui_db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 's.bin'}")
    packer = staff.sign_in(ui_db, "2001", "2222")
    bench.start_check(ui_db, packer, number, "present")
    window = _window(qtbot, ui_db, tmp_path)
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert dialog.table.rowCount() == 0
    slip_number = bench.cross_out(ui_db, packer, number, 1, 1, "unwanted").open_returns[0]  # at the bench
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=8000)
    assert dialog.table.item(0, 0).text() == slip_number and dialog.selected().number == slip_number
    before = dialog.table.item(0, 5).text()
    returns.sign(ui_db, packer, slip_number, "handler", signer=Approval("2001", "2222"))  # signed at the bench
    qtbot.waitUntil(lambda: dialog.table.item(0, 5).text() != before, timeout=8000)
    assert "经手人" not in dialog.table.item(0, 5).text() and dialog.selected().number == slip_number
