"""Settings: station, devices, database, scanner, and the cash drawer and in-store price rules.

The fields sit on tabs so the dialog fits a 1024x768 screen with Save always in view. Saving is
one audited service call; a change to a money setting by someone who is not a manager asks for a
manager's PIN on the spot. The caller writes the settings file after the dialog is accepted.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.config import Settings
from pos.domain.errors import PosError
from pos.services import settings_audit
from pos.services.staff import Approval, StaffInfo
from pos.ui.approval import ApprovalDialog
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.scanner_check import ScannerCheck


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        host: Host | None = None,
        actor: StaffInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.original = settings
        self.result_settings: Settings | None = None
        self.host = host
        self.actor = actor
        self.command_id = uuid.uuid4().hex  # one save, however often it is retried

        self.station_name = QLineEdit(settings.station_name, objectName="station_name")
        self.station_role = QComboBox(objectName="station_role")
        self.station_role.addItem(self.tr("Settlement counter"), "counter")
        self.station_role.addItem(self.tr("Packing bench"), "bench")
        self.station_role.setCurrentIndex(max(0, self.station_role.findData(settings.station_role)))
        self.database_url = QLineEdit(settings.database_url, objectName="database_url")
        self.database_url.setPlaceholderText(self.tr("Empty: the embedded database on this computer"))
        self.language = QComboBox(objectName="language")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.printer_uri = QLineEdit(settings.printer_uri, objectName="printer_uri")
        self.printer_uri.setPlaceholderText("tcp://192.168.1.50:9100 · usb://0416:5011 · preview:")
        self.label_printer_uri = QLineEdit(settings.label_printer_uri, objectName="label_printer_uri")
        self.label_printer_uri.setPlaceholderText(self.tr("Empty: the same printer"))
        self.shop_name = QLineEdit(settings.shop_name, objectName="shop_name")
        self.archive_pdf = QCheckBox(self.tr("Keep a PDF of every print"), objectName="archive_pdf")
        self.archive_pdf.setChecked(settings.archive_pdf)
        self.print_bytes_days = QLineEdit(settings.print_bytes_days, objectName="print_bytes_days")
        self.print_bytes_days.setPlaceholderText(self.tr("0: for good"))
        self.print_bytes_days.setToolTip(
            self.tr("Days the printer's bytes of a printed job stay in the database once its PDF is archived")
        )
        self.scanner = ScannerCheck(settings.scanner_layout)
        self.serial_scanner = QLineEdit(settings.serial_scanner, objectName="serial_scanner")
        self.serial_scanner.setPlaceholderText("serial:///dev/ttyUSB0?baudrate=9600")
        self.instore_rules = QLineEdit(settings.instore_rules, objectName="instore_rules")
        self.instore_rules.setPlaceholderText("22:5:weight:1, 21:5:price")
        self.customer_display = QLineEdit(settings.customer_display, objectName="customer_display")
        self.customer_display.setPlaceholderText(self.tr("window, or a pole display address"))
        self.sound = QCheckBox(self.tr("Sounds"), objectName="sound")
        self.sound.setChecked(settings.sound)
        self.speech = QCheckBox(self.tr("Speak the call-out"), objectName="speech")
        self.speech.setChecked(settings.speech)
        self.drawer_pin = QComboBox(objectName="drawer_pin")
        self.drawer_pin.addItem(self.tr("Pin 2"), "2")
        self.drawer_pin.addItem(self.tr("Pin 5"), "5")
        self.drawer_pin.setCurrentIndex(max(0, self.drawer_pin.findData(settings.drawer_pin)))
        self.drawer_pulse_ms = QLineEdit(settings.drawer_pulse_ms, objectName="drawer_pulse_ms")
        self.drawer_pulse_ms.setPlaceholderText("50,500")
        self.bank_accounts = QPlainTextEdit(settings.bank_accounts, objectName="bank_accounts")
        self.bank_accounts.setPlaceholderText(self.tr("One account per line: bank, branch, number, holder"))
        self.bank_accounts.setTabChangesFocus(True)
        # one account a line, never wrapped: a holder's name on a line of its own would read as an account
        self.bank_accounts.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.bank_accounts.setFixedHeight(110)
        self.bank_accounts.setToolTip(self.tr("One account per line: bank, branch, number, holder"))
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)

        station = QFormLayout()
        station.addRow(self.tr("Station name"), self.station_name)
        station.addRow(self.tr("Station"), self.station_role)
        station.addRow(self.tr("Language"), self.language)
        station.addRow(self.tr("Shop name"), self.shop_name)
        station.addRow(self.tr("Database URL"), self.database_url)
        devices = QFormLayout()
        devices.addRow(self.tr("Printer"), self.printer_uri)
        devices.addRow(self.tr("Label printer"), self.label_printer_uri)
        devices.addRow("", self.archive_pdf)
        devices.addRow(self.tr("Keep printer bytes (days)"), self.print_bytes_days)
        devices.addRow(self.tr("Serial scanner"), self.serial_scanner)
        devices.addRow(self.tr("Customer display"), self.customer_display)
        devices.addRow("", self.sound)
        devices.addRow("", self.speech)
        money = QFormLayout()
        note = QLabel(self.tr("These settings move money: a manager approves a change."))
        note.setWordWrap(True)
        money.addRow(note)
        money.addRow(self.tr("Cash drawer pin"), self.drawer_pin)
        money.addRow(self.tr("Drawer pulse (on,off ms)"), self.drawer_pulse_ms)
        money.addRow(self.tr("In-store code rules"), self.instore_rules)
        money.addRow(self.tr("Bank accounts for transfers"), self.bank_accounts)
        self.tabs = QTabWidget(objectName="settings_tabs")
        for form, title in ((station, self.tr("Station")), (devices, self.tr("Devices"))):
            page = QWidget()
            page.setLayout(form)
            self.tabs.addTab(page, title)
        self.tabs.addTab(self.scanner, self.tr("Scanner"))
        money_page = QWidget()
        money_page.setLayout(money)
        self.tabs.addTab(money_page, self.tr("Money"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        # Enter saves from any field: no button takes the default over as focus passes through it
        # (a tab switched to show a refused field hands the focus around)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # where each setting is edited, in the order a person reads the tabs: the first refused one
        # gets the focus
        self.editors: dict[str, QWidget] = {
            "station_name": self.station_name,
            "station_role": self.station_role,
            "language": self.language,
            "shop_name": self.shop_name,
            "database_url": self.database_url,
            "printer_uri": self.printer_uri,
            "label_printer_uri": self.label_printer_uri,
            "print_bytes_days": self.print_bytes_days,
            "serial_scanner": self.serial_scanner,
            "customer_display": self.customer_display,
            "scanner_layout": self.scanner.layout_combo,
            "drawer_pin": self.drawer_pin,
            "drawer_pulse_ms": self.drawer_pulse_ms,
            "instore_rules": self.instore_rules,
            "bank_accounts": self.bank_accounts,
        }

    def edited(self) -> Settings:
        return replace(
            self.original,
            station_name=self.station_name.text(),
            station_role=self.station_role.currentData(),
            database_url=self.database_url.text(),
            language=self.language.currentData(),
            printer_uri=self.printer_uri.text().strip() or "preview:",
            label_printer_uri=self.label_printer_uri.text().strip(),
            shop_name=self.shop_name.text().strip() or self.original.shop_name,
            archive_pdf=self.archive_pdf.isChecked(),
            print_bytes_days=self.print_bytes_days.text().strip() or "0",
            scanner_layout=self.scanner.layout_combo.currentData(),
            serial_scanner=self.serial_scanner.text().strip(),
            instore_rules=self.instore_rules.text().strip(),
            customer_display=self.customer_display.text().strip(),
            sound=self.sound.isChecked(),
            speech=self.speech.isChecked(),
            drawer_pin=self.drawer_pin.currentData(),
            drawer_pulse_ms=self.drawer_pulse_ms.text().replace(" ", ""),
            bank_accounts="\n".join(
                line.strip() for line in self.bank_accounts.toPlainText().splitlines() if line.strip()
            ),
        )

    def first_invalid(self, edited: Settings) -> str | None:
        """The first setting, in reading order, that is refused on its own (the others as they were)."""
        for key in self.editors:
            try:
                replace(self.original, **{key: getattr(edited, key)}).validated()
            except PosError:
                return key
        return None

    def _save(self) -> None:
        """Refuse bad values with the reason, focus the first bad field, keep what was typed;
        then record the change (with a manager's approval where money is touched)."""
        edited = self.edited()
        try:
            new = edited.validated()
        except PosError as exc:
            self.message.setText(error_text(exc))
            self._focus(self.first_invalid(edited))
            return
        self.message.clear()
        if new == self.original:  # nothing changed: nothing to record or write
            self.result_settings = None
            self.accept()
            return
        if self.host is None:  # shown on its own (no database): the caller records the change
            self.result_settings = new
            self.accept()
            return
        login = pin = ""
        if settings_audit.needs_manager(self.actor, self.original, new):
            dialog = ApprovalDialog(
                self.tr("Manager approval"),
                self.tr("The cash drawer and in-store price rules need a manager."),
                parent=self,
            )
            if not self.run_dialog(dialog):
                self.message.setText(self.tr("Not saved: the drawer and price settings need a manager."))
                self.tabs.setCurrentIndex(self.tabs.count() - 1)
                return
            login, pin, _ = dialog.values()
        db, actor, old = self.host.db, self.actor, self.original
        approval = Approval(login, pin) if login else None
        self.buttons.setEnabled(False)
        self.host.worker.act(
            lambda command: settings_audit.record_change(db, actor, approval, old, new, command_id=command),
            lambda _keys: self._saved(new),
            self._failed,
            command_id=self.command_id,
        )

    def _saved(self, new: Settings) -> None:
        self.buttons.setEnabled(True)
        self.result_settings = new
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(error))

    def _focus(self, key: str | None) -> None:
        editor = self.editors.get(key or "")
        if editor is None:
            return
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(editor):
                self.tabs.setCurrentIndex(index)
        editor.setFocus()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Modal dialogs go through here so tests can drive them."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def handle_scan(self, text: str) -> None:
        """A scan here is the scanner check: the test barcode tells which keyboard layout it types in."""
        self.tabs.setCurrentWidget(self.scanner)
        self.scanner.arrived.setText(text)
        self.scanner.check()

    def needs_restart(self) -> bool:
        new = self.result_settings
        old = self.original
        return bool(new) and any(
            getattr(new, f) != getattr(old, f)
            for f in ("language", "database_url", "serial_scanner", "sound", "station_name")
        )  # the display follows live
