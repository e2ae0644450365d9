"""A day at the counter in the real window: scans typed at scanner speed with the focus elsewhere,
refusals, settlement with its call-out, voice, receipt and stored payment."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextLayout
from sqlalchemy import func, select

from pos.config import Settings
from pos.db.models import Customer, Order, OrderLine, Payment
from pos.devices.speech import Speaker
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import customers, staff
from pos.ui.counter.callout_banner import NBSP, WORD_JOINER, breaking_between_halves
from pos.ui.counter.customer_dialog import CustomerDialog
from pos.ui.feedback import Sounds
from pos.ui.main_window import MainWindow
from pos.ui.style import REFUSED_RED
from tests.ui.keyboard import person_types, scan
from tests.ui.look import painted_colour, tone
from tests.ui.sales import sell_in_cash


def laid_out_lines(text, font, width):
    """How Qt breaks `text` into lines `width` pixels wide, word joiners taken out."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    result = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        result.append(
            text[line.textStart() : line.textStart() + line.textLength()].replace(WORD_JOINER, "").replace(NBSP, " ")
        )
    layout.endLayout()
    return result


def lines(db):
    with db.transaction() as s:
        return s.execute(select(OrderLine.item_code, OrderLine.quantity).order_by(OrderLine.position)).all()


def test_scans_with_focus_elsewhere_then_settle_with_call_out(qtbot, zh, counter_window, tmp_path):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    elsewhere = window.station_switch  # focus on a toolbar combo box, not on any scan field
    elsewhere.setFocus()
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(elsewhere, "6971230000006")
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(elsewhere, "2*YJ1000")
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(elsewhere, "BD2000")
    assert elsewhere.currentData() == "counter"  # the combo box saw none of it
    assert lines(window.db) == [("YJ1000", 3), ("BD2000", 1)]
    assert [ln.quantity for ln in page.model.lines] == [3, 1]
    assert page.model.highlight == 1
    table = page.table  # codes and numbers shown whole, the name column takes the rest
    for column in (0, 2, 3, 4):
        assert table.columnWidth(column) >= max(
            table.sizeHintForIndex(page.model.index(row, column)).width() for row in range(2)
        )
    assert table.columnWidth(1) > max(table.columnWidth(c) for c in (0, 2, 3, 4))
    assert page.total_label.text() == "¥233.00" and page.capitals_label.text() == "贰佰叁拾叁元整"
    assert page.items_label.text() == "共 4 件"
    scan(elsewhere, "NOPE123")  # a refusal leaves the strip red until the next good news
    qtbot.waitUntil(lambda: tone(page.message) == "refused", timeout=5000)

    def pay(dialog, cash):
        dialog.no_packing.setChecked(True)  # the customer takes the goods now, on purpose
        dialog.cash.setText(cash)
        dialog.confirm()
        return dialog.result() == dialog.DialogCode.Accepted

    attempts = []
    page.run_dialog = lambda dialog: attempts.append(dialog.message) or pay(dialog, "200")
    page.settle()
    qtbot.waitUntil(lambda: bool(attempts) and attempts[0].text() != "")
    assert attempts[0].text() == "客户付现（¥200.00）少于现金应付部分（¥233.00）。"
    with window.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 0

    page.run_dialog = lambda dialog: pay(dialog, "300")
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.settle()
    assert page.banner.isVisible() and page.banner.shown_text == "收您 ¥300.00  找您 ¥67.00"
    # on screen it may break only between the two halves
    assert page.banner.text() == breaking_between_halves("收您 ¥300.00  找您 ¥67.00")
    for room_for in ("收您 ¥300.00  找", "收您 ¥300.00  找您 "):  # Qt would break after either
        width = QFontMetrics(page.banner.font()).horizontalAdvance(room_for) + 1
        assert laid_out_lines(page.banner.text(), page.banner.font(), width) == ["收您 ¥300.00  ", "找您 ¥67.00"]
    assert tone(page.message) != "refused"  # the refusal's red strip is gone
    assert window.speaker.said == ["收您三百元，找您六十七元"]
    with window.db.transaction() as s:
        payment = s.scalar(select(Payment))
        assert (payment.method, payment.amount_fen, payment.tendered_fen, payment.change_fen) == (
            "cash",
            23300,
            30000,
            6700,
        )
    Spooler(window.db, "结算台1").process_due()
    receipt = decode((tmp_path / "receipt.bin").read_bytes())
    assert "收您 ￥300.00  找您 ￥67.00" in receipt.text and receipt.drawer_pulses == 1
    assert page.status_label.text() == "已结算"
    page.actions["new"].trigger()  # Ctrl+N: the next customer
    assert page.order is None and page.model.lines == [] and not page.banner.isVisible()
    assert page.message.text() == "" and page.total_label.text() == "¥0.00"
    assert page.customer is None and page.customer_name.text() == "未选客户（F2）"
    scan(page.table, "YJ1000")  # the next customer's first item waits for their record
    qtbot.waitUntil(lambda: "请先选客户" in page.message.text(), timeout=5000)


