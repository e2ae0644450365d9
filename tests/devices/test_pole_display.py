"""A pole display write is the text and nothing else: no status query to wait out, short timeouts
(issue 10, finding 11: over TCP a 1 s status wait per write, over serial three reads with the
printer's 5 s timeout)."""

import os
import select
import socket
import threading
import time

from pos.devices.pole_display import TIMEOUT, PoleDisplay, display_bytes


class SilentPeer:
    """A TCP display that reads everything and never answers (as a pole display does)."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.received = bytearray()
        self.closed = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def uri(self):
        return f"tcp://127.0.0.1:{self.server.getsockname()[1]}"

    def _serve(self):
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(4096):
                self.received += chunk
        self.closed.set()


def test_a_tcp_pole_display_gets_only_the_text():
    peer = SilentPeer()
    try:
        PoleDisplay(peer.uri).show("925银素圈戒指 ×1", "合计 ¥35.00")
        assert peer.closed.wait(10)
        assert bytes(peer.received) == display_bytes("925银素圈戒指 ×1", "合计 ¥35.00")
    finally:
        peer.server.close()


def _read_until(fd, size, deadline_s=10.0):
    data = bytearray()
    deadline = time.monotonic() + deadline_s
    while len(data) < size and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            data += os.read(fd, 4096)
    return bytes(data)


def test_a_serial_pole_display_gets_only_the_text_and_no_status_reads():
    master, slave = os.openpty()
    try:
        expected = display_bytes("收您 ¥100.00", "找您 ¥20.50")
        PoleDisplay(f"serial://{os.ttyname(slave)}?baudrate=9600").show("收您 ¥100.00", "找您 ¥20.50")
        got = _read_until(master, len(expected))
        assert got == expected  # no DLE EOT (0x10 0x04) status query before the text
    finally:
        os.close(master)
        os.close(slave)


def test_a_pole_display_never_takes_a_printers_long_timeout():
    assert PoleDisplay("tcp://127.0.0.1:9100").config.timeout == TIMEOUT
    assert PoleDisplay("serial:///dev/ttyUSB0?timeout=0.5").config.timeout == 0.5
