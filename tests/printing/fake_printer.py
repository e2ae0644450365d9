"""A network receipt printer on loopback, for tests: it listens on a real TCP port, answers
DLE EOT status queries like an ESC/POS printer, and keeps what each connection sent.

Behaviours: "ok"; "silent" (never answers status, like many cheap printers); "paper_out"
(reports no paper); "stall" (accepts, then reads nothing); "drop" (resets the connection after
`drop_after` bytes of a job); "cut" (reads exactly `cut_at` bytes off the wire, status queries
included, answering the queries among them, then resets the connection). The behaviour can change
between connections; `plan` gives the behaviours of the next connections, one each, in turn."""

from __future__ import annotations

import socket
import threading

STATUS_OK = {1: 0x12, 2: 0x12, 4: 0x12}
STATUS_PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x72}


class FakePrinter:
    def __init__(self, behaviour: str = "ok", *, port: int = 0, drop_after: int = 65536) -> None:
        self.behaviour = behaviour
        self.drop_after = drop_after
        self.cut_at = 0
        self.plan: list[str] = []
        self.clean_ends = 0  # connections the client ended with a FIN (shutdown), not a reset
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
                behaviour = self.plan.pop(0) if self.plan else self.behaviour
            threading.Thread(target=self._handle, args=(conn, behaviour, self.cut_at), daemon=True).start()

    def _handle(self, conn: socket.socket, behaviour: str, cut_at: int) -> None:
        received = bytearray()
        scanned = 0  # received[:scanned] holds no status query
        wire = 0  # bytes read off the connection, status queries included
        conn.settimeout(5)
        try:
            if behaviour == "stall":
                self._stop.wait(30)
                return
            while True:
                want = min(4096, cut_at - wire) if behaviour == "cut" else 4096
                if want <= 0:
                    _reset(conn)
                    break
                try:
                    chunk = conn.recv(want)
                except (TimeoutError, OSError):
                    break
                if not chunk:
                    with self._lock:
                        self.clean_ends += 1
                    break
                wire += len(chunk)
                received += chunk
                # DLE EOT is a real-time command: a printer answers it wherever it comes in the stream
                while (at := received.find(b"\x10\x04", scanned)) >= 0 and at + 2 < len(received):
                    n = received[at + 2]
                    if n not in (1, 2, 3, 4):
                        scanned = at + 1
                        continue
                    del received[at : at + 3]
                    scanned = at
                    if behaviour != "silent":
                        table = STATUS_PAPER_OUT if behaviour == "paper_out" else STATUS_OK
                        conn.sendall(bytes([table.get(n, 0x12)]))
                scanned = max(scanned, len(received) - 2)
                if behaviour == "drop" and len(received) >= self.drop_after:
                    _reset(conn)
                    break
        finally:
            conn.close()
            with self._lock:
                if received:
                    self.jobs.append(bytes(received))
                self.handled += 1
                self._lock.notify_all()


def _reset(conn: socket.socket) -> None:
    """Close with a reset (RST), as a printer that is switched off or loses its network does."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
