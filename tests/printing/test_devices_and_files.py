"""USB after a plain install, file:// without side effects, QR codes that survive a crease (issue 12,
findings 5 and 9)."""

import importlib.metadata

import pytest
import usb.core
from escpos.exceptions import DeviceNotFoundError

from pos.printing.connections import FileConnection, PrinterError, parse_uri
from pos.printing.document import Document, QRCode
from pos.printing.escpos_render import EscposRenderer
from pos.printing.transports import device_error

USB = parse_uri("usb://0416:5011")


def test_pyusb_is_installed_with_the_app():
    requirements = importlib.metadata.requires("counter-bench") or []
    assert any(r.lower().startswith("pyusb") for r in requirements)
    assert usb.core.find  # importable: python-escpos's Usb printer can load


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (usb.core.USBError("Access denied (insufficient permissions)", errno=13), "udev rule"),
        (usb.core.NoBackendError("No backend available"), "libusb"),
        (DeviceNotFoundError("Device not found"), "No printer is connected at usb://0416:5011"),
        (ModuleNotFoundError("No module named 'usb'"), "pyusb"),
    ],
)
def test_a_usb_printer_that_cannot_be_used_says_why_in_one_sentence(error, says):
    message = device_error(USB, error).message
    assert says in message and "Traceback" not in message


def test_a_denied_usb_printer_does_not_blame_udev_for_other_faults():
    assert "udev" not in device_error(USB, DeviceNotFoundError("Device not found")).message


def test_a_file_printer_never_creates_directories(tmp_path):
    target = tmp_path / "typo" / "out.bin"
    with pytest.raises(PrinterError, match="Cannot write"):
        FileConnection(parse_uri(f"file://{target}")).send(b"x")
    assert not (tmp_path / "typo").exists()
    good = tmp_path / "out.bin"
    assert FileConnection(parse_uri(f"file://{good}")).send(b"x").confirmed and good.read_bytes() == b"x"


def test_qr_codes_print_at_error_level_m():
    data = EscposRenderer().render(Document("qr", 48, [QRCode("S20261127-0007")]))
    assert b"\x1d(k\x03\x001E1" in data  # GS ( k fn 69: error correction 49 = M
    assert b"\x1d(k\x03\x001E0" not in data
