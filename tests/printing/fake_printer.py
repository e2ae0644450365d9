"""A network receipt printer on loopback, for tests: it listens on a real TCP port, answers
DLE EOT status queries like an ESC/POS printer, and keeps what each connection sent.

Behaviours: "ok"; "silent" (never answers status, like many cheap printers); "paper_out"
(reports no paper); "stall" (accepts, then reads nothing); "drop" (closes the connection after
`drop_after` bytes of a job). The behaviour can change between connections."""

from __future__ import annotations

import socket
import threading

STATUS_OK = {1: 0x12, 2: 0x12, 4: 0x12}
STATUS_PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x72}


class FakePrinter:
    def __init__(self, behaviour: str = "ok", *, port: int = 0, drop_after: int = 65536) -> None:
        self.behaviour = behaviour
        self.drop_after = drop_after
        self.jobs: list[bytes] = []  # what each connection sent, status queries removed
        self.connections = 0  # accepted
        self.handled = 0  # accepted and finished with: what they sent is in `jobs`
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self._server.bind(("127.0.0.1", port))
        self._server.listen(5)
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Condition()  # notified whenever a connection is finished with
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}?timeout=1"

    def stop(self) -> None:
        self._stop.set()
        self._server.close()
        self._thread.join(5)

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        """The jobs received, once there are `count` of them (or the timeout passed: fewer)."""
        with self._lock:
            self._lock.wait_for(lambda: len(self.jobs) >= count, timeout)
            return list(self.jobs)

    def settled(self, timeout: float = 10.0) -> bool:
        """Wait until every connection accepted so far has been finished with, so `jobs` holds all
        they sent. Whoever sent with a status query got its reply from an accepted connection, so
        once such a send returned, its connection is counted here."""
        with self._lock:
            return self._lock.wait_for(lambda: self.handled == self.connections, timeout)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._handle, args=(conn, self.behaviour), daemon=True).start()

    def _handle(self, conn: socket.socket, behaviour: str) -> None:
        received = bytearray()
        conn.settimeout(5)
        try:
            if behaviour == "stall":
                self._stop.wait(30)
                return
            while True:
                try:
                    chunk = conn.recv(4096)
                except (TimeoutError, OSError):
                    break
                if not chunk:
                    break
                received += chunk
                while received[:2] == b"\x10\x04" and len(received) >= 3:  # a status query
                    n = received[2]
                    del received[:3]
                    if behaviour != "silent":
                        table = STATUS_PAPER_OUT if behaviour == "paper_out" else STATUS_OK
                        conn.sendall(bytes([table.get(n, 0x12)]))
                if behaviour == "drop" and len(received) >= self.drop_after:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    break
        finally:
            conn.close()
            with self._lock:
                if received:
                    self.jobs.append(bytes(received))
                self.handled += 1
                self._lock.notify_all()
