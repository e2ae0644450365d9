"""A remote customer's order at the real windows, start to call, by scans and keys: the slip scanned
at the counter, Ctrl+T for the payment notice, Ctrl+T again when the transfer comes; the bench
finds it in the queue marked remote and checks it with two packers; the shipping screen ships it
and the call is recorded."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton

from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.domain.remote import Source
from pos.services import bench, call_tasks, customers, orders, remote, staff
from pos.services.remote import RemoteOrder
from pos.ui.bench.dialogs import Copy3Dialog, StartCheckDialog
from pos.ui.counter.remote_dialogs import NoticeDialog, TransferDialog
from pos.ui.shipping.dialog import ShippingDialog
from pos.ui.shipping.shipment_form import ShipmentForm
from tests.conftest import ITEMS, add_products
from tests.services.shipping_setup import CONTEXT
from tests.ui.keyboard import activate, person_types, scan
from tests.ui.modal import when_modal

ACCOUNT = "中国工商银行 义乌分行 6222 0000 1234 5678 王丽"


def _people(db):
    admin = staff.sign_in(db, "9001", "9999")
    staff.add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    staff.add_staff(db, admin, login_code="2002", name="赵敏", roles="packer", pin="2323")
    add_products(db, "YJ1000", "BD2000")
    cashier = staff.sign_in(db, "1001", "1111")
    customers.create_customer(db, cashier, name="远方客户", phone="13700137000", address="新疆乌鲁木齐")
    return cashier


def test_a_remote_order_from_the_counter_to_the_call(qtbot, zh, ui_db, open_window, tmp_path):
    cashier = _people(ui_db)
    counter_window = open_window(ui_db, cashier, bank_accounts=ACCOUNT)
    page = counter_window.counter_page
    page.set_customer(customers.search(ui_db, "远方")[0])
    for _ in range(2):
        with qtbot.waitSignal(page.line_shown, timeout=5000):
            scan(page.table, ITEMS["YJ1000"][3])
    number = page.order
    seen = {}

    def at_notice(dialog):
        seen["accounts"] = ACCOUNT in dialog.text.toPlainText()
        dialog.freight_field.setFocus()
        dialog.send_by.setCurrentIndex(dialog.send_by.findData("中铁快运"))
        person_types(dialog.freight_field, "15")
        qtbot.waitUntil(lambda: "￥15.00" in dialog.text.toPlainText(), timeout=5000)
        seen["notice"] = dialog.text.toPlainText()
        dialog.print_button.click()  # send and print

    failures = when_modal(at_notice, kind=NoticeDialog)
    QTest.keyClick(counter_window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.status == OrderStatus.AWAITING_PAYMENT, timeout=10000)
    failures.check()
    assert seen["accounts"] and "运费（中铁快运）：￥15.00" in seen["notice"]
    assert "合计应转账：￥85.00" in seen["notice"]  # 2 × 35.00 + 15.00 freight
    assert "合计应转账：￥85.00" in QApplication.clipboard().text()
    assert "待转账" in page.status_label.text() or "等待转账" in page.status_label.text()
    scan(page.table, ITEMS["YJ1000"][3])  # the slip is frozen while the money is awaited
    qtbot.waitUntil(lambda: counter_window.sounds.played[-1:] == ["error"], timeout=5000)
    assert "等待客户转账" in page.message.text() and "Ctrl+T" in page.message.text()
    page.print_slip()  # F5 neither: the slip goes to the bench when its money is recorded
    assert "等待客户转账" in page.message.text()

    def at_transfer(dialog):
        dialog.reference.setFocus()
        person_types(dialog.reference, "TX8801")
        qtbot.waitUntil(lambda: dialog.reference.text() == "TX8801", timeout=5000)
        dialog.amount.setFocus()
        person_types(dialog.amount, "80")
        qtbot.waitUntil(lambda: "5.00" in dialog.difference.text(), timeout=5000)
        seen["difference"] = dialog.difference.text()
        dialog.record_button.click()

    failures = when_modal(at_transfer, kind=TransferDialog)
    QTest.keyClick(counter_window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.status == OrderStatus.PRINTED or bool(failures), timeout=10000)
    failures.check()
    assert "欠" in seen["difference"] or "余额" in seen["difference"]
    assert "¥5.00" in page.message.text()

    # the bench is another computer: this process's keyboard and scanner are the bench's from here
    counter_window.scan_filter.remove()
    counter_window.hide()
    bench_window = open_window(
        ui_db,
        staff.sign_in(ui_db, "2001", "2222"),
        station_name="打包台1",
        station_role="bench",
        printer_uri=f"file://{tmp_path / 'bench.bin'}",
    )
    bench_page = bench_window.bench_page
    qtbot.waitUntil(lambda: bench_page.queue_list.count() == 1, timeout=5000)
    seen["queue"] = bench_page.queue_list.item(0).text()

    def run_dialog(dialog):
        if isinstance(dialog, StartCheckDialog):
            seen["start"] = (dialog.absent.isChecked(), dialog.present.isEnabled(), not dialog.remote_note.isHidden())
            seen["send_by"] = dialog.send_by.currentData()  # as said with the notice
            dialog.second_login.setText("2002")
            dialog.second_pin.setText("2323")
            dialog._check()
            return dialog.result()
        assert isinstance(dialog, Copy3Dialog)
        dialog.here.setChecked(True)
        dialog.login.setText("2002")
        dialog.pin.setText("2323")
        dialog._check()
        return dialog.result()

    bench_page.run_dialog = run_dialog
    scan(bench_page.queue_list, number)
    qtbot.waitUntil(lambda: bench_page.current is not None, timeout=5000)
    assert seen["start"] == (True, False, True) and seen["send_by"] == "中铁快运"
    assert "远程" in bench_page.info_label.text()
    with qtbot.waitSignal(bench_page.tick_shown, timeout=5000):
        scan(bench_page.table, "2*YJ1000")
    activate(qtbot, bench_window)
    qtbot.keyClick(bench_window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bench_page.current.boxes[0].sealed, timeout=5000)
    activate(qtbot, bench_window)
    with qtbot.waitSignal(bench_page.completed, timeout=10000):
        qtbot.keyClick(bench_window, Qt.Key.Key_F6)
    assert bench.bench_view(ui_db, number).status == OrderStatus.SETTLED  # paid first: settled as checked
    assert "远程" in seen["queue"]

    def at_the_form(form):
        seen["payer"] = (form.payer.currentData(), form.paid_note.text())  # the freight was in the transfer
        scan(form.box_list, "ZT 5500 1")  # the waybill
        form.weight.setFocus()
        person_types(form.weight, "1.5")
        qtbot.waitUntil(lambda: form.weight.text() == "1.5", timeout=5000)
        form.record_button.click()

    def at_shipping(dialog):
        seen["form"] = when_modal(at_the_form, kind=ShipmentForm)
        scan(dialog.ready_table, f"{number}-B1")
        qtbot.waitUntil(lambda: "中铁快运" in dialog.done_label.text(), timeout=10000)
        activate(qtbot, dialog)
        QTest.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dialog.calls.table.rowCount() == 1, timeout=5000)
        seen["script"] = dialog.calls.script.text()
        activate(qtbot, dialog)
        QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # reached
        qtbot.waitUntil(lambda: dialog.calls.table.rowCount() == 0, timeout=5000)
        seen["called"] = dialog.done_label.text()
        dialog.accept()

    failures = when_modal(at_shipping, kind=ShippingDialog)
    activate(qtbot, bench_window)
    QTest.keyClick(bench_window, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "script" in seen or bool(failures), timeout=30000)
    failures.check()
    seen["form"].check()
    assert "ZT55001" in seen["script"] and seen["called"] == f"已联系上 远方客户：{number} 的电话已完成。"
    assert seen["payer"] == ("customer_to_us", "运费 ¥15.00 已随订单付给本店。")
    assert call_tasks.open_tasks(ui_db) == []
    assert [c.outcome for c in call_tasks.tasks_of(ui_db, number)[0].calls] == ["reached"]


def test_waiting_for_the_money_a_bad_transfer_is_refused_the_slip_reopened_then_voided(qtbot, zh, ui_db, open_window):
    cashier = _people(ui_db)
    customer = customers.search(ui_db, "远方")[0]
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "YJ1000")
    remote.send_notice(
        ui_db, cashier, CONTEXT, number, RemoteOrder(Source.WEBSITE), freight=Money(0), accounts=(ACCOUNT,)
    )
    window = open_window(ui_db, cashier, bank_accounts=ACCOUNT)
    page = window.counter_page
    scan(page.table, number)  # the notice's barcode, or the slip's
    qtbot.waitUntil(lambda: page.order == number, timeout=5000)
    seen = {}

    def refused_then_reopened(dialog):
        dialog.record_button.click()  # no reference typed
        seen["refused"] = (dialog.message.text(), dialog.isVisible())
        activate(qtbot, dialog)
        QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    failures = when_modal(refused_then_reopened, kind=TransferDialog)
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.status == OrderStatus.OPEN or bool(failures), timeout=5000)
    failures.check()
    assert "流水号" in seen["refused"][0] and seen["refused"][1]
    with qtbot.waitSignal(page.line_shown, timeout=5000):  # open again: the customer adds an item
        scan(page.table, ITEMS["YJ1000"][3])
    remote.send_notice(
        ui_db, cashier, CONTEXT, number, RemoteOrder(Source.WEBSITE), freight=Money(0), accounts=(ACCOUNT,)
    )
    scan(page.table, number)
    qtbot.waitUntil(lambda: page.status == OrderStatus.AWAITING_PAYMENT, timeout=5000)

    def void(dialog):
        seen["reason"] = when_modal(lambda asked: asked.accept(), kind=QInputDialog)
        dialog.findChild(QPushButton, "void_remote").click()

    failures = when_modal(void, kind=TransferDialog)
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.status == OrderStatus.VOIDED or bool(failures), timeout=5000)
    failures.check()
    seen["reason"].check()
    assert "已作废" in page.message.text()
