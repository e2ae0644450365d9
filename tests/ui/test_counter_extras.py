"""Counter conveniences a cashier expects from any till, driven through the real window: codes
typed with a Chinese input method, the new-customer form by keyboard, the customer's balance,
the after-sales note, a changed price marked, large quantities confirmed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox
from sqlalchemy import func, select

from pos.db.models import Customer, OrderLine, Product
from pos.services import customers, staff
from pos.ui.approval import ApprovalDialog
from pos.ui.counter.code_dialog import CodeDialog
from pos.ui.counter.customer_dialog import CustomerDialog
from tests.ui.keyboard import person_types, scan
from tests.ui.modal import when_modal


def stored_lines(db):
    with db.transaction() as s:
        return s.execute(select(OrderLine.item_code, OrderLine.quantity).order_by(OrderLine.position)).all()


def ime_commits(widget, text):
    """What a Chinese input method delivers: the composed text committed in one event."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(qtbot, widget, key):
    qtbot.keyClick(widget, key)


def test_lower_case_code_scanned_at_the_counter_is_the_item(qtbot, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "2*yj1000")
    assert stored_lines(window.db) == [("YJ1000", 2)]


@pytest.mark.parametrize("typed, expected", [("ＹＪ１０００", ("YJ1000", 1)), ("３＊ＹＪ１０００", ("YJ1000", 3))])
def test_full_width_code_typed_in_f3_is_the_item(qtbot, counter_window, typed, expected):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])

    def type_code(dialog):
        field = dialog.findChild(QLineEdit)
        ime_commits(field, typed)
        assert field.text() == typed
        press(qtbot, field, Qt.Key.Key_Return)

    failures = when_modal(type_code, kind=CodeDialog)
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        press(qtbot, window, Qt.Key.Key_F3)
    failures.check()
    assert stored_lines(window.db) == [expected]


