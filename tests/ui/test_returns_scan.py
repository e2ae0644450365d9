"""Return of a past order: the sales slip's barcode scanned into the order prompt goes through the
application's scan router to the prompt's declared meaning (a slip number); anything else scanned
there is refused and changes nothing."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pos.config import Settings
from pos.db.models import Order
from pos.devices.speech import Speaker
from pos.domain.settlement import Tender
from pos.services import counter, customers, orders, returns, staff
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest
from pos.services.staff import Approval
from pos.ui.feedback import Sounds
from pos.ui.main_window import MainWindow
from pos.ui.returns.new_return import RETURN, NewReturnDialog
from pos.ui.returns.order_prompt import ReturnOrderDialog
from pos.ui.returns.signature import ReturnSignatureDialog
from pos.ui.returns_dialog import ReturnsDialog
from tests.conftest import ITEMS, add_products
from tests.ui.keyboard import scan
from tests.ui.modal import when_modal


def _modal(qtbot, kind):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5000)
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()  # as the window system does for a new modal dialog
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    return dialog


def test_a_scanned_sales_slip_opens_its_return_and_other_scans_are_refused(qtbot, zh, ui_db, tmp_path):
    add_products(ui_db, "YJ1000", "BD2000")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customer = customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "2*BD2000")
    window = MainWindow(
        ui_db,
        Settings(station_name="结算台1", printer_uri=f"file://{tmp_path / 'out.bin'}"),
        save=lambda s: None,
        sounds=Sounds(enabled=False),
        speaker=Speaker(),
    )
    qtbot.addWidget(window)
    window._signed_in(staff.sign_in(ui_db, "1001", "1111"))
    screen = ReturnsDialog(window, window)
    qtbot.addWidget(screen)
    screen.show()
    seen = {}

    def at_the_prompt():
        prompt = _modal(qtbot, ReturnOrderDialog)
        prompt.field.setFocus()
        prompt.field.setText("zs")  # the cashier began typing the customer's initials, then took the scanner
        scan(prompt.field, ITEMS["YJ1000"][3])  # an item's barcode means nothing here
        qtbot.waitUntil(lambda: "不是销售单号" in prompt.message.text(), timeout=5000)
        seen["after item"] = (prompt.isVisible(), prompt.field.text(), window.sounds.played[-1:])
        QTimer.singleShot(0, at_the_lines)
        scan(prompt.field, number)  # the sales slip's barcode
        qtbot.waitUntil(lambda: not prompt.isVisible(), timeout=5000)
        seen["query"] = prompt.query

    def at_the_lines(tries=500):  # polls without blocking: the lines dialog opens once the order is loaded
        lines = QApplication.activeModalWidget()
        if not isinstance(lines, NewReturnDialog):
            if tries:
                QTimer.singleShot(10, lambda: at_the_lines(tries - 1))
            return
        seen["lines"] = lines.windowTitle()
        lines.reject()

    QTimer.singleShot(0, at_the_prompt)
    screen.new_return()
    qtbot.waitUntil(lambda: "lines" in seen, timeout=5000)
    assert seen["after item"] == (True, "zs", ["error"])
    assert seen["query"] == number
    assert seen["lines"] == f"新建退货：{number} 张三"


def _shipped_return(db, tmp_path):
    """A settled order sent to a remote customer, with a return slip the handler has signed."""
    admin = staff.sign_in(db, "9001", "9999")
    staff.add_staff(db, admin, login_code="3001", name="陈经理", roles="manager", pin="3333")
    add_products(db, "YJ1000", "BD2000")
    cashier = staff.sign_in(db, "1001", "1111")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "3*YJ1000")
    orders.add_scan(db, cashier, number, "BD2000")
    due = counter.amount_due(db, number).total
    counter.settle(
        db,
        cashier,
        PrintContext(station="结算台1"),
        number,
        [Tender("cash", due, due)],
        no_packing=True,
        printer_uri=f"file://{tmp_path / 'sale.bin'}",
    )
    with db.transaction() as s:
        s.scalar(select(Order).where(Order.number == number)).customer_mode = "absent"
    slip = returns.create_return(db, cashier, number, [LineRequest(2, 1, "wrong_item")])
    returns.sign(db, cashier, slip.number, "handler", signer=Approval("1001", "1111"))
    return number, slip.number


def _station(qtbot, db, tmp_path):
    window = MainWindow(
        db,
        Settings(station_name="结算台1", printer_uri=f"file://{tmp_path / 'out.bin'}"),
        save=lambda s: None,
        sounds=Sounds(enabled=False),
        speaker=Speaker(),
    )
    qtbot.addWidget(window)
    window._signed_in(staff.sign_in(db, "1001", "1111"))
    return window


REFUSED = "扫码在此无效：请先关闭此窗口。"


def test_stray_scans_on_the_returns_screen_and_the_signature_pad_change_nothing(qtbot, zh, ui_db, tmp_path):
    number, slip_number = _shipped_return(ui_db, tmp_path)
    window = _station(qtbot, ui_db, tmp_path)
    seen = {}

    def on_screen(screen):
        qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=5000)
        window.sounds.played.clear()
        screen.customer.setFocus()
        scan(screen.customer, ITEMS["YJ1000"][3])
        seen["screen"] = (screen.customer.text(), screen.message.text(), list(window.sounds.played))

        def on_pad(pad):
            scan(pad.pad, number)  # the sales slip's barcode, while the customer is to sign
            seen["pad"] = (pad.pad.is_empty, pad.message.text(), pad.isVisible())
            pad.reject()
            screen.reject()

        seen["pad failures"] = when_modal(on_pad, kind=ReturnSignatureDialog)
        screen.table.selectRow(0)
        screen.sign_next()

    failures = when_modal(on_screen, kind=ReturnsDialog)
    window.open_returns()
    failures.check()
    seen["pad failures"].check()
    assert seen["screen"] == ("", REFUSED, ["error"])  # nothing typed into the customer filter
    assert seen["pad"] == (True, REFUSED, True)
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert returns.get(ui_db, slip_number).missing == ("customer", "manager")


def test_a_stray_scan_into_the_new_return_lines_changes_none_of_them(qtbot, zh, ui_db, tmp_path):
    number, _slip = _shipped_return(ui_db, tmp_path)
    window = _station(qtbot, ui_db, tmp_path)
    seen = {}

    def on_lines(lines):
        lines.table.item(0, RETURN).setData(Qt.ItemDataRole.EditRole, 2)
        lines.table.setFocus()
        lines.table.setCurrentCell(0, RETURN)
        scan(lines.table, "6971230000013")  # digits that would become a quantity if typed
        seen["lines"] = (
            [lines.quantity(row) for row in range(lines.table.rowCount())],
            lines.message.text(),
            lines.isVisible(),
        )
        lines.reject()
        screen.reject()

    def on_screen(dialog):
        nonlocal screen
        screen = dialog
        seen["lines failures"] = when_modal(on_lines, kind=NewReturnDialog)
        seen["prompt failures"] = when_modal(lambda prompt: scan(prompt.field, number), kind=ReturnOrderDialog)
        dialog.new_return()

    screen = None
    failures = when_modal(on_screen, kind=ReturnsDialog)
    window.open_returns()
    for found in (failures, seen["prompt failures"], seen["lines failures"]):
        found.check()
    assert seen["lines"] == ([2, 0], REFUSED, True)
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert len(returns.for_order(ui_db, number)) == 1  # the one made before; none from the scan
