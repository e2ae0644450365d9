"""The shipping screen, driven as the counter would: Shift+F11, the box labels and the waybill
scanned, the weight typed, Ctrl+Enter; then the call to the customer recorded by keys."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pos.db.models import PrintJob, Shipment
from pos.services import call_tasks, shipping, staff
from pos.ui.shipping.dialog import ShippingDialog
from pos.ui.shipping.shipment_form import ShipmentForm
from tests.conftest import ITEMS
from tests.services.shipping_setup import CONTEXT, packed_order
from tests.ui.keyboard import person_types, scan
from tests.ui.modal import when_modal


def _packed(db, tmp_path, send_by="中铁快运"):
    admin = staff.sign_in(db, "9001", "9999")
    staff.add_staff(db, admin, login_code="2001", name="李师傅", roles="packer", pin="2222")
    cashier = staff.sign_in(db, "1001", "1111")
    number = packed_order(db, cashier, staff.sign_in(db, "2001", "2222"), tmp_path)
    if send_by:
        shipping.set_send_by(db, cashier, number, send_by)
    return cashier, number


def test_boxes_and_waybill_scanned_ship_the_order_and_the_call_is_recorded(qtbot, zh, ui_db, open_window, tmp_path):
    cashier, number = _packed(ui_db, tmp_path)
    window = open_window(ui_db, cashier)
    seen = {}

    def at_the_form(form):
        seen["title"] = form.windowTitle()
        seen["first"] = list(form.boxes)
        scan(form.box_list, f"{number}-B1")  # the same label again
        qtbot.waitUntil(lambda: "扫描了两次" in form.message.text(), timeout=5000)
        asked = []
        form.confirm = lambda question: asked.append(question) or False  # "only 1 of 2 boxes?" No.
        scan(form.box_list, "ZT 66120098")  # not a label: the waybill
        form.record_button.click()
        seen["asked"] = (asked, form.isVisible(), window.worker.pending)
        scan(form.box_list, f"{number}-B2")
        form.weight.setFocus()
        person_types(form.weight, "3.2")
        qtbot.waitUntil(lambda: form.weight.text() == "3.2", timeout=5000)
        qtbot.waitUntil(lambda: "29.00" in form.quote.text(), timeout=5000)
        seen["form"] = (list(form.boxes), form.waybill.text(), form.carrier.currentData())
        QTest.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def at_shipping(dialog):
        qtbot.waitUntil(lambda: dialog.ready_table.rowCount() == 1, timeout=5000)
        seen["ready"] = dialog.ready_table.item(0, 0).text()
        scan(dialog.ready_table, ITEMS["YJ1000"][3])  # an item's barcode ships nothing
        qtbot.waitUntil(lambda: "箱标" in dialog.message.text(), timeout=5000)
        seen["form failures"] = when_modal(at_the_form, kind=ShipmentForm)
        scan(dialog.ready_table, f"{number}-B1")
        qtbot.waitUntil(lambda: "中铁快运" in dialog.done_label.text(), timeout=10000)
        qtbot.waitUntil(lambda: dialog.ready_table.rowCount() == 0, timeout=5000)
        QTest.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dialog.calls.table.rowCount() == 1, timeout=5000)
        seen["script"] = dialog.calls.script.text()
        QTest.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)  # no answer
        qtbot.waitUntil(lambda: dialog.calls.table.item(0, 3).text() == "1", timeout=5000)
        QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # reached
        qtbot.waitUntil(lambda: dialog.calls.table.rowCount() == 0, timeout=5000)
        QTest.keyClick(dialog, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dialog.record_table.rowCount() == 1, timeout=5000)
        seen["record"] = [dialog.record_table.item(0, c).text() for c in (1, 3, 4, 5, 6)]
        dialog.accept()

    failures = when_modal(at_shipping, kind=ShippingDialog)
    QTest.keyClick(window, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "record" in seen or bool(failures), timeout=30000)
    failures.check()
    seen["form failures"].check()
    assert seen["ready"] == number
    assert seen["title"] == f"发货：{number} 张三"
    assert seen["first"] == [1]
    assert seen["asked"] == (["本次发货只有 2 箱中的 1 箱；1 箱留下。确定记录吗？"], True, 0)
    assert seen["form"] == ([1, 2], "ZT 66120098", "中铁快运")
    assert "货单号 ZT66120098" in seen["script"]
    assert seen["record"] == [number, "中铁快运", "ZT66120098", "1、2", "¥29.00"]
    assert QApplication.activeModalWidget() is None
    with ui_db.read() as s:
        (shipment,) = s.scalars(select(Shipment)).all()
        assert shipment.customer_notified_at is not None and shipment.weight_grams == 3200
        assert s.scalar(select(PrintJob.kind).where(PrintJob.kind == "shipping-voucher")) == "shipping-voucher"
    assert call_tasks.open_tasks(ui_db) == []
    assert [c.outcome for c in call_tasks.tasks_of(ui_db, number)[0].calls] == ["no_answer", "reached"]


def test_an_order_not_packed_is_refused_at_the_shipping_screen(qtbot, zh, ui_db, open_window, tmp_path):
    cashier, number = _packed(ui_db, tmp_path, send_by="")
    window = open_window(ui_db, cashier)
    seen = {}

    def at_shipping(dialog):
        qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=5000)
        seen["rows"] = dialog.ready_table.rowCount()  # nobody said how it goes: not listed
        scan(dialog.ready_table, f"{number[:-1]}9-B1")  # a label of an order that does not exist
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=5000)
        seen["message"] = dialog.message.text()
        dialog.accept()

    failures = when_modal(at_shipping, kind=ShippingDialog)
    window.open_shipping()
    failures.check()
    assert seen["rows"] == 0
    assert "9" in seen["message"] and window.sounds.played[-1] == "error"
    with ui_db.read() as s:
        assert s.scalars(select(Shipment)).all() == []


def test_the_counter_shows_how_far_an_orders_shipping_got(qtbot, zh, ui_db, open_window, tmp_path):
    cashier, number = _packed(ui_db, tmp_path, send_by="顺丰")
    window = open_window(ui_db, cashier)
    page = window.counter_page
    scan(page, f"{number}-B2")  # a box label brought to the counter opens its order
    qtbot.waitUntil(lambda: page.order == number, timeout=5000)
    assert "发货：顺丰 · 待发货" in page.status_label.text()
    shipping.record_shipment(
        ui_db, cashier, CONTEXT, number, carrier="顺丰", waybill="SF77", box_labels=[f"{number}-B1"], grams=900
    )
    scan(page, number)
    qtbot.waitUntil(lambda: "部分已发" in page.status_label.text(), timeout=5000)


def test_a_box_already_shipped_and_a_slip_are_refused_in_the_form(qtbot, zh, ui_db, open_window, tmp_path):
    cashier, number = _packed(ui_db, tmp_path, send_by="顺丰")
    shipping.record_shipment(
        ui_db, cashier, CONTEXT, number, carrier="顺丰", waybill="SF1", box_labels=[f"{number}-B1"], grams=800
    )
    window = open_window(ui_db, cashier)
    seen = {}

    def at_the_form(form):
        seen["first"] = list(form.boxes)
        scan(form.box_list, f"{number}-B1")
        qtbot.waitUntil(lambda: "已经发出" in form.message.text(), timeout=5000)
        scan(form.box_list, number)  # the sales slip is not a waybill
        qtbot.waitUntil(lambda: "不是货单" in form.message.text(), timeout=5000)
        seen["form"] = (list(form.boxes), form.waybill.text(), form.boxes_note.text())
        asked = []
        form.confirm = lambda question: asked.append(question) or len(asked) > 1
        form.reject()  # Esc with a box scanned: asked first, and kept on "no"
        seen["kept"] = form.isVisible()
        form.reject()
        seen["asked"] = asked

    def at_shipping(dialog):
        qtbot.waitUntil(lambda: dialog.ready_table.rowCount() == 1, timeout=5000)
        seen["shipped"] = dialog.ready_table.item(0, 5).text()
        seen["form failures"] = when_modal(at_the_form, kind=ShipmentForm)
        scan(dialog.ready_table, f"{number}-B2")
        qtbot.waitUntil(lambda: "form" in seen, timeout=10000)
        dialog.accept()

    failures = when_modal(at_shipping, kind=ShippingDialog)
    window.open_shipping()
    failures.check()
    seen["form failures"].check()
    assert seen["shipped"] == "1" and seen["first"] == [2]
    assert seen["form"] == ([2], "", "尚未发出的 1 箱中已扫描 1 箱")
    assert seen["kept"] and seen["asked"] == ["关闭此表？已扫描的箱子不会被记录。"] * 2
