"""A 2x20 customer pole display that speaks the common ESC/POS-compatible (CD5220) commands,
reached by the same URIs as printers (tcp://, serial://, usb://, file://)."""

from __future__ import annotations

from dataclasses import replace

from pos.printing.connections import PrinterError, open_connection, parse_uri
from pos.printing.textlayout import pad

CLEAR = b"\x0c"
HOME = b"\x0b"
WIDTH = 20
# seconds: a display that does not take 40 bytes within this is not there; a printer's 5 s
# default would hold every later write (and a scan waiting on a shared thread) that long
TIMEOUT = 1.0


def display_bytes(line1: str, line2: str, encoding: str = "gb18030") -> bytes:
    """Two lines, each exactly 20 cells (a Chinese character takes two)."""
    return (
        b"\x1b@"
        + CLEAR
        + HOME
        + pad(line1, WIDTH).encode(encoding, "replace")
        + pad(line2, WIDTH).encode(encoding, "replace")
    )


class PoleDisplay:
    def __init__(self, uri: str) -> None:
        config = parse_uri(uri)
        self.config = replace(config, timeout=min(config.timeout, TIMEOUT))

    def show(self, line1: str, line2: str = "") -> None:
        """Blocking IO: call from the device thread. Raises PrinterError when unreachable.
        No status is asked: a display has no paper to run out of, and many never answer DLE EOT
        (over TCP that cost a 1 s wait per write, over serial three reads with the timeout)."""
        if self.config.is_preview:
            raise PrinterError("A pole display needs a device address.")
        open_connection(self.config).send(display_bytes(line1, line2, self.config.encoding), check_status=False)
