"""The counter by keyboard alone: lines chosen with the arrows, the lists and the quick notes by key,
and the line just scanned always in view."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from pos.services import customers
from pos.ui.counter.settle_dialog import SettleDialog
from tests.conftest import add_products
from tests.ui.keyboard import scan
from tests.ui.modal import when_modal
from tests.ui.test_counter import lines


def scanned(qtbot, page, *codes):
    for code in codes:
        with qtbot.waitSignal(page.line_shown, timeout=5000):
            scan(QApplication.focusWidget() or page, code)


def test_after_a_reload_the_arrows_choose_the_line_del_removes(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    add_products(window.db, "XL5000")
    page.set_customer(customers.search(window.db, "zs")[0])
    page.setFocus()
    scanned(qtbot, page, "YJ1000", "BD2000", "XL5000")
    number = page.order
    page.new_slip()  # set aside, then taken up again: the slip reloads
    page.take_up(number)
    qtbot.waitUntil(lambda: page.order == number and len(page.model.lines) == 3, timeout=5000)
    assert page.table.hasFocus()
    assert page._selected_line().item_code == "XL5000"  # a line is chosen: the last
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert page._selected_line().item_code == "BD2000"

    def yes(box):
        box.button(QMessageBox.StandardButton.Yes).click()

    failures = when_modal(yes, kind=QMessageBox)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    failures.check()
    qtbot.waitUntil(lambda: [ln.item_code for ln in page.model.lines] == ["YJ1000", "XL5000"], timeout=5000)
    assert lines(window.db) == [("YJ1000", 1), ("XL5000", 1)]


def test_the_line_just_scanned_stays_in_view_on_a_long_slip(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    codes = {f"T{n:04d}": (f"测试饰品{n}号", 1000 + n, 900 + n) for n in range(30)}
    add_products(window.db, **codes)
    page.set_customer(customers.search(window.db, "zs")[0])
    page.setFocus()
    viewport = page.table.viewport()
    for code in codes:
        scanned(qtbot, page, code)
        row = page.model.highlight
        qtbot.waitUntil(
            lambda row=row: viewport.rect().contains(page.table.visualRect(page.model.index(row, 4))), timeout=2000
        )
    page.table.selectRow(0)  # the cashier looks at the first line; a scan brings the view back
    scanned(qtbot, page, "YJ1000")
    row = page.model.highlight
    qtbot.waitUntil(lambda: viewport.rect().contains(page.table.visualRect(page.model.index(row, 4))), timeout=2000)
    assert page._selected_line().item_code == "YJ1000"


def test_the_set_aside_list_and_the_to_settle_list_by_key(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    zs = customers.search(window.db, "zs")[0]
    page.set_customer(zs)
    page.setFocus()
    scanned(qtbot, page, "YJ1000")
    first = page.order
    page.actions["new"].trigger()
    qtbot.waitUntil(lambda: page.held_list.count() == 1, timeout=5000)
    page.actions["ready"].trigger()  # nothing to settle: said, the focus stays
    assert "列表为空" in page.message.text() and page.table.hasFocus()
    page.actions["held"].trigger()
    assert page.held_list.hasFocus() and page.take_up_button.isEnabled()
    qtbot.keyClick(page.held_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.order == first, timeout=5000)
    assert page.table.hasFocus()


def test_quick_notes_by_function_key_in_the_settle_dialog(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    page.setFocus()
    scanned(qtbot, page, "YJ1000")  # ¥35.00: notes exact, ¥40, ¥50, ¥100
    seen = {}

    def notes(dialog):
        seen["labels"] = [dialog.findChild(QPushButton, f"quick_note_{i}").text() for i in range(1, 5)]
        dialog.activateWindow()  # as the window system does for a dialog that opens
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        qtbot.keyClick(dialog.cash, Qt.Key.Key_F3)
        qtbot.waitUntil(lambda: dialog.cash.text() != "", timeout=2000)  # a shortcut "clicks" its button
        seen["cash"] = dialog.cash.text()
        dialog.reject()

    failures = when_modal(notes, kind=SettleDialog)
    page.actions["settle"].trigger()
    qtbot.waitUntil(lambda: "cash" in seen or bool(failures), timeout=5000)
    failures.check()
    assert seen["labels"] == ["F1  刚好 ￥35.00", "F2  ￥40.00", "F3  ￥50.00", "F4  ￥100.00"]
    assert seen["cash"] == "50.00"


def test_a_price_change_by_keyboard_is_confirmed_in_the_strip(qtbot, zh, counter_window):
    from PySide6.QtWidgets import QInputDialog

    from pos.services import staff
    from pos.ui.approval import ApprovalDialog

    window, page = counter_window, counter_window.counter_page
    staff.add_staff(
        window.db,
        staff.sign_in(window.db, "9001", "9999"),
        login_code="3001",
        name="陈经理",
        roles="manager",
        pin="3333",
    )
    page.set_customer(customers.search(window.db, "zs")[0])
    page.setFocus()
    scanned(qtbot, page, "YJ1000", "BD2000")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)  # the ring

    def new_price(dialog):
        dialog.setTextValue("30")
        when_modal(approve, kind=ApprovalDialog)
        dialog.accept()

    def approve(dialog):
        dialog.login.setText("3001")
        dialog.pin.setText("3333")
        dialog.reason.setText("老客户")
        dialog._check()

    failures = when_modal(new_price, kind=QInputDialog)
    page.actions["price"].trigger()
    qtbot.waitUntil(lambda: "改" in page.message.text() or bool(failures), timeout=5000)
    failures.check()
    assert page.message.text() == "925银素圈戒指 改价：¥35.00 → ¥30.00。"
    assert [(ln.item_code, ln.unit_price_fen) for ln in page.model.lines] == [("YJ1000", 3000), ("BD2000", 12800)]


def test_loading_a_slip_clears_an_older_refusal(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    page.setFocus()
    scanned(qtbot, page, "YJ1000")
    number = page.order
    page.new_slip()
    page.actions["ready"].trigger()  # nothing to settle: refused in red
    assert page.message.property("tone") == "refused"
    scan(page.table, number)  # the slip's barcode
    qtbot.waitUntil(lambda: page.order == number, timeout=5000)
    qtbot.waitUntil(lambda: page.message.text() == "", timeout=2000)
    assert page.message.property("tone") != "refused"
