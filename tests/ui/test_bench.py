"""A whole order through the real bench window at scanner speed: customer present, then absent."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from pos.config import Settings
from pos.devices.speech import Speaker
from pos.printing.escpos_decode import decode
from pos.services import bench, counter, customers, orders, staff
from pos.services.printing import PrintContext
from pos.ui.approval import ApprovalDialog
from pos.ui.bench import acts as bench_page  # the acts that ask (ask_count, QInputDialog) live there
from pos.ui.bench.dialogs import Copy3Dialog, CustomerSignatureDialog, StartCheckDialog
from pos.ui.feedback import Sounds
from pos.ui.main_window import MainWindow
from pos.ui.returns.signature import ReturnSignatureDialog
from pos.ui.spooler_bridge import SpoolerBridge
from pos.ui.style import REFUSED_RED
from tests.conftest import add_products
from tests.printing.fake_printer import FakePrinter
from tests.ui.keyboard import scan
from tests.ui.look import painted_colour, tone


@pytest.fixture
def label_printer():
    printer = FakePrinter()
    yield printer
    printer.stop()


@pytest.fixture
def slip(ui_db, tmp_path):
    admin = staff.sign_in(ui_db, "9001", "9999")
    for login, name, roles, pin in (
        ("2001", "李强", "packer", "2222"),
        ("2002", "赵敏", "packer", "2323"),
        ("3001", "陈经理", "manager", "3333"),
    ):
        staff.add_staff(ui_db, admin, login_code=login, name=name, roles=roles, pin=pin)
    add_products(ui_db, "YJ1000", "BD2000", "XL5000", "ES4000")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customer = customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")

    def make() -> str:
        number = orders.open_order(ui_db, cashier, customer.number)
        for code in ("3*YJ1000", "2*BD2000", "XL5000"):
            orders.add_scan(ui_db, cashier, number, code)
        counter.print_for_checking(
            ui_db, cashier, PrintContext(station="结算台1"), number, f"file://{tmp_path / 'slips.bin'}"
        )
        return number

    return make


@pytest.fixture
def bench_window(qtbot, ui_db, label_printer, slip):
    settings = Settings(station_name="打包台1", station_role="bench", printer_uri=label_printer.uri)
    bridge = SpoolerBridge(ui_db, settings.station_name)
    window = MainWindow(
        ui_db, settings, save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker(), spooler=bridge
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)  # a common touch screen at the bench
    window.show()
    qtbot.waitExposed(window)
    bridge.start()
    window._signed_in(staff.sign_in(ui_db, "2001", "2222"))
    yield window
    bridge.stop()
    window.scan_filter.remove()
    window.worker.shutdown()


def _answers(monkeypatch, *, count=1, reason_index=0):
    monkeypatch.setattr(bench_page, "ask_count", lambda *a, **k: count)
    monkeypatch.setattr(
        bench_page.QInputDialog,
        "getItem",
        staticmethod(lambda parent, title, label, items, *a, **k: (items[reason_index], True)),
    )


def _draw(qtbot, pad):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 100))
    for x in range(30, 300, 15):
        qtbot.mouseMove(pad, QPoint(x, 100 + (x % 40) - 20))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 90))


def test_customer_present_whole_order(qtbot, zh, bench_window, slip, label_printer, monkeypatch, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    qtbot.waitUntil(lambda: page.queue_list.count() == 1, timeout=5000)
    assert page.queue_list.item(0).text().startswith(number)
    drawn = []

    def run_dialog(dialog):
        if isinstance(dialog, StartCheckDialog):
            assert dialog.name.text() == "张三"
            return QDialog.DialogCode.Accepted
        if isinstance(dialog, (CustomerSignatureDialog, ReturnSignatureDialog)):
            dialog.show()
            _draw(qtbot, dialog.pad)
            drawn.append(dialog.pad.to_png())
            dialog._check()
            return dialog.result()
        if isinstance(dialog, ApprovalDialog):  # the return slip: handler, then manager
            login = "2001" if "经手人" in _labels(dialog) else "3001"
            dialog.login.setText(login)
            dialog.pin.setText({"2001": "2222", "3001": "3333"}[login])
            return QDialog.DialogCode.Accepted
        raise AssertionError(dialog)

    page.run_dialog = run_dialog
    elsewhere = page.queue_list
    elsewhere.setFocus()
    scan(elsewhere, number)  # the slip's barcode, from the paper slip
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert page.name_label.text() == "张三" and "客户在场" in page.info_label.text()
    table = page.table  # on a 1024x768 screen every item's name shows whole, numbers too
    for row in range(page.model.rowCount()):
        for column in range(page.model.columnCount()):
            assert table.columnWidth(column) >= table.sizeHintForIndex(page.model.index(row, column)).width()

    for code in ("6971230000006", "YJ1000", "YJ1000", "BD2000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    assert page.progress.value() == 4 and page.box_label.text() == "第 1 箱：4 件"

    scan(page.table, "ES4000")  # not on the slip
    qtbot.waitUntil(lambda: "不在单据" in page.banner.text(), timeout=5000)
    assert page.banner.isVisible() and tone(page.banner) == "refused" and painted_colour(page.banner) == REFUSED_RED
    assert window.sounds.played[-1] == "error"
    scan(page.table, "YJ1000")  # a fourth ring: surplus
    qtbot.waitUntil(lambda: "多出的不能再点" in page.banner.text(), timeout=5000)
    assert bench.bench_view(ui_db, number).lines[0].ticked == 3

    _answers(monkeypatch, count=1, reason_index=0)
    page.table.selectRow(1)  # the pendants: the customer takes one of two
    page.cross_out()
    qtbot.waitUntil(lambda: page.current.lines[1].crossed == 1, timeout=5000)
    assert page.current.open_returns

    qtbot.keyClick(window, Qt.Key.Key_F9)  # seal box 1: its label prints
    qtbot.waitUntil(lambda: page.current.boxes[0].sealed, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # open box 2
    qtbot.waitUntil(lambda: len(page.current.boxes) == 2, timeout=5000)
    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        scan(page.table, "XL5000")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: all(b.sealed for b in page.current.boxes), timeout=5000)

    with qtbot.waitSignal(page.completed, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_F6)
    assert drawn and drawn[0].startswith(b"\x89PNG")
    assert page.current.status == "checked"
    assert counter.order_view(ui_db, number).status == "checked"
    # two labels at sealing ("box i"), the return slip once signed, then the final set when the
    # check completes ("box i of 2") and the revised copy 3: the bench has one printer
    printed = [decode(job).text for job in label_printer.wait_for_jobs(6)]
    revised = [t for t in printed if "修订 REVISED 第1版" in t]
    assert len(revised) == 1 and "第三联" in revised[0] and "合计 5 件" in revised[0]
    assert "修订" in page.message.text() or "revised" in page.message.text()
    labels = [t for t in printed if "请沿封口签名" in t]
    assert ["共" in t for t in labels] == [False, False, True, True]
    assert "第 1 箱 / 共 2 箱" in labels[2] and "件数：4" in labels[2] and "重印" not in labels[2]
    assert "第 2 箱 / 共 2 箱" in labels[3] and "件数：1" in labels[3]
    assert all("张三" in t and number in t for t in labels)
    assert "共 2 箱" in page.message.text() or "of 2" in page.message.text()


def _labels(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def _absent_with_second_packer(copy3: list[str]):
    """Answers the bench's dialogs for a check with the customer absent and 赵敏 as the second
    packer; each copy-3 prompt is kept, refused until its box is ticked, then confirmed."""

    def run_dialog(dialog):
        if isinstance(dialog, Copy3Dialog):  # the last box: both packers confirm copy 3 is inside
            copy3.append(_labels(dialog) + dialog.here.text())
            dialog._check()
            assert dialog.result() != QDialog.DialogCode.Accepted  # not without ticking the box
            dialog.here.setChecked(True)
            dialog.login.setText("2002")
            dialog.pin.setText("2323")
            dialog._check()
            return dialog.result()
        assert isinstance(dialog, StartCheckDialog)
        dialog.absent.setChecked(True)
        dialog.second_login.setText("2002")
        dialog.second_pin.setText("2323")
        dialog._check()
        return dialog.result()

    return run_dialog


def test_customer_absent_with_two_packers(qtbot, zh, bench_window, slip, label_printer, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()

    copy3 = []
    page.run_dialog = _absent_with_second_packer(copy3)
    scan(page, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert "李强、赵敏" in page.info_label.text() or "赵敏、李强" in page.info_label.text()
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.current.boxes[0].sealed, timeout=5000)
    assert len(copy3) == 1 and "第 1 箱" in copy3[0] and "李强" in copy3[0] and "赵敏" in copy3[0]
    with qtbot.waitSignal(page.completed, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_F6)
    view = bench.bench_view(ui_db, number)
    assert view.status == "checked" and set(view.signatures) == {"checker", "second_checker"}
    label = decode(label_printer.wait_for_jobs(1)[0]).text
    assert "第三联在箱内" in label and "李强" in label and "赵敏" in label


def test_second_packer_must_be_someone_else(qtbot, zh, bench_window, slip):
    page = bench_window.bench_page
    number = slip()

    def run_dialog(dialog):
        dialog.absent.setChecked(True)
        dialog.second_login.setText("2001")  # the same packer again
        dialog.second_pin.setText("2222")
        dialog._check()
        return dialog.result()

    page.run_dialog = run_dialog
    page.handle_scan(number)
    qtbot.waitUntil(lambda: "另一个人" in page.banner.text(), timeout=5000)


def test_the_counter_sees_the_checked_order_ready_to_settle(qtbot, zh, ui_db, slip, tmp_path):
    number = slip()
    packer = staff.sign_in(ui_db, "2001", "2222")
    bench.start_check(ui_db, packer, number, "present")
    for code in ("3*YJ1000", "2*BD2000", "XL5000"):
        bench.tick(ui_db, packer, number, code)
    bench.seal_box(ui_db, packer, PrintContext(station="打包台1"), number, 1, f"file://{tmp_path / 'l.bin'}")
    bench.sign_customer(ui_db, packer, number, on_paper=True)
    bench.complete(ui_db, packer, number)
    counter_window = MainWindow(
        ui_db, Settings(station_name="结算台1"), save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker()
    )
    qtbot.addWidget(counter_window)
    counter_window._signed_in(staff.sign_in(ui_db, "1001", "1111"))
    page = counter_window.counter_page
    qtbot.waitUntil(lambda: page.ready_list.count() == 1, timeout=5000)
    assert page.ready_list.item(0).text().startswith(f"{number}  张三")
    page.load_order(number)
    qtbot.waitUntil(lambda: page.order == number, timeout=5000)
    assert page.status_label.text() == "已点货，可结算"
    counter_window.close()


def test_a_restarted_bench_comes_back_to_its_check(qtbot, zh, bench_window, slip, ui_db):
    page = bench_window.bench_page
    number = slip()
    page.run_dialog = lambda dialog: QDialog.DialogCode.Accepted
    page.handle_scan(number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    with qtbot.waitSignal(page.tick_shown, timeout=5000):
        page.handle_scan("2*YJ1000")
    # the app is killed and started again at the same station
    fresh = MainWindow(
        ui_db,
        Settings(station_name="打包台1", station_role="bench"),
        save=lambda s: None,
        sounds=Sounds(enabled=False),
        speaker=Speaker(),
    )
    qtbot.addWidget(fresh)
    fresh._signed_in(staff.sign_in(ui_db, "2001", "2222"))
    qtbot.waitUntil(lambda: fresh.bench_page.current is not None, timeout=5000)
    assert fresh.bench_page.current.number == number
    assert fresh.bench_page.model.lines[0].ticked == 2 and fresh.bench_page.box_label.text() == "第 1 箱：2 件"
    fresh.close()


def test_customer_absent_the_revised_copy3_goes_in_the_last_box(
    qtbot, zh, bench_window, slip, label_printer, monkeypatch, ui_db
):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    prompts = []
    page.run_dialog = _absent_with_second_packer(prompts)
    scan(page, number)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    for code in ("3*YJ1000", "BD2000", "XL5000"):
        with qtbot.waitSignal(page.tick_shown, timeout=5000):
            scan(page.table, code)
    _answers(monkeypatch, count=1, reason_index=0)
    page.table.selectRow(1)  # the second pendant is not wanted
    page.cross_out()
    qtbot.waitUntil(lambda: page.current.lines[1].crossed == 1, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the last box
    qtbot.waitUntil(lambda: page.current.boxes[0].sealed, timeout=5000)
    assert len(prompts) == 1 and "修订" in prompts[0]
    printed = [decode(job).text for job in label_printer.wait_for_jobs(2)]
    revised = [t for t in printed if "修订 REVISED 第1版" in t]
    assert len(revised) == 1 and "合计 5 件" in revised[0] and "本联替代先前打印的第三联" in revised[0]
