"""Settings page for scanners: which keyboard layout the host uses (so a US-programmed scanner's
codes come out right), checked by scanning a test barcode shown on screen."""

from __future__ import annotations

import io

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from pos.devices.scanner import LAYOUTS, TEST_BARCODE, guess_layout


def test_barcode_png() -> bytes:
    """The test barcode as a picture (python-barcode, Code 128)."""
    from barcode import Code128
    from barcode.writer import ImageWriter

    buffer = io.BytesIO()
    Code128(TEST_BARCODE, writer=ImageWriter()).write(buffer, {"module_height": 12, "font_size": 8, "quiet_zone": 4})
    return buffer.getvalue()


class ScannerCheck(QWidget):
    def __init__(self, layout_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_combo = QComboBox(objectName="scanner_layout")
        names = {
            "us": self.tr("US (no change)"),
            "azerty-fr": self.tr("French AZERTY"),
            "qwertz-de": self.tr("German QWERTZ"),
        }
        for name in LAYOUTS:
            self.layout_combo.addItem(names.get(name, name), name)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(layout_name)))
        self.picture = QLabel()
        pixmap = QPixmap()
        pixmap.loadFromData(test_barcode_png(), "PNG")
        self.picture.setPixmap(pixmap)
        self.arrived = QLineEdit(objectName="scanner_test_input")
        self.arrived.setPlaceholderText(self.tr("Click here and scan the barcode above"))
        self.verdict = QLabel("", objectName="scanner_verdict")
        self.verdict.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Keyboard layout"), self.layout_combo)
        form.addRow(self.tr("Test barcode"), self.picture)
        form.addRow(self.tr("What arrived"), self.arrived)
        form.addRow("", self.verdict)
        self.arrived.returnPressed.connect(self.check)

    def check(self) -> None:
        arrived = self.arrived.text()
        layout = guess_layout(arrived)
        if layout is None:
            self.verdict.setText(
                self.tr(
                    "Not recognised: expected {expected}, got {arrived}. Check the scanner's "
                    "settings (suffix Enter, no prefix)."
                ).format(expected=TEST_BARCODE, arrived=arrived)
            )
            return
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(layout))
        if layout == "us":
            self.verdict.setText(self.tr("The scanner's codes arrive correctly."))
        else:
            self.verdict.setText(
                self.tr("Codes arrive through the {layout} layout; they will be read back correctly.").format(
                    layout=self.layout_combo.currentText()
                )
            )