@pytest.mark.parametrize(
    "code, message",
    [
        ("NOPE123", "没有货号或条码为 NOPE123 的商品。"),
        ("6971230000007", "EAN-13 条码 6971230000007 校验位错误（应为 6）。"),
        ("8" * 500, "输入长度为500个字符，货号最多48个字符。"),
    ],
)
def test_refused_scans_are_loud_and_change_nothing(qtbot, zh, counter_window, code, message):
    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    page.table.setFocus()
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    window.sounds.played.clear()
    scan(page.table, code)
    qtbot.waitUntil(lambda: page.message.text() == message, timeout=5000)
    assert tone(page.message) == "refused" and painted_colour(page.message) == REFUSED_RED  # the red strip
    assert window.sounds.played == ["error"]
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert lines(window.db) == [("YJ1000", 1)]


def test_scan_before_choosing_a_customer_is_refused(qtbot, zh, counter_window):
    page = counter_window.counter_page
    scan(page, "YJ1000")
    qtbot.waitUntil(lambda: "请先选客户" in page.message.text())
    assert lines(counter_window.db) == []


def test_scanner_pressing_shift_for_capitals_and_symbols_is_still_one_scan(qtbot, zh, counter_window):
    page = counter_window.counter_page
    page.set_customer(customers.search(counter_window.db, "zs")[0])
    page.table.setFocus()
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "2*YJ1000")  # Shift pressed and released around '*', 'Y' and 'J'
    assert lines(counter_window.db) == [("YJ1000", 2)]


def test_typing_in_a_field_is_left_alone(qtbot, zh, counter_window):
    """A person typing a code by hand into a text field: the keys reach the field, no scan."""
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit(counter_window.counter_page)
    field.show()
    field.setFocus()
    scans = []
    counter_window.scan_filter.scanned.connect(scans.append)
    person_types(field, "YJ1000", enter=True)
    assert field.text() == "YJ1000"
    assert scans == [] and not counter_window.scan_filter.holding  # delivered, and no scan was made of it
    assert counter_window.worker.pending == 0 and lines(counter_window.db) == []


def test_customer_search_as_you_type_and_hostile_paste(qtbot, zh, counter_window):
    dialog = CustomerDialog(counter_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText("zhang")
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    assert dialog.list.item(0).text().startswith("张三")
    dialog.search.setText("'; DROP TABLE customers; --\x00\x1b")
    qtbot.waitUntil(lambda: dialog.message.text() == "未找到客户。按 Ctrl+N 新建。", timeout=5000)
    assert dialog.list.count() == 0
    with counter_window.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_new_customer_on_the_spot_with_duplicate_phone_flagged(qtbot, zh, counter_window):
    dialog = CustomerDialog(counter_window)
    qtbot.addWidget(dialog)
    dialog.show_create()
    dialog.name.setText("张三丰")
    dialog.phone.setText("138 0013 8000")
    dialog.address.setText("武当山")
    dialog.save()
    qtbot.waitUntil(lambda: "已登记在客户" in dialog.message.text(), timeout=5000)
    assert dialog.save_button.text() == "仍然保存（电话相同）"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.chosen is not None, timeout=5000)
    assert dialog.chosen.name == "张三丰" and dialog.chosen.number == "C000002"


