"""Retake the README's screenshots: the app on the demo shop in a real window, 1024x768.

    xvfb-run -s "-screen 0 1024x768x24" .venv/bin/python tools/screenshots.py docs/screenshots

Needs an X server (Xvfb), ImageMagick's `import` and a Chinese font (Debian: xvfb imagemagick
fonts-noto-cjk). The demo database is made afresh in a temporary folder; nothing of yours is touched.
Each picture is of the whole screen, as the cashier or packer sees it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="pos-shots-"))
os.environ.update(POS_DATA_DIR=str(TMP / "data"), POS_CONFIG_DIR=str(TMP / "config"))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pos.config import Settings  # noqa: E402
from pos.services import bench, customers, staff  # noqa: E402
from pos.services.startup import open_database  # noqa: E402
from pos.ui.gc_guard import collect_on_gui_thread  # noqa: E402
from pos.ui.i18n import install_translators  # noqa: E402
from pos.ui.main_window import MainWindow  # noqa: E402
from pos.ui.style import APP_STYLE  # noqa: E402


def settle_ui(ms: int = 400) -> None:
    QTest.qWait(ms)


def shoot(path: Path) -> None:
    settle_ui()
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print("wrote", path)


def when_modal(action: Callable[[QWidget], None], kind: type | None = None) -> None:
    def poll(left: int = 500) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and (kind is None or isinstance(dialog, kind)) and dialog.isVisible():
            try:
                action(dialog)
            except Exception:  # noqa: BLE001 - a picture is missing, the script goes on
                import traceback

                traceback.print_exc()
                dialog.reject()
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def idle(window: MainWindow) -> None:
    for _ in range(200):
        settle_ui(50)
        if window.worker.pending == 0:
            return


def station(db, role: str, login: str, pin: str, tmp: Path) -> MainWindow:  # noqa: ANN001
    settings = Settings(
        station_name="结算台1" if role == "counter" else "打包台1",
        station_role=role,
        printer_uri=f"file://{tmp / (role + '.bin')}",
        speech=False,
        sound=False,
    )
    window = MainWindow(db, settings, save=lambda s: None)
    window.setGeometry(QApplication.primaryScreen().availableGeometry())  # maximized, with no window manager
    window.show()
    settle_ui()
    window._signed_in(staff.sign_in(db, login, pin))
    idle(window)
    return window


def counter_pictures(db, out: Path) -> str:  # noqa: ANN001
    from pos.ui.counter.day_end_dialog import DayEndDialog
    from pos.ui.counter.settle_dialog import SettleDialog

    window = station(db, "counter", "1001", "1111", TMP)
    page = window.counter_page
    page.set_customer(customers.search(db, "13")[1])
    for code in ("YJ1000", "3*YJ1003", "6971230000013", "YJ1012", "2*YJ1040", "NOPE1"):
        window.route_scan(code)
        idle(window)
    held = page.order
    page.new_slip()  # set aside: the list shows it
    idle(window)
    page.set_customer(customers.search(db, "13")[0])
    for code in ("2*YJ1001", "YJ1005", "6971230000020", "YJ1007"):
        window.route_scan(code)
        idle(window)

    def pay(dialog: SettleDialog) -> None:
        dialog.no_packing.setChecked(True)
        hundreds = -(-dialog.due().fen // 10000)  # the next ¥100 up, as customers hand over notes
        dialog.cash.setText(str(hundreds * 100))
        dialog.confirm()

    when_modal(pay, SettleDialog)
    page.settle()
    idle(window)
    shoot(out / "counter.png")
    settled = page.order

    def count(dialog: DayEndDialog) -> None:
        dialog.opening.setText("500")
        for method, field in dialog.fields.items():
            field.setText("1180" if method == "cash" else "0")
        dialog.submit()
        for _ in range(60):
            settle_ui(50)
        shoot(out / "day-end.png")
        dialog.reject()

    when_modal(count, DayEndDialog)
    page.day_end()
    idle(window)
    window.close()
    del held
    return settled


def return_picture(db, out: Path, number: str) -> None:  # noqa: ANN001
    window = station(db, "counter", "1001", "1111", TMP)

    def returns_screen(dialog) -> None:  # noqa: ANN001 - ReturnsDialog
        def prompt(order_prompt) -> None:  # noqa: ANN001
            def lines(new_return) -> None:  # noqa: ANN001
                settle_ui(300)
                shoot(out / "new-return.png")
                new_return.reject()

            QTimer.singleShot(0, lambda: when_modal(lines_if_new_return(lines)))
            order_prompt.handle_scan(number)

        when_modal(prompt)
        dialog.new_return()
        settle_ui(2500)
        while (top := QApplication.activeModalWidget()) is not None:
            top.reject()
            settle_ui(100)

    when_modal(returns_screen)
    window.open_returns()
    idle(window)
    window.close()


def lines_if_new_return(action):  # noqa: ANN001, ANN201
    def act(dialog) -> None:  # noqa: ANN001
        if type(dialog).__name__ == "NewReturnDialog":
            action(dialog)
        else:  # not yet: ask again shortly
            QTimer.singleShot(50, lambda: when_modal(act))

    return act


def bench_picture(db, out: Path) -> None:  # noqa: ANN001
    window = station(db, "bench", "2001", "2222", TMP)
    page = window.bench_page
    number = bench.queue(db)[0].number
    bench.start_check(db, staff.sign_in(db, "2001", "2222"), number, "present")
    page.load(number)
    idle(window)
    view = bench.bench_view(db, number)
    window.route_scan(view.lines[0].item_code)
    idle(window)
    window.route_scan("YJ1000")  # in the catalog, not on this slip: refused, and named
    idle(window)
    settle_ui(150)
    shoot(out / "bench.png")
    window.close()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    app.setStyleSheet(APP_STYLE)
    collect_on_gui_thread(app)
    translators = install_translators(app, "zh_CN")  # noqa: F841 - must stay alive
    db = open_database(f"sqlite:///{TMP / 'demo.sqlite3'}", demo=True).db
    settled = counter_pictures(db, out)
    return_picture(db, out, settled)
    bench_picture(db, out)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
