"""The main window: sign-in, then the station screen; station switch, settings, status bar."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QToolTip,
    QWidget,
)

from pos.config import Settings, archive_dir, save_settings
from pos.db.database import Database
from pos.devices.device_worker import DeviceWorker
from pos.devices.serial_scanner import SerialScanner
from pos.devices.speech import Speaker
from pos.domain.roles import Role
from pos.printing.connections import parse_uri
from pos.services import staff
from pos.services.printing import PrintContext
from pos.services.staff import StaffInfo
from pos.ui.activation import ActivationKeeper
from pos.ui.approval import ApprovalDialog
from pos.ui.bench.page import BenchPage
from pos.ui.counter.page import CounterPage
from pos.ui.customer_display import CustomerDisplayWindow, PoleDisplay
from pos.ui.feedback import Sounds, make_speaker
from pos.ui.i18n import error_text
from pos.ui.preview import PreviewDialog
from pos.ui.print_queue import PrintQueueDialog
from pos.ui.returns_dialog import ReturnsDialog
from pos.ui.scan_filter import ScanFilter
from pos.ui.settings_dialog import SettingsDialog
from pos.ui.shipping.dialog import ShippingDialog
from pos.ui.sign_in import SignInPage
from pos.ui.spooler_bridge import SpoolerBridge
from pos.ui.staff_dialog import StaffDialog, change_own_pin
from pos.ui.window_displays import WindowDisplays
from pos.ui.window_status import WindowStatusBar
from pos.ui.worker import Worker

STATION_ROLES = {"counter": (Role.CASHIER, Role.MANAGER), "bench": (Role.PACKER, Role.MANAGER)}


class MainWindow(WindowStatusBar, WindowDisplays, QMainWindow):
    # emitted from the serial scanner's thread; queued to the GUI thread
    serial_scanned = Signal(str)
    serial_failed = Signal(str)
    # emitted by the speaker, from any thread, when the voice changes; queued to the GUI thread
    voice_changed = Signal()
    # emitted on the device thread when a device write fails; queued to the GUI thread
    device_failed = Signal(str)

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        demo: bool = False,
        save=save_settings,
        spooler: SpoolerBridge | None = None,
        sounds: Sounds | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.spooler = spooler
        self.settings = settings
        self.demo = demo
        self._save = save
        self.worker = Worker(self)
        self.worker.act_uncertain.connect(self._act_uncertain)
        # device IO (the pole display) has its own thread: a slow device never delays a service call
        self.devices = DeviceWorker()
        self.device_failed.connect(lambda message: self.statusBar().showMessage(message, 5000))
        self.staff: StaffInfo | None = None

        title = self.tr("Counter & Bench")
        demo_tag = self.tr("DEMO")
        self.setWindowTitle(f"{title} [{demo_tag}]" if demo else title)
        self.sounds = sounds or Sounds(settings.sound, self)
        self.speaker = speaker or make_speaker("en" if settings.language == "en" else "zh")
        self.display_window: CustomerDisplayWindow | None = None
        self.pole: PoleDisplay | None = None
        self._setup_customer_display()
        for change in (QGuiApplication.instance().screenAdded, QGuiApplication.instance().screenRemoved):
            change.connect(self._screens_changed)
        self.sign_in_page = SignInPage()
        self.counter_page = CounterPage(self)
        self.bench_page = BenchPage(self)
        self.pages = QStackedWidget()
        for page in (self.sign_in_page, self.counter_page, self.bench_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self._build_toolbar()
        self._build_status_bar()
        self.sign_in_page.sign_in_requested.connect(self._sign_in)
        self.preview: PreviewDialog | None = None
        self._previews: list[tuple[bytes, str]] = []  # printed while a dialog was open
        self._preview_timer = QTimer(self, interval=300)
        self._preview_timer.timeout.connect(self._show_waiting_previews)
        self.scan_filter = ScanFilter(self, settings.scanner_layout)
        self.scan_filter.scanned.connect(lambda text: self.route_scan(text, self.scan_filter.scan_window))
        self.scan_filter.burst_refused.connect(
            lambda text: self.refuse_scan(
                self.scan_filter.scan_window, self.tr("Amounts are typed by hand; a scan is not an amount.")
            )
        )
        self.scan_filter.install()
        self.activation = ActivationKeeper(self)
        self.serial_scanned.connect(self.route_scan)
        self.serial_scanner = self._start_serial_scanner()
        if spooler is not None:
            spooler.changed.connect(self._refresh_printer)
            spooler.preview_ready.connect(self.show_preview)
        self._show_page()
        self._refresh_printer()

    # layout ----------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Station"), objectName="main_toolbar")
        bar.setMovable(False)
        self.station_switch = QComboBox(objectName="station_switch")
        # short names: the whole bar fits across 1024 pixels in English too
        self.station_switch.addItem(self.tr("Counter"), "counter")
        self.station_switch.addItem(self.tr("Bench"), "bench")
        self.station_switch.setCurrentIndex(max(0, self.station_switch.findData(self.settings.station_role)))
        self.station_switch.currentIndexChanged.connect(self._switch_station)
        bar.addWidget(self.station_switch)
        bar.addSeparator()
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        bar.addAction(self.settings_action)
        self.print_queue_action = QAction(self.tr("Prints (F10)"), self)
        self.print_queue_action.setShortcut(QKeySequence(Qt.Key.Key_F10))
        self.print_queue_action.triggered.connect(self.open_print_queue)
        bar.addAction(self.print_queue_action)
        self.returns_action = QAction(self.tr("Returns (F11)"), self)
        self.returns_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.returns_action.triggered.connect(self.open_returns)
        bar.addAction(self.returns_action)
        # every plain F-key means something at one station or the other: shipping sits beside returns
        self.shipping_action = QAction(self.tr("Shipping (Shift+F11)"), self)
        self.shipping_action.setShortcut(QKeySequence("Shift+F11"))
        self.shipping_action.triggered.connect(self.open_shipping)
        bar.addAction(self.shipping_action)
        self.staff_action = QAction(self.tr("Staff"), self)
        self.staff_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.staff_action.triggered.connect(self.open_staff)
        bar.addAction(self.staff_action)
        self.my_pin_action = QAction(self.tr("My PIN"), self)
        self.my_pin_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.my_pin_action.triggered.connect(self.change_my_pin)
        bar.addAction(self.my_pin_action)
        self.sign_out_action = QAction(self.tr("Sign out (F12)"), self)
        self.sign_out_action.setShortcut(QKeySequence(Qt.Key.Key_F12))
        self.sign_out_action.triggered.connect(self.sign_out)
        bar.addAction(self.sign_out_action)
        self.addToolBar(bar)

    def _show_page(self) -> None:
        if self.staff is None:
            self.pages.setCurrentWidget(self.sign_in_page)
            self.sign_in_page.login.setFocus()
        else:
            page = self.bench_page if self.settings.station_role == "bench" else self.counter_page
            self.pages.setCurrentWidget(page)
            # The sign-in fields just went out of view; keep keyboard focus (function keys, and
            # scanners, which are keyboards) inside the window.
            page.setFocus()
        self.sign_out_action.setEnabled(self.staff is not None)
        self.print_queue_action.setEnabled(self.staff is not None)
        self.returns_action.setEnabled(self.staff is not None)
        self.shipping_action.setEnabled(self.staff is not None)
        self.staff_action.setVisible(self.staff is not None and self.staff.has(Role.ADMIN))
        self.my_pin_action.setEnabled(self.staff is not None)
        self.station_switch.setEnabled(self.staff is not None)  # a saved setting: not for anyone passing by
        self._refresh_status()

    # actions ---------------------------------------------------------------------------------
    def _sign_in(self, login: str, pin: str) -> None:
        self.worker.submit(lambda: staff.sign_in(self.db, login, pin), self._signed_in, self._sign_in_failed)

    def _signed_in(self, person: StaffInfo) -> None:
        self.staff = person
        self.sign_in_page.reset()
        self._show_page()
        self._activate_station()

    def _activate_station(self) -> None:
        if self.settings.station_role == "counter":
            self.bench_page.deactivate()
            self.counter_page.activate()
        else:
            self.counter_page.deactivate()
            self.bench_page.activate()

    def route_scan(self, text: str, window: QWidget | None = None) -> None:
        """A scan from any scanner goes where it means something: the modal dialog open, if it
        declares a meaning for scans (`handle_scan`), else the station on screen; with any other
        dialog open it is refused and changes nothing. Windows beside the station that take no
        input of their own (print preview, customer display) pass scans on to the station."""
        target = QApplication.activeModalWidget() or window or self
        if target is not self and hasattr(target, "handle_scan"):
            target.handle_scan(text)
            return
        if target is not self and target.isModal():
            self.refuse_scan(target, self.tr("A scan means nothing here: close this window first."))
            return
        if self.staff is None:
            self.sign_in_page.show_error(self.tr("Sign in before scanning."))
            self.sounds.play("error")
            return
        page = self.pages.currentWidget()
        if hasattr(page, "handle_scan"):
            page.handle_scan(text)

    def refuse_scan(self, window: QWidget | None, text: str) -> None:
        """Visibly and audibly: the window's own message line if it has one, else a tip over it."""
        self.sounds.play("error")
        window = window or self
        message = getattr(window, "message", None)
        if isinstance(message, QLabel) and message.isVisible():
            message.setText(text)
        else:
            QToolTip.showText(window.mapToGlobal(window.rect().center()), text, window)
        self.statusBar().showMessage(text, 5000)

    def _start_serial_scanner(self) -> SerialScanner | None:
        uri = self.settings.serial_scanner.strip()
        if not uri:
            return None
        config = parse_uri(uri)
        self.serial_failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        scanner = SerialScanner(config.target, config.baudrate, self.serial_scanned.emit, self.serial_failed.emit)
        scanner.start()
        return scanner

    def wake_spooler(self) -> None:
        if self.spooler is not None:
            self.spooler.wake()
        self._refresh_printer()

    def _sign_in_failed(self, error: BaseException) -> None:
        self.sign_in_page.show_error(error_text(error))

    def sign_out(self) -> None:
        self.staff = None
        self.counter_page.new_slip()
        self.counter_page.set_customer(None)
        self.bench_page.deactivate()
        self.counter_page.deactivate()
        self.bench_page.unload()
        self.sign_in_page.reset()
        self._show_page()

    def _switch_station(self) -> None:
        role = self.station_switch.currentData()
        if role == self.settings.station_role:
            return
        self._apply_settings(replace(self.settings, station_role=role))
        if self.staff is None:
            return
        if not self.staff.has(*STATION_ROLES[role]):  # a cashier must not find herself checking at the bench
            name = self.staff.name
            self.sign_out()
            self.sign_in_page.message.setText(
                self.tr("{name} does not work at this station: sign in here as {who}.").format(
                    name=name,
                    who=self.tr("a cashier or a manager") if role == "counter" else self.tr("a packer or a manager"),
                )
            )
            return
        self._activate_station()

    def print_context(self) -> PrintContext:
        return PrintContext(
            station=self.settings.station_name,
            shop_name=self.settings.shop_name,
            archive_dir=archive_dir() if self.settings.archive_pdf else None,
            drawer=self.settings.drawer(),
            keep_bytes_days=self.settings.kept_bytes_days(),
        )

    def open_print_queue(self) -> None:
        if self.staff is None:
            return
        dialog = PrintQueueDialog(self, self)
        if self.spooler is not None:
            dialog.jobs_changed.connect(self.spooler.wake)
        dialog.jobs_changed.connect(self._refresh_printer)
        dialog.exec()

    def open_returns(self) -> None:
        if self.staff is not None:
            ReturnsDialog(self, self).exec()

    def open_shipping(self) -> None:
        if self.staff is not None:
            ShippingDialog(self, self).exec()

    def open_staff(self) -> None:
        if self.staff is not None and self.staff.has(Role.ADMIN):  # the service refuses anyone else too
            StaffDialog(self, self).exec()

    def change_my_pin(self) -> None:
        change_own_pin(self, self, lambda dialog: dialog.exec(), lambda text: self.statusBar().showMessage(text, 8000))

    def open_settings(self) -> None:
        """Signed in: anyone opens the settings (money settings then ask a manager). Nobody signed
        in: an administrator's login code and PIN first, or the database and printers are anyone's."""
        if self.staff is not None:
            self._show_settings(self.staff)
            return
        gate = ApprovalDialog(
            self.tr("Settings"),
            self.tr("Nobody is signed in: an administrator opens the settings."),
            parent=self,
            login_label=self.tr("Administrator login code"),
        )
        if gate.exec() != ApprovalDialog.DialogCode.Accepted:
            return
        login, pin, _ = gate.values()
        db = self.db
        # shown once the check has come back, outside the worker's delivery
        self.worker.submit(
            lambda: staff.require_role(staff.sign_in(db, login, pin), Role.ADMIN),
            lambda admin: QTimer.singleShot(0, lambda: self._show_settings(admin)),
            self._sign_in_failed,
        )

    def _show_settings(self, actor: StaffInfo) -> None:
        dialog = SettingsDialog(self.settings, self, host=self, actor=actor)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted or dialog.result_settings is None:
            return
        self._apply_settings(dialog.result_settings)
        if dialog.needs_restart():
            QMessageBox.information(
                self, self.tr("Settings"), self.tr("Language and database changes take effect after a restart.")
            )

    def _apply_settings(self, settings: Settings) -> None:
        try:
            self._save(settings)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(
                self, self.tr("Settings"), self.tr("Settings were not saved: {reason}").format(reason=str(exc))
            )
            return
        display_changed = settings.customer_display != self.settings.customer_display
        self.settings = settings
        if display_changed:
            self._setup_customer_display()
            self.place_customer_display()
        self.station_switch.blockSignals(True)
        self.station_switch.setCurrentIndex(max(0, self.station_switch.findData(settings.station_role)))
        self.station_switch.blockSignals(False)
        self._show_page()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # let a running service call and a job being sent finish before the process goes away
        self.scan_filter.remove()
        self.activation.remove()
        if self.serial_scanner is not None:
            self.serial_scanner.stop()
        if self.display_window is not None:
            self.display_window.close()
        if self.spooler is not None:
            self.spooler.stop()
        self.worker.shutdown()
        self.devices.shutdown()
        super().closeEvent(event)
