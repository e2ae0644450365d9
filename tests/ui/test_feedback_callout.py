"""A mixed payment's call-out at the counter (issue 9, deliver 2): each method named on the banner,
which wraps only after a part's comma, and aloud."""

from PySide6.QtGui import QFontMetrics
from sqlalchemy import select

from pos.db.models import Payment
from pos.devices.pole_display import display_bytes
from pos.services import customers, staff
from pos.ui.counter.callout_banner import breaking_between_halves
from tests.conftest import add_products
from tests.printing.fake_printer import FakePrinter
from tests.ui.keyboard import scan
from tests.ui.test_counter import laid_out_lines


def test_wechat_and_cash_are_both_called_out(qtbot, zh, ui_db, open_window):
    add_products(ui_db, "BD2000")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    window = open_window(ui_db, cashier, customer_display="window")
    page = window.counter_page
    page.set_customer(customers.search(ui_db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "2*BD2000")  # ¥256.00

    def pay(dialog):
        dialog.no_packing.setChecked(True)
        dialog.other_method.setCurrentIndex(dialog.other_method.findData("wechat"))
        dialog.other_amount.setText("56")
        dialog.cash.setText("300")
        dialog.confirm()
        return dialog.result() == dialog.DialogCode.Accepted

    page.run_dialog = pay
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.settle()
    text = "微信 ¥56.00，收您现金 ¥300.00，找您 ¥100.00"
    assert page.banner.shown_text == text and page.banner.text() == breaking_between_halves(text)
    assert window.display_window.callout.text() == breaking_between_halves(text)
    assert window.speaker.said == ["微信五十六元，收您现金三百元，找您一百元"]
    font = page.banner.font()
    width = QFontMetrics(font).horizontalAdvance("收您现金 ¥300.00，") + 1
    assert laid_out_lines(page.banner.text(), font, width) == ["微信 ¥56.00，", "收您现金 ¥300.00，", "找您 ¥100.00"]
    width = QFontMetrics(font).horizontalAdvance("微信 ¥56.00，收您现金 ¥300.00，找") + 1
    assert laid_out_lines(page.banner.text(), font, width) == ["微信 ¥56.00，收您现金 ¥300.00，", "找您 ¥100.00"]
    with ui_db.transaction() as s:
        assert s.execute(
            select(Payment.method, Payment.amount_fen, Payment.tendered_fen, Payment.change_fen).order_by(Payment.id)
        ).all() == [("wechat", 5600, 0, 0), ("cash", 20000, 30000, 10000)]
    window.display_window.close()


def test_the_pole_display_shows_the_cash_and_the_change_of_a_mixed_payment(qtbot, zh, ui_db, open_window):
    pole = FakePrinter()
    try:
        add_products(ui_db, "BD2000")
        cashier = staff.sign_in(ui_db, "1001", "1111")
        customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
        window = open_window(ui_db, cashier, customer_display=pole.uri)
        page = window.counter_page
        page.set_customer(customers.search(ui_db, "zs")[0])
        with qtbot.waitSignal(page.line_shown, timeout=5000):
            page.handle_scan("2*BD2000")
        qtbot.waitUntil(lambda: window.worker.pending == 0)
        shown = len(pole.wait_for_jobs(1))

        def pay(dialog):
            dialog.no_packing.setChecked(True)
            dialog.other_method.setCurrentIndex(dialog.other_method.findData("alipay"))
            dialog.other_amount.setText("56")
            dialog.cash.setText("200")
            dialog.confirm()
            return True

        page.run_dialog = pay
        with qtbot.waitSignal(page.settled, timeout=5000):
            page.settle()
        assert page.banner.shown_text == "支付宝 ¥56.00，收您现金 ¥200.00，找您 ¥0.00"
        assert pole.wait_for_jobs(shown + 1)[-1] == display_bytes("收您现金 ¥200.00", "找您 ¥0.00")
        window.worker.shutdown()  # before the pole goes: nothing is left to send to it
    finally:
        pole.stop()