def new_customer(qtbot, dialog):
    """Ctrl+N in the customer search: the form for a new record."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)


def count_customers(db):
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(Customer))


def test_enter_saves_the_new_customer_form_or_points_at_what_is_missing(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    seen = []

    def fill_in(dialog):
        new_customer(qtbot, dialog)
        assert dialog.pages.currentIndex() == 1 and dialog.name.hasFocus()
        ime_commits(dialog.name, "李四")
        person_types(dialog.name, "", enter=True)  # no phone yet
        qtbot.waitUntil(lambda: dialog.phone.hasFocus())
        seen.append(dialog.message.text())
        person_types(dialog.phone, "13912345678")
        qtbot.waitUntil(lambda: dialog.phone.text() == "13912345678")
        person_types(dialog.phone, "", enter=True)  # no address yet
        qtbot.waitUntil(lambda: dialog.address.hasFocus())
        seen.append(dialog.message.text())
        assert count_customers(window.db) == 1  # nothing was sent for an incomplete form
        ime_commits(dialog.address, "浙江省义乌市")
        person_types(dialog.address, "", enter=True)

    failures = when_modal(fill_in, kind=CustomerDialog)
    press(qtbot, window, Qt.Key.Key_F2)
    failures.check()
    assert seen == ["电话号码为6至20位数字（可含空格和“-”）。", "必须填写客户地址。"]
    assert count_customers(window.db) == 2
    assert page.customer is not None and (page.customer.name, page.customer.phone) == ("李四", "13912345678")


def test_enter_on_an_empty_new_customer_form_names_the_name_first(qtbot, zh, counter_window):
    def empty_enter(dialog):
        new_customer(qtbot, dialog)
        dialog.address.setFocus()
        person_types(dialog.address, "", enter=True)
        qtbot.waitUntil(lambda: dialog.name.hasFocus())
        assert dialog.message.text() == "必须填写客户姓名。"
        assert dialog.isVisible()
        dialog.reject()

    failures = when_modal(empty_enter, kind=CustomerDialog)
    press(qtbot, counter_window, Qt.Key.Key_F2)
    failures.check()
    assert count_customers(counter_window.db) == 1


def set_balance(db, phone, fen):
    with db.transaction() as s:
        s.scalars(select(Customer).where(Customer.phone == phone)).one().balance_fen = fen


def choose_by_phone_ending(qtbot, window, ending):
    """F2, the last digits of the phone typed, Enter on the customer found."""
    shown = []

    def find(dialog):
        person_types(dialog.search, ending)
        qtbot.waitUntil(lambda: dialog.list.count() == 1)
        shown.append(dialog.list.item(0).text())
        person_types(dialog.search, "", enter=True)

    failures = when_modal(find, kind=CustomerDialog)
    press(qtbot, window, Qt.Key.Key_F2)
    failures.check()
    return shown[0]


@pytest.mark.parametrize("fen, zh_text", [(-5000, "预存 ¥50.00"), (12000, "欠款 ¥120.00")])
def test_customer_chosen_by_phone_ending_shows_credit_or_debt(qtbot, zh, counter_window, fen, zh_text):
    window, page = counter_window, counter_window.counter_page
    set_balance(window.db, "13800138000", fen)
    listed = choose_by_phone_ending(qtbot, window, "8000")
    assert page.customer is not None and page.customer.name == "张三"
    assert zh_text in page.customer_details.text()
    assert zh_text in listed


def test_credit_in_english(qtbot, counter_window):
    window, page = counter_window, counter_window.counter_page
    set_balance(window.db, "13800138000", -5000)
    choose_by_phone_ending(qtbot, window, "38000")
    assert "credit ¥50.00" in page.customer_details.text() and "owes" not in page.customer_details.text()


def test_scanned_items_after_sales_note_is_in_the_message_strip(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    with window.db.transaction() as s:
        s.scalars(
            select(Product).where(Product.item_code == "YJ1000")
        ).one().after_sales_note = "产地义乌；925银；勿沾水"
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "YJ1000")
    assert "售后：产地义乌；925银；勿沾水" in page.message.text()
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "BD2000")
    assert "售后" not in page.message.text()  # the note belongs to the item just scanned


def test_a_changed_price_is_marked_on_the_line(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    admin = staff.sign_in(window.db, "9001", "9999")
    staff.add_staff(window.db, admin, login_code="3001", name="陈经理", roles="manager", pin="3333")
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "3*YJ1000")
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "BD2000")
    page.table.selectRow(0)

    def new_price(dialog):
        field = dialog.findChild(QLineEdit)
        field.selectAll()
        person_types(field, "30", enter=True)

    def manager_approves(dialog):
        ime_commits(dialog.login, "3001")
        ime_commits(dialog.pin, "3333")
        ime_commits(dialog.reason, "老客户")
        person_types(dialog.reason, "", enter=True)

    failures = when_modal(new_price, kind=QInputDialog)
    approval = when_modal(manager_approves, kind=ApprovalDialog)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    failures.check()
    approval.check()
    qtbot.waitUntil(lambda: page.model.lines[0].unit_price_fen == 3000)
    price = page.model.index(0, 2)
    assert price.data() == "改价 30.00"
    assert price.data(Qt.ItemDataRole.ToolTipRole) == "改价，原价 ¥35.00"
    assert price.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#e65100"
    assert page.model.index(1, 2).data() == "128.00"
    assert page.model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) is None


def test_a_scan_of_150_is_refused_and_points_to_f4(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    scan(window.station_switch, "150*YJ1000")
    qtbot.waitUntil(lambda: "F4" in page.message.text())
    assert "150 × YJ1000" in page.message.text() and "须确认" in page.message.text()
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert stored_lines(window.db) == []
    assert page.model.lines == []


@pytest.mark.parametrize("confirm, stored", [(False, 2), (True, 150)])
def test_f4_quantity_of_150_asks_first(qtbot, zh, counter_window, confirm, stored):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "2*YJ1000")
    page.table.selectRow(0)
    asked = []

    def new_quantity(dialog):
        field = dialog.findChild(QLineEdit)
        field.selectAll()
        person_types(field, "150", enter=True)

    def answer(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.No).click()

    typed = when_modal(new_quantity, kind=QInputDialog)
    confirmed = when_modal(answer, kind=QMessageBox)
    press(qtbot, window, Qt.Key.Key_F4)
    typed.check()
    qtbot.waitUntil(lambda: bool(asked))
    confirmed.check()
    assert "150" in asked[0] and "925银素圈戒指" in asked[0]
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert stored_lines(window.db) == [("YJ1000", stored)]
    qtbot.waitUntil(lambda: page.model.lines[0].quantity == stored)
