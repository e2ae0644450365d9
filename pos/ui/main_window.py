"""The main window: sign-in, then the station screen; station switch, settings, status bar."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QComboBox, QLabel, QMainWindow, QMessageBox, QStackedWidget, QToolBar, QToolTip, QWidget,
)

from pos.config import Settings, archive_dir, save_settings
from pos.db.database import Database
from pos.devices.serial_scanner import SerialScanner
from pos.devices.device_worker import DeviceWorker
from pos.devices.speech import Speaker
from pos.domain.callout import pole_callout_lines
from pos.domain.money import Money
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.roles import Role
from pos.printing.connections import PrinterError, parse_uri
from pos.services import printing, staff
from pos.services.printing import JobInfo, PrintContext
from pos.services.staff import StaffInfo
from pos.ui.activation import ActivationKeeper
from pos.ui.approval import ApprovalDialog
from pos.ui.i18n import error_text
from pos.ui.preview import PreviewDialog
from pos.ui.print_queue import PrintQueueDialog, describe_job
from pos.ui.returns_dialog import ReturnsDialog
from pos.ui.settings_dialog import SettingsDialog
from pos.ui.sign_in import SignInPage
from pos.ui.spooler_bridge import SpoolerBridge
from pos.ui.style import repolish
from pos.ui.counter.page import CounterPage
from pos.ui.customer_display import CustomerDisplayWindow, PoleDisplay, pole_lines
from pos.ui.feedback import Sounds, make_speaker
from pos.ui.scan_filter import ScanFilter
from pos.ui.bench.page import BenchPage
from pos.ui.worker import Worker


DISPLAY_LINES = 6
STATION_ROLES = {"counter": (Role.CASHIER, Role.MANAGER), "bench": (Role.PACKER, Role.MANAGER)}
PREVIEW_WIDTH = 380  # a receipt's width on screen; wider, it covered the call-out


class MainWindow(QMainWindow):
    # emitted from the serial scanner's thread; queued to the GUI thread
    serial_scanned = Signal(str)
    serial_failed = Signal(str)
    # emitted by the speaker, from any thread, when the voice changes; queued to the GUI thread
    voice_changed = Signal()
    # emitted on the device thread when a device write fails; queued to the GUI thread
    device_failed = Signal(str)

    def __init__(self, db: Database, settings: Settings, *, demo: bool = False, save=save_settings,
                 spooler: SpoolerBridge | None = None, sounds: Sounds | None = None,
                 speaker: Speaker | None = None) -> None:
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
        self.scan_filter.burst_refused.connect(lambda text: self.refuse_scan(
            self.scan_filter.scan_window, self.tr("Amounts are typed by hand; a scan is not an amount.")))
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
        self.station_switch.addItem(self.tr("Settlement counter"), "counter")
        self.station_switch.addItem(self.tr("Packing bench"), "bench")
        self.station_switch.setCurrentIndex(max(0, self.station_switch.findData(self.settings.station_role)))
        self.station_switch.currentIndexChanged.connect(self._switch_station)
        bar.addWidget(self.station_switch)
        bar.addSeparator()
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        bar.addAction(self.settings_action)
        self.print_queue_action = QAction(self.tr("Print queue (F10)"), self)
        self.print_queue_action.setShortcut(QKeySequence(Qt.Key.Key_F10))
        self.print_queue_action.triggered.connect(self.open_print_queue)
        bar.addAction(self.print_queue_action)
        self.returns_action = QAction(self.tr("Returns (F11)"), self)
        self.returns_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.returns_action.triggered.connect(self.open_returns)
        bar.addAction(self.returns_action)
        self.sign_out_action = QAction(self.tr("Sign out (F12)"), self)
        self.sign_out_action.setShortcut(QKeySequence(Qt.Key.Key_F12))
        self.sign_out_action.triggered.connect(self.sign_out)
        bar.addAction(self.sign_out_action)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.station_label = QLabel(objectName="status_station")
        self.staff_label = QLabel(objectName="status_staff")
        self.database_label = QLabel(objectName="status_database")
        self.printer_label = QLabel(objectName="status_printer")
        self.voice_label = QLabel(objectName="status_voice")
        for label in (self.station_label, self.staff_label, self.database_label, self.printer_label, self.voice_label):
            self.statusBar().addPermanentWidget(label)
        self.voice_changed.connect(self._show_voice)
        self.speaker.on_change = self.voice_changed.emit  # before the first look, so no change is missed
        self._refresh_status()

    def _refresh_status(self) -> None:
        self.station_label.setText(self.tr("Station: {name}").format(name=self.settings.station_name))
        who = self.staff.name if self.staff else self.tr("nobody")
        self.staff_label.setText(self.tr("Signed in: {name}").format(name=who))
        self.database_label.setText(self.tr("Database: {kind}").format(kind=self.db.kind))
        self._show_voice()

    def _show_voice(self) -> None:
        if not self.settings.speech:
            self.voice_label.setText(self.tr("Voice off"))
        elif self.speaker.available:
            self.voice_label.setText(self.tr("Voice: {engine}").format(engine=self.speaker.name))
        else:
            self.voice_label.setText(self.tr("No voice"))
        refused = [engine for engine, _why in getattr(self.speaker, "refused", [])]
        self.voice_label.setToolTip(self.tr("Not working here: {engines}").format(engines=", ".join(refused))
                                    if refused else "")
        self.voice_label.setProperty("alarm", self.settings.speech and not self.speaker.available)
        repolish(self.voice_label)  # red while in alarm

    def _refresh_printer(self) -> None:
        """Queue counts come from the database (worker); the last reply from the spooler."""
        station = self.settings.station_name
        self.worker.submit(lambda: printing.queue_counts(self.db, station), self._show_printer, lambda e: None)

    def _show_printer(self, counts: dict[str, int]) -> None:
        uri = self.settings.printer_uri
        last = self.spooler.spooler.printer_status.get(uri) if self.spooler else None
        failed = counts.get(PrintJobStatus.FAILED, 0)
        waiting = counts.get(PrintJobStatus.PENDING, 0) + counts.get(PrintJobStatus.SENDING, 0)
        if failed:
            text = self.tr("Printer: {failed} job(s) failed, see the print queue (F10)").format(failed=failed)
        elif waiting and isinstance(last, PrinterError):
            text = self.tr("Printer: {waiting} job(s) waiting; {error}").format(waiting=waiting, error=error_text(last))
        elif waiting:
            text = self.tr("Printer: {waiting} job(s) waiting").format(waiting=waiting)
        elif last is None or isinstance(last, PrinterError):
            text = self.tr("Printer: {uri} (not checked)").format(uri=uri)
        else:
            text = self.tr("Printer: {uri} ready ({status})").format(uri=uri, status=self._state_text(last))
        self.printer_label.setText(text)
        self.printer_label.setProperty("alarm", bool(failed))
        repolish(self.printer_label)  # red while in alarm

    def _act_uncertain(self, waiting: bool) -> None:
        """An act the database has not answered after the quick retries: the cashier or packer is told
        it is not confirmed and is being retried (it is stored once when it goes through), in red on
        the status bar and on the page's message strip, until it has gone through."""
        if waiting:
            text = self.tr("No answer from the database: the last action is not confirmed yet. "
                           "It is being retried and will be stored once.")
        else:
            text = self.tr("Database: {kind}").format(kind=self.db.kind)
        self.database_label.setText(text)
        self.database_label.setProperty("alarm", waiting)
        repolish(self.database_label)  # red while in alarm
        page = self.pages.currentWidget()
        if waiting and page is self.counter_page:
            page.say(text, error=True)
        elif waiting and page is self.bench_page:
            page.refuse(text)

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

    def _setup_customer_display(self) -> None:
        """(Re)start the customer display as the settings say: switched on or off without a restart."""
        if self.display_window is not None:
            self.display_window.close()
            self.display_window.deleteLater()
            self.display_window = None
        self.pole = None
        target = self.settings.customer_display.strip()
        if target == "window":
            self.display_window = CustomerDisplayWindow(self.settings.shop_name)
        elif target:
            self.pole = PoleDisplay(target)

    def _screens_changed(self, _screen) -> None:  # noqa: ANN001 - QScreen
        self.place_customer_display()

    def place_customer_display(self) -> None:
        """On a second screen when there is one; a screen plugged in or out later moves it."""
        window = self.display_window
        if window is None:
            return
        if not window.place(self.screen()):
            self.statusBar().showMessage(self.tr("Customer display: waiting for a second screen."), 15000)

    def customer_display_update(self, customer, lines, total: Money) -> None:  # noqa: ANN001
        if self.display_window is None and self.pole is None:
            return  # on the scan path: nothing to format when there is no display
        # the display shows the latest few lines; a 300-line slip need not be formatted on every scan
        texts = [f"{ln.name} ×{ln.quantity}  {Money(ln.amount_fen).format()}" for ln in lines[-DISPLAY_LINES:]]
        if self.display_window is not None:
            self.display_window.show_sale(customer.name if customer else "", texts, total)
        if self.pole is not None:
            first, second = pole_lines(texts[-1] if texts else "", total)
            self._pole(first, second)

    def customer_display_callout(self, text: str) -> None:
        if self.display_window is not None:
            self.display_window.show_callout(text)
        if self.pole is not None:
            self._pole(*pole_callout_lines(text))

    def _pole(self, first: str, second: str) -> None:
        pole = self.pole
        assert pole is not None
        # serial or network IO on the device thread, never the services' worker (a scan must not wait
        # for the display); only the newest text matters, so writes still waiting are replaced
        self.devices.submit("pole", lambda: pole.show(first, second), self._device_error_handler())

    def _device_error_handler(self) -> Callable[[BaseException], None]:
        # the device thread keeps no strong reference to the window: if it held the last one, the
        # window's C++ side would be destroyed off the GUI thread
        window = weakref.ref(self)

        def failed(error: BaseException) -> None:
            alive = window()
            if alive is not None:
                alive.device_failed.emit(str(error))
        return failed

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
            self.sign_in_page.message.setText(self.tr("{name} does not work at this station: sign in here as {who}.").format(
                name=name, who=self.tr("a cashier or a manager") if role == "counter" else self.tr("a packer or a manager")))
            return
        self._activate_station()

    def _state_text(self, state) -> str:  # noqa: ANN001 - PrinterStatus
        if not state.known:
            return self.tr("no status reply")
        parts = []
        if state.online is not None:
            parts.append(self.tr("online") if state.online else self.tr("offline"))
        if state.cover_open:
            parts.append(self.tr("cover open"))
        if state.paper:
            parts.append({"ok": self.tr("paper OK"), "low": self.tr("paper low"), "out": self.tr("out of paper")}[state.paper])
        return self.tr(", ").join(parts)

    def show_preview(self, pdf: bytes, job: JobInfo) -> None:
        """The preview printer's output, on screen (not modal: work goes on beside it). While a
        dialog that blocks every window waits for an answer, the preview waits too: shown over it,
        the preview would hide the question and be blocked by it, and the operator could close
        neither. (The day-end dialog blocks the station window only: its report shows beside it.)"""
        self._previews.append((pdf, describe_job(job)))
        self._show_waiting_previews()

    def _show_waiting_previews(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.windowModality() == Qt.WindowModality.ApplicationModal:
            self._preview_timer.start()  # look again once the dialog is answered
            return
        self._preview_timer.stop()
        waiting, self._previews = self._previews, []
        for pdf, title in waiting:
            if self.preview is None:
                self.preview = PreviewDialog(pdf, title, self, activate=False)
                self.preview.finished.connect(self._preview_closed)
            else:
                self.preview.add(pdf, title)
        if self.preview is None:
            return
        # at the right edge, beside the work: the call-out and the lines stay in view
        area = self.screen().availableGeometry()
        self.preview.resize(min(self.preview.width(), PREVIEW_WIDTH), self.preview.height())
        self.preview.move(area.right() - self.preview.width() + 1, area.top())
        self.preview.show()

    def _preview_closed(self) -> None:
        if self.preview is not None:
            self.preview.deleteLater()
            self.preview = None

    def print_context(self) -> PrintContext:
        return PrintContext(
            station=self.settings.station_name,
            shop_name=self.settings.shop_name,
            archive_dir=archive_dir() if self.settings.archive_pdf else None,
            drawer=self.settings.drawer(),
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

    def open_settings(self) -> None:
        """Signed in: anyone opens the settings (money settings then ask a manager). Nobody signed
        in: an administrator's login code and PIN first, or the database and printers are anyone's."""
        if self.staff is not None:
            self._show_settings(self.staff)
            return
        gate = ApprovalDialog(self.tr("Settings"), self.tr("Nobody is signed in: an administrator opens the settings."),
                              parent=self, login_label=self.tr("Administrator login code"))
        if gate.exec() != ApprovalDialog.DialogCode.Accepted:
            return
        login, pin, _ = gate.values()
        db = self.db
        # shown once the check has come back, outside the worker's delivery
        self.worker.submit(lambda: staff.authorize(db, login, pin, Role.ADMIN),
                           lambda admin: QTimer.singleShot(0, lambda: self._show_settings(admin)),
                           self._sign_in_failed)

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
            QMessageBox.warning(self, self.tr("Settings"), self.tr("Settings were not saved: {reason}").format(reason=str(exc)))
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
