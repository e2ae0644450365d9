"""F2 at the counter: the cashier corrects a customer's record (name, phone, the address that
prints on box labels, type) by keyboard; a franchise contract changes only with a manager's PIN;
refusals show in Chinese in the dialog. Issue 10, Deliver 4."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.services import customers, staff
from pos.ui.approval import ApprovalDialog
from pos.ui.counter.customer_dialog import CustomerDialog
from tests.ui.keyboard import person_types
from tests.ui.modal import when_modal


@pytest.fixture
def counter_window(ui_db, open_window):
    """The signed-in counter, with a manager on staff and a wholesale and a franchise customer."""
    admin = staff.sign_in(ui_db, "9001", "9999")
    staff.add_staff(ui_db, admin, login_code="3001", name="陈经理", roles="manager", pin="3333")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    customers.create_customer(
        ui_db, cashier, name="李丽饰品店", phone="13900139000", address="广州", customer_type="franchise"
    )
    return open_window(ui_db, cashier)


def _find_and_edit(qtbot, dialog, query):
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    person_types(dialog.search, query)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    qtbot.keyClick(dialog.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1 and dialog.name.hasFocus())


def _audit(db, action):
    with db.transaction() as s:
        return [d.replace(" ", "") for d in s.scalars(select(AuditEvent.detail).where(AuditEvent.action == action))]


def test_the_cashier_corrects_the_address_of_the_customer_on_the_slip(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    seen = []

    def correct(dialog):
        _find_and_edit(qtbot, dialog, "8000")
        assert dialog.address.text() == "浙江省义乌市"
        assert not dialog.ratio.isEnabled() and not dialog.has_contract.isEnabled()  # a manager's
        dialog.address.setFocus()
        dialog.address.selectAll()
        person_types(dialog.address, "浙江省义乌市福田市场3区", enter=True)
        qtbot.waitUntil(lambda: dialog.edited is not None, timeout=5000)
        seen.append(dialog.message.text())
        assert dialog.pages.currentIndex() == 0 and dialog.size().height() <= 768
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    failures = when_modal(correct, kind=CustomerDialog)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    failures.check()
    assert seen == ["已保存：张三。"]
    assert customers.search(window.db, "zs")[0].address == "浙江省义乌市福田市场3区"
    assert page.customer.address == "浙江省义乌市福田市场3区"  # the slip's customer is shown as saved
    [detail] = _audit(window.db, "customer.update")
    assert '"address":{"new":"浙江省义乌市福田市场3区","old":"浙江省义乌市"}' in detail


def test_a_manager_enters_the_franchise_contract_in_the_same_dialog(qtbot, zh, counter_window):
    window = counter_window
    refusals = []

    def approve(login, pin):
        def fill(approval):
            approval.login.setText(login)
            approval.pin.setText(pin)
            approval.accept()

        return fill

    def contract(dialog):
        _find_and_edit(qtbot, dialog, "llsp")
        dialog.run_dialog = lambda d: (approve("1001", "1111")(d), d.result())[1]  # the cashier's own PIN
        qtbot.keyClick(dialog.name, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dialog.ratio.isEnabled())
        dialog.has_contract.setChecked(True)
        dialog.contract_start.setDate(date(2026, 1, 1))
        dialog.contract_end.setDate(date(2026, 12, 31))
        dialog.ratio.setValue(50)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: "他人" in dialog.message.text(), timeout=5000)  # her own request: refused
        refusals.append(dialog.message.text())
        assert not dialog.ratio.isEnabled()  # asked again, not resent
        dialog.run_dialog = lambda d: (approve("3001", "3333")(d), d.result())[1]
        qtbot.keyClick(dialog.name, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dialog.ratio.isEnabled())
        dialog.contract_start.setDate(date(2026, 12, 31))
        dialog.contract_end.setDate(date(2026, 1, 1))
        dialog.save_button.click()
        qtbot.waitUntil(lambda: "合同" in dialog.message.text(), timeout=5000)
        refusals.append(dialog.message.text())
        dialog.contract_start.setDate(date(2026, 1, 1))
        dialog.contract_end.setDate(date(2026, 12, 31))
        dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.edited is not None, timeout=5000)
        dialog.reject()

    failures = when_modal(contract, kind=CustomerDialog)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    failures.check()
    assert refusals[0] == "必须由他人批准：王丽 不能批准自己的请求。" and refusals[1] == "合同的结束日早于开始日。"
    shop = customers.search(window.db, "llsp")[0]
    assert (shop.contract_start, shop.contract_end, shop.return_ratio_permille) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        50,
    )
    [detail] = _audit(window.db, "customer.contract")
    assert '"return_ratio_permille":{"new":50,"old":0}' in detail
    assert _audit(window.db, "customer.update") == []  # the record itself did not change


def test_the_approval_dialog_is_the_managers(qtbot, zh, counter_window):
    dialog = CustomerDialog(counter_window)
    qtbot.addWidget(dialog)
    asked = []
    dialog.run_dialog = lambda d: asked.append(isinstance(d, ApprovalDialog)) or 0
    dialog.unlock_contract()
    assert asked == [True] and dialog.approval is None


def test_the_arrows_pick_among_the_customers_found_and_ctrl_e_edits_that_one(qtbot, zh, counter_window):
    """Typing stays in the search field; ↓/↑ move the choice in the list below it, and Ctrl+E (which
    a line edit on X11 would take as 'end of line') opens the one chosen."""
    window = counter_window
    edited = []

    def pick_second(dialog):
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        person_types(dialog.search, "13")  # both customers' phones start with 13
        qtbot.waitUntil(lambda: dialog.list.count() == 2)
        first = dialog.list.currentRow()
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
        assert dialog.list.currentRow() == min(first + 1, 1) and dialog.search.hasFocus()
        qtbot.keyClick(dialog.search, Qt.Key.Key_Up)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
        chosen = dialog.list.currentItem().text()
        qtbot.keyClick(dialog.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
        edited.append((chosen, dialog.name.text()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    failures = when_modal(pick_second, kind=CustomerDialog)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    failures.check()
    [(chosen, name)] = edited
    assert name and name in chosen
