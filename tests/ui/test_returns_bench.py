"""At the bench, the customer signs a return slip (crossed items) under the items coming back and
the amount, not under "everything is in the boxes"."""

from PySide6.QtWidgets import QDialog

from pos.config import Settings
from pos.devices.speech import Speaker
from pos.services import bench, counter, customers, orders, staff
from pos.services.printing import PrintContext
from pos.ui.approval import ApprovalDialog
from pos.ui.feedback import Sounds
from pos.ui.main_window import MainWindow
from pos.ui.returns.signature import ReturnSignatureDialog
from tests.conftest import add_products


def test_the_bench_asks_the_customer_to_check_the_crossed_items_and_sign(qtbot, zh, ui_db, tmp_path):
    admin = staff.sign_in(ui_db, "9001", "9999")
    staff.add_staff(ui_db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    add_products(ui_db, "YJ1000", "BD2000")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customer = customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(ui_db, cashier, customer.number)
    orders.add_scan(ui_db, cashier, number, "3*YJ1000")
    orders.add_scan(ui_db, cashier, number, "2*BD2000")
    counter.print_for_checking(ui_db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 's.bin'}")
    packer = staff.sign_in(ui_db, "2001", "2222")
    bench.start_check(ui_db, packer, number, "present")
    view = bench.cross_out(ui_db, packer, number, 2, 1, "unwanted")

    settings = Settings(station_name="打包台1", station_role="bench", printer_uri=f"file://{tmp_path / 'b.bin'}")
    window = MainWindow(ui_db, settings, save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker())
    qtbot.addWidget(window)
    window._signed_in(packer)
    page = window.bench_page
    asked = []

    def run_dialog(dialog):
        asked.append(dialog)
        if isinstance(dialog, ApprovalDialog):  # the handler signs with a PIN first
            dialog.login.setText("2001")
            dialog.pin.setText("2222")
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected

    page.run_dialog = run_dialog
    page._sign_return(view.open_returns[0], view)
    qtbot.waitUntil(lambda: any(not isinstance(d, ApprovalDialog) for d in asked), timeout=5000)
    pad = asked[-1]
    assert isinstance(pad, ReturnSignatureDialog)
    heading = pad.findChild(type(pad.total), "return_signature_heading").text()
    assert heading == "张三：请核对退货商品并签字。"
    assert [pad.table.item(0, c).text() for c in range(5)] == ["BD2000", "紫水晶吊坠", "1", "¥128.00", "客户不要"]
    assert pad.total.text() == "退款合计：¥128.00（壹佰贰拾捌元整）"
