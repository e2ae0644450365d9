"""Settings: protected from whoever stands at a signed-out station, money settings need a manager,
every change audited; the dialog fits 1024x768 and Enter saves or points at what is wrong."""

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from pos.config import Settings
from pos.db.models import AuditEvent
from pos.services import staff
from pos.services.staff import add_staff
from pos.ui.approval import ApprovalDialog
from pos.ui.settings_dialog import SettingsDialog
from tests.ui.modal import when_modal


def approve(login, pin):
    def act(dialog):
        dialog.login.setText(login)
        dialog.pin.setText(pin)
        QTest_enter(dialog.pin)

    return act


def QTest_enter(widget):  # noqa: N802 - reads like the key it presses
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, Qt.Key.Key_Return)


def settings_changes(db):
    with db.transaction() as session:
        return [
            (e.actor_id, json.loads(e.detail))
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.change"))
        ]


def open_with_ctrl_comma(qtbot, window):
    window.activateWindow()  # the shortcut belongs to the active window; a dialog just closed
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)


def test_signed_out_settings_need_an_admin_and_the_change_is_audited(qtbot, zh, window, saved):
    assert window.staff is None
    seen = []
    when_modal(lambda d: (seen.append(d.windowTitle()), approve("1001", "1111")(d)), kind=ApprovalDialog)
    open_with_ctrl_comma(qtbot, window)  # a cashier's PIN does not open them
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    qtbot.waitUntil(lambda: window.sign_in_page.message.text() != "")
    assert window.sign_in_page.message.text() == "王丽无权执行此操作：需要管理员角色。"
    assert seen and not isinstance(QApplication.activeModalWidget(), SettingsDialog)
    assert saved == [] and settings_changes(window.db) == []

    def change_printer(dialog):
        dialog.printer_uri.setText("tcp://192.168.1.50:9100")
        QTest_enter(dialog.printer_uri)  # Enter saves a valid form

    when_modal(approve("9001", "9999"), kind=ApprovalDialog)
    when_modal(change_printer, kind=SettingsDialog)
    open_with_ctrl_comma(qtbot, window)
    qtbot.waitUntil(lambda: saved != [], timeout=5000)
    assert saved[-1].printer_uri == "tcp://192.168.1.50:9100"
    assert window.staff is None  # opening the settings signs nobody in
    [(actor_id, detail)] = settings_changes(window.db)
    assert actor_id == staff.sign_in(window.db, "9001", "9999").id
    assert detail["changes"] == {"printer_uri": ["preview:", "tcp://192.168.1.50:9100"]}


def test_a_wrong_admin_pin_or_cancel_leaves_the_settings_shut(qtbot, zh, window, saved):
    when_modal(lambda d: d.reject(), kind=ApprovalDialog)
    open_with_ctrl_comma(qtbot, window)
    assert window.worker.pending == 0
    when_modal(approve("9001", "0000"), kind=ApprovalDialog)
    open_with_ctrl_comma(qtbot, window)
    qtbot.waitUntil(lambda: window.sign_in_page.message.text() == "工号或密码错误。")
    # the check came back refused: nothing is in flight that could still open the settings
    assert window.worker.pending == 0
    assert not isinstance(QApplication.activeModalWidget(), SettingsDialog) and saved == []


@pytest.fixture
def signed_in_cashier(window):
    add_staff(
        window.db,
        staff.sign_in(window.db, "9001", "9999"),
        login_code="3001",
        name="陈经理",
        roles="manager",
        pin="3333",
    )
    window.staff = staff.sign_in(window.db, "1001", "1111")
    window._show_page()
    return window


def test_a_cashier_opens_settings_but_the_drawer_needs_a_managers_pin(qtbot, zh, signed_in_cashier, saved):
    window = signed_in_cashier
    asked, between = [], []

    def change_drawer(dialog):
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
        dialog.drawer_pin.setCurrentIndex(dialog.drawer_pin.findData("5"))
        dialog.shop_name.setText("新店")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    def refuse_then_approve(dialog):
        asked.append(dialog.windowTitle())
        if len(asked) == 1:
            dialog.reject()  # no manager at hand: nothing is saved, the dialog stays
            QTimer.singleShot(
                0,
                lambda: (
                    between.append((settings.message.text(), list(saved), settings_changes(window.db))),
                    when_modal(refuse_then_approve, kind=ApprovalDialog),
                    settings.buttons.button(QDialogButtonBox.StandardButton.Save).click(),
                ),
            )
        else:
            approve("3001", "3333")(dialog)

    settings = None

    def remember(dialog):
        nonlocal settings
        settings = dialog
        change_drawer(dialog)

    when_modal(remember, kind=SettingsDialog)
    when_modal(refuse_then_approve, kind=ApprovalDialog)
    open_with_ctrl_comma(qtbot, window)  # no admin gate for a signed-in person
    qtbot.waitUntil(lambda: saved != [], timeout=5000)
    assert asked == ["经理批准", "经理批准"]
    assert between == [("未保存：钱箱和价格设置需要经理批准。", [], [])]
    assert saved[-1].drawer_pin == "5" and saved[-1].shop_name == "新店"
    [(actor_id, detail)] = settings_changes(window.db)
    assert actor_id == window.staff.id and detail["approved_by"] == "3001"
    assert detail["keys"] == ["shop_name", "drawer_pin"]


