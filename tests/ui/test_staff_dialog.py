"""The Staff dialog (Ctrl+Shift+S): an admin deactivates, sets PINs and roles; refusals are shown
in Chinese and change nothing; only an admin gets the dialog; anyone changes their own PIN."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pos.domain.errors import AuthError
from pos.domain.roles import Role
from pos.services import staff
from pos.ui.staff_dialog import StaffDialog
from tests.ui.modal import when_modal


def _fill(login="", name="", roles=(), pin=None, again=None):
    def fill(form):
        form.login.setText(login)
        form.name.setText(name)
        for role in roles:
            form.role_boxes[role].setChecked(True)
        if pin is not None:
            form.pin.setText(pin)
            form.pin_again.setText(pin if again is None else again)
        form._check()
        return form.result()

    return fill


def _select(qtbot, dialog, login):
    qtbot.waitUntil(lambda: any(r.login_code == login for r in dialog.records))
    dialog.table.selectRow([r.login_code for r in dialog.records].index(login))


def _in_staff_dialog(qtbot, window, steps):
    failures = when_modal(lambda dialog: (steps(dialog), dialog.accept()), kind=StaffDialog)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    failures.check()


def _state(dialog, login):
    return dialog.table.item([r.login_code for r in dialog.records].index(login), 3).text()


def test_an_admin_deactivates_a_cashier_who_then_cannot_sign_in(qtbot, zh, ui_db, open_window):
    admin = staff.sign_in(ui_db, "9001", "9999")
    window = open_window(ui_db, admin)
    asked = []

    def steps(dialog):
        _select(qtbot, dialog, "1001")
        dialog.confirm = lambda text: asked.append(text) or True
        dialog.active_button.click()
        qtbot.waitUntil(lambda: _state(dialog, "1001") == "已停用")
        assert dialog.active_button.text() == "重新启用…"

    _in_staff_dialog(qtbot, window, steps)
    assert "王丽" in asked[0]
    with pytest.raises(AuthError):
        staff.sign_in(ui_db, "1001", "1111")


def test_an_admin_adds_a_packer_and_changes_a_pin_and_roles(qtbot, zh, ui_db, open_window):
    window = open_window(ui_db, staff.sign_in(ui_db, "9001", "9999"))

    def steps(dialog):
        dialog.run_dialog = _fill("2001", "李强", (Role.PACKER,), "222222")
        dialog.add_button.click()
        _select(qtbot, dialog, "2001")
        dialog.run_dialog = _fill(pin="135790")
        dialog.pin_button.click()
        qtbot.waitUntil(lambda: window.worker.pending == 0)
        dialog.run_dialog = _fill(roles=(Role.MANAGER,))
        dialog.roles_button.click()
        qtbot.waitUntil(lambda: "经理" in dialog.table.item(dialog.table.currentRow(), 2).text())

    _in_staff_dialog(qtbot, window, steps)
    assert staff.sign_in(ui_db, "2001", "135790").roles == {Role.PACKER, Role.MANAGER}


def test_a_bad_pin_is_refused_in_chinese_and_changes_nothing(qtbot, zh, ui_db, open_window):
    window = open_window(ui_db, staff.sign_in(ui_db, "9001", "9999"))

    def steps(dialog):
        _select(qtbot, dialog, "1001")
        dialog.run_dialog = _fill(pin="12")
        dialog.pin_button.click()
        qtbot.waitUntil(lambda: dialog.message.text() != "")
        assert dialog.message.text() == "密码为4至12位数字。"

    _in_staff_dialog(qtbot, window, steps)
    assert staff.sign_in(ui_db, "1001", "1111").login_code == "1001"


def test_two_different_pins_are_asked_again_in_the_form(qtbot, zh, ui_db, open_window):
    window = open_window(ui_db, staff.sign_in(ui_db, "9001", "9999"))

    def steps(dialog):
        _select(qtbot, dialog, "1001")
        dialog.run_dialog = _fill(pin="246810", again="246811")
        dialog.pin_button.click()  # the form stays open: rejected here, nothing sent

    _in_staff_dialog(qtbot, window, steps)
    assert staff.sign_in(ui_db, "1001", "1111").login_code == "1001"


def test_a_cashier_gets_no_staff_dialog_but_changes_her_own_pin(qtbot, zh, ui_db, open_window):
    window = open_window(ui_db, staff.sign_in(ui_db, "1001", "1111"))
    assert not window.staff_action.isVisible()
    window.open_staff()  # even called directly: nothing opens
    assert not any(isinstance(w, StaffDialog) for w in window.findChildren(QDialog))

    def my_pin(current):
        def fill(form):
            form.current_pin.setText(current)
            _fill(pin="864200")(form)
            form.accept()

        failures = when_modal(fill)
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        failures.check()

    my_pin("0000")  # someone at a station left signed in, not knowing her PIN
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "工号或密码错误。")
    assert staff.sign_in(ui_db, "1001", "1111").login_code == "1001"
    my_pin("1111")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "新密码已设置。")
    assert staff.sign_in(ui_db, "1001", "864200").login_code == "1001"