def test_restart_comes_back_to_the_open_slip(qtbot, zh, counter_window, ui_db):
    page = counter_window.counter_page
    page.set_customer(customers.search(ui_db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page, "YJ1000")
    number = page.order
    fresh = MainWindow(
        ui_db, Settings(station_name="结算台1"), save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker()
    )
    qtbot.addWidget(fresh)
    fresh._signed_in(staff.sign_in(ui_db, "1001", "1111"))
    qtbot.waitUntil(lambda: fresh.counter_page.order == number, timeout=5000)
    assert fresh.counter_page.customer_name.text() == "张三"
    assert [ln.item_code for ln in fresh.counter_page.model.lines] == ["YJ1000"]
    fresh.scan_filter.remove()
    fresh.worker.shutdown()


def test_serial_scanner_scans_go_to_the_counter(qtbot, zh, ui_db, counter_window):
    import os

    master, slave = os.openpty()
    settings = Settings(station_name="结算台1", serial_scanner=f"serial://{os.ttyname(slave)}?baudrate=9600")
    window = MainWindow(ui_db, settings, save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker())
    qtbot.addWidget(window)
    try:
        window._signed_in(staff.sign_in(ui_db, "1001", "1111"))
        qtbot.waitUntil(lambda: window.worker.pending == 0)
        window.counter_page.set_customer(customers.search(ui_db, "zs")[0])
        assert window.serial_scanner.ready.wait(5)
        with qtbot.waitSignal(window.counter_page.line_shown, timeout=5000):
            os.write(master, b"2*6971230000006\r\n")
        assert lines(ui_db)[-1] == ("YJ1000", 2)
    finally:
        window.close()
        os.close(master)
        os.close(slave)


def test_customer_display_window_follows_the_sale(qtbot, zh, ui_db, counter_window, tmp_path):
    settings = Settings(station_name="结算台1", customer_display="window", printer_uri=f"file://{tmp_path / 'r.bin'}")
    window = MainWindow(ui_db, settings, save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker())
    qtbot.addWidget(window)
    window._signed_in(staff.sign_in(ui_db, "1001", "1111"))
    page, display = window.counter_page, window.display_window
    page.set_customer(customers.search(ui_db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        page.handle_scan("3*YJ1000")
    assert display.customer.text() == "张三" and display.total.text() == "¥105.00"
    assert "925银素圈戒指 ×3" in display.lines.text()
    page.run_dialog = lambda dialog: (
        dialog.no_packing.setChecked(True),
        dialog.cash.setText("110"),
        dialog.confirm(),
        True,
    )[-1]
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.settle()
    assert display.callout.text() == breaking_between_halves("收您 ¥110.00  找您 ¥5.00")
    window.close()


def test_scanner_layout_check_in_settings(qtbot, zh):
    from pos.devices.scanner import LAYOUTS, TEST_BARCODE
    from pos.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    check = dialog.scanner
    assert not check.picture.pixmap().isNull()
    check.arrived.setText("".join({v: k for k, v in LAYOUTS["azerty-fr"].items()}.get(c, c) for c in TEST_BARCODE))
    check.check()
    assert check.layout_combo.currentData() == "azerty-fr"
    assert "法语" in check.verdict.text()
    dialog._save()
    assert dialog.result_settings.scanner_layout == "azerty-fr"
    check.arrived.setText("????")
    check.check()
    assert "无法识别" in check.verdict.text()


def test_day_end_dialog_counts_blind_then_shows_the_difference(qtbot, zh, counter_window, monkeypatch, tmp_path):
    from pos.ui.counter.day_end_dialog import DayEndDialog

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    sell_in_cash(qtbot, counter_window)
    dialog = DayEndDialog(counter_window)
    qtbot.addWidget(dialog)
    dialog.opening.setText("200")
    dialog.fields["cash"].setText("234")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=5000)
    assert "差额合计：-¥1.00" in dialog.outcome.text()
    assert dialog.result_.pdf_path.exists()
    dialog.fields["cash"].setText("abc")
    dialog.submit()
    assert "不是有效金额" in dialog.message.text()


def test_a_slip_set_aside_with_ctrl_n_is_taken_up_again_from_the_list(qtbot, zh, counter_window):
    window, page = counter_window, counter_window.counter_page
    zs = customers.search(window.db, "zs")[0]
    page.set_customer(zs)
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "2*YJ1000")
    first = page.order
    page.actions["new"].trigger()  # Ctrl+N with the slip unprinted: set aside, not lost
    assert page.message.text() == f"单据 {first} 已挂起：在右侧列表中选中，按“取回”即可继续。"
    qtbot.waitUntil(lambda: page.held_list.count() == 1, timeout=5000)
    assert page.held_list.item(0).text().startswith(f"{first}  张三  2 件")

    page.set_customer(zs)
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "BD2000")
    second = page.order
    assert second != first
    assert not page.take_up_button.isEnabled()  # nothing chosen yet
    page.held_list.setCurrentRow(0)
    page.refresh_ready()  # the list refreshes every few seconds: the choice stays
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=5000)
    assert page.take_up_button.isEnabled() and page.held_list.currentItem().isSelected()
    page.take_up_button.click()
    qtbot.waitUntil(lambda: page.order == first, timeout=5000)
    assert [(ln.item_code, ln.quantity) for ln in page.model.lines] == [("YJ1000", 2)]
    qtbot.waitUntil(
        lambda: page.held_list.count() == 1 and page.held_list.item(0).data(Qt.ItemDataRole.UserRole) == second,
        timeout=5000,
    )