def test_a_cashier_changes_the_shop_name_without_a_manager(qtbot, zh, signed_in_cashier, saved):
    window = signed_in_cashier

    def change(dialog):
        dialog.shop_name.setText("新店")
        QTest_enter(dialog.shop_name)

    when_modal(change, kind=SettingsDialog)
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: saved != [], timeout=5000)
    assert [d["keys"] for _, d in settings_changes(window.db)] == [["shop_name"]]


@pytest.fixture(params=["zh_CN", "en"])
def language(request):
    if request.param == "zh_CN":
        request.getfixturevalue("zh")
    return request.param


def test_the_dialog_fits_1024_by_768_with_save_in_view(qtbot, language, app_style):
    dialog = SettingsDialog(Settings(language=language))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert hint.height() <= 728 and hint.width() <= 1024, hint
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    bottom = save.mapTo(dialog, save.rect().bottomLeft()).y()
    assert save.isVisible() and bottom <= dialog.height() <= 728


def test_enter_on_a_bad_value_focuses_the_first_bad_field_on_its_tab(qtbot, zh):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.drawer_pulse_ms.setText("lots")
    dialog.printer_uri.setText("lpt1:")
    dialog.station_name.setFocus()
    QTest_enter(dialog.station_name)
    assert dialog.result_settings is None and dialog.isVisible()
    assert "无法识别的打印机地址" in dialog.message.text()
    assert dialog.tabs.currentWidget().isAncestorOf(dialog.printer_uri)
    qtbot.waitUntil(dialog.printer_uri.hasFocus)
    dialog.printer_uri.setText("")
    QTest_enter(dialog.printer_uri)
    assert dialog.tabs.currentWidget().isAncestorOf(dialog.drawer_pulse_ms)
    qtbot.waitUntil(dialog.drawer_pulse_ms.hasFocus)
    dialog.drawer_pulse_ms.setText("100,500")
    QTest_enter(dialog.drawer_pulse_ms)
    assert dialog.message.text() == "" and dialog.result_settings == Settings(drawer_pulse_ms="100,500")


def test_a_scan_in_the_settings_is_the_scanner_check_and_never_lands_in_a_field(qtbot, zh, signed_in_cashier, saved):
    from pos.devices.scanner import TEST_BARCODE
    from tests.ui.keyboard import scan

    window = signed_in_cashier
    seen = {}

    def scan_into_fields(dialog):
        dialog.database_url.setFocus()
        scan(dialog.database_url, "6971230000006")  # a stray item barcode
        seen["url"] = dialog.database_url.text()
        seen["first_verdict"] = dialog.scanner.verdict.text()
        dialog.tabs.setCurrentIndex(0)
        dialog.station_name.setFocus()
        scan(dialog.station_name, TEST_BARCODE)  # the test barcode shown on the Scanner tab
        seen["name"] = dialog.station_name.text()
        seen["tab"] = dialog.tabs.currentWidget() is dialog.scanner
        seen["arrived"] = dialog.scanner.arrived.text()
        seen["verdict"] = dialog.scanner.verdict.text()
        seen["open"] = dialog.isVisible()  # the scan's Enter did not save and close the dialog
        dialog.reject()

    failures = when_modal(scan_into_fields, kind=SettingsDialog)
    window.settings_action.trigger()
    failures.check()
    assert seen["url"] == "" and seen["name"] == "结算台1"
    assert seen["first_verdict"].startswith("无法识别")
    assert seen["tab"] and seen["arrived"] == TEST_BARCODE and seen["verdict"] == "扫描枪的条码接收正确。"
    assert seen["open"] and saved == [] and settings_changes(window.db) == []


def test_a_scan_into_the_admin_gate_is_refused_and_opens_nothing(qtbot, zh, window, saved):
    from tests.ui.keyboard import scan

    seen = {}

    def scan_into_login(dialog):
        dialog.login.setFocus()
        scan(dialog.login, "9001")  # a badge with the admin's login code is not the admin's PIN
        seen["login"] = dialog.login.text()
        seen["message"] = dialog.message.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    failures = when_modal(scan_into_login, kind=ApprovalDialog)
    open_with_ctrl_comma(qtbot, window)
    failures.check()
    assert seen == {"login": "", "message": "扫码在此无效：请先关闭此窗口。", "open": True}
    assert window.worker.pending == 0 and saved == []


def test_saving_unchanged_settings_writes_and_records_nothing(qtbot, zh, signed_in_cashier, saved):
    window = signed_in_cashier
    failures = when_modal(lambda dialog: QTest_enter(dialog.station_name), kind=SettingsDialog)
    window.settings_action.trigger()
    failures.check()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert saved == [] and settings_changes(window.db) == []


def test_the_station_switch_waits_for_someone_signed_in(qtbot, zh, window, saved):
    assert not window.station_switch.isEnabled()
    window.staff = staff.sign_in(window.db, "1001", "1111")
    window._show_page()
    assert window.station_switch.isEnabled()
