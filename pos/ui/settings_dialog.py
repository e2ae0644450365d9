"""Settings: station name and role, database, language, printer."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget,
)

from pos.config import Settings
from pos.domain.errors import PosError
from pos.ui.i18n import error_text
from pos.ui.scanner_check import ScannerCheck


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.original = settings
        self.result_settings: Settings | None = None

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
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Station"), self.station_role)
        form.addRow(self.tr("Database URL"), self.database_url)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Printer"), self.printer_uri)
        form.addRow(self.tr("Label printer"), self.label_printer_uri)
        form.addRow(self.tr("Shop name"), self.shop_name)
        form.addRow("", self.archive_pdf)
        form.addRow(self.tr("Serial scanner"), self.serial_scanner)
        form.addRow(self.tr("In-store code rules"), self.instore_rules)
        form.addRow(self.tr("Customer display"), self.customer_display)
        form.addRow("", self.sound)
        form.addRow("", self.speech)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        general = QWidget()
        general.setLayout(form)
        tabs = QTabWidget()
        tabs.addTab(general, self.tr("Station"))
        tabs.addTab(self.scanner, self.tr("Scanner"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

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
            scanner_layout=self.scanner.layout_combo.currentData(),
            serial_scanner=self.serial_scanner.text().strip(),
            instore_rules=self.instore_rules.text().strip(),
            customer_display=self.customer_display.text().strip(),
            sound=self.sound.isChecked(),
            speech=self.speech.isChecked(),
        )

    def _save(self) -> None:
        """Refuse bad values with the reason and keep the dialog open with what was typed."""
        try:
            self.result_settings = self.edited().validated()
        except PosError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()

    def needs_restart(self) -> bool:
        new = self.result_settings
        old = self.original
        return bool(new) and any(getattr(new, f) != getattr(old, f) for f in (
            "language", "database_url", "serial_scanner", "customer_display", "sound", "station_name"))
