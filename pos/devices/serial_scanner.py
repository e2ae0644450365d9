"""Serial barcode scanners: one code per line (CR and/or LF), read on a thread of their own."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class SerialScanner(threading.Thread):
    """Calls on_scan(text) for every line the scanner sends, on this thread: the caller marshals
    it to wherever it belongs (the GUI bridges it with a signal)."""

    def __init__(
        self,
        port: str,
        baudrate: int,
        on_scan: Callable[[str], None],
        on_error: Callable[[str], None] = lambda message: None,
    ) -> None:
        super().__init__(name=f"pos-scanner-{port}", daemon=True)
        self.port, self.baudrate = port, baudrate
        self.on_scan, self.on_error = on_scan, on_error
        self._halt = threading.Event()
        self.ready = threading.Event()  # set once the port is open and listening
        self._serial = None

    def run(self) -> None:
        import serial  # pyserial, only needed when a serial scanner is configured

        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=0.2)
        except (serial.SerialException, OSError) as exc:
            self.on_error(f"cannot open scanner port {self.port}: {exc}")
            return
        buffer = bytearray()
        self.ready.set()
        try:
            while not self._halt.is_set():
                try:
                    chunk = self._serial.read(256)
                except (serial.SerialException, OSError) as exc:
                    self.on_error(f"scanner port {self.port}: {exc}")
                    return
                buffer += chunk
                while True:
                    cut = min((i for i in (buffer.find(b"\r"), buffer.find(b"\n")) if i >= 0), default=-1)
                    if cut < 0:
                        break
                    line = bytes(buffer[:cut]).decode("ascii", errors="replace").strip()
                    del buffer[: cut + 1]
                    if line:
                        self.on_scan(line)
                if len(buffer) > 4096:  # noise with no line ends: drop it
                    buffer.clear()
        finally:
            try:
                self._serial.close()
            except Exception:  # noqa: BLE001
                pass

    def stop(self) -> None:
        self._halt.set()
        self.join(2)