def test_f1_lists_every_key_in_chinese(qtbot, zh, counter_window, monkeypatch):
    from pos.ui.counter import page as counter_page

    shown = []
    monkeypatch.setattr(
        counter_page.QMessageBox, "information", staticmethod(lambda parent, title, text: shown.append(text))
    )
    counter_window.counter_page.actions["help"].trigger()
    text = shown[0]
    for key in ("F2 客户", "F5 打印单据", "F6 结算", "Ctrl+N 新单", "F10 打印队列", "F11 退货", "F12 退出登录"):
        assert key in text
    assert "挂起" in text


def test_a_slip_set_aside_is_voided_with_a_reason(qtbot, zh, counter_window, monkeypatch):
    from pos.ui.counter import code_entry

    window, page = counter_window, counter_window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(page.table, "YJ1000")
    number = page.order
    page.actions["new"].trigger()
    qtbot.waitUntil(lambda: page.held_list.count() == 1, timeout=5000)
    page.held_list.setCurrentRow(0)
    asked = []
    monkeypatch.setattr(
        code_entry.QInputDialog, "getItem", staticmethod(lambda *args: asked.append(args[2]) or (args[3][0], True))
    )
    page.void_button.click()
    qtbot.waitUntil(lambda: page.message.text() == f"单据 {number} 已作废。", timeout=5000)
    assert asked == [f"作废单据 {number}？原因："]
    qtbot.waitUntil(lambda: page.held_list.count() == 0, timeout=5000)
    assert not page.void_button.isEnabled()
    with window.db.transaction() as s:
        assert s.scalar(select(Order.status).where(Order.number == number)) == "voided"
