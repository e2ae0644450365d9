"""A 2x20 customer pole display that speaks the common ESC/POS-compatible (CD5220) commands,
reached by the same URIs as printers (tcp://, serial://, usb://, file://)."""

from __future__ import annotations

from pos.printing.connections import PrinterError, open_connection, parse_uri
from pos.printing.textlayout import pad

CLEAR = b"\x0c"
HOME = b"\x0b"
WIDTH = 20


def display_bytes(line1: str, line2: str, encoding: str = "gb18030") -> bytes:
    """Two lines, each exactly 20 cells (a Chinese character takes two)."""
    return b"\x1b@" + CLEAR + HOME + pad(line1, WIDTH).encode(encoding, "replace") + pad(line2, WIDTH).encode(encoding, "replace")


class PoleDisplay:
    def __init__(self, uri: str) -> None:
        self.config = parse_uri(uri)

    def show(self, line1: str, line2: str = "") -> None:
        """Blocking IO: call from a worker thread. Raises PrinterError when unreachable."""
        if self.config.is_preview:
            raise PrinterError("A pole display needs a device address.")
        open_connection(self.config).send(display_bytes(line1, line2, self.config.encoding))
