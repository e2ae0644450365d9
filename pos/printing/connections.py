"""Printers addressed by URI, and the bytes' way to them.

    tcp://host[:9100]                     network printer (raw port)
    usb://VID:PID                         USB printer (hex ids, e.g. usb://0416:5011)
    serial:///dev/ttyUSB0?baudrate=9600   serial printer
    cups://QUEUE                          a CUPS queue, sent raw (lp -o raw)
    file:///path/out.bin                  append the bytes to a file (testing, capture)
    preview:                              no printer: a PDF in the preview folder

Any URI takes printer options as query parameters: encoding (gb18030, gbk, gb2312, utf-8),
paper (80 or 58), profile (python-escpos printer profile), timeout (seconds), e.g.
`tcp://192.168.1.50:9100?encoding=gbk&paper=58`.

Every connection is opened, used for one whole job, and closed: many network printers accept one
client at a time. All of this is blocking IO and runs on the spooler's thread, never the GUI's.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from pos.domain.errors import InvalidInput

DLE_EOT = b"\x10\x04"
SCHEMES = ("tcp", "usb", "serial", "cups", "file", "preview")


class PrinterError(Exception):
    """A send that did not complete. `sent` bytes reached the printer before it failed: zero means
    the job can be retried safely; more means part of it may be on paper.

    Like the app's other refusals the message is an English template with fields, so the print
    queue can show it in the operator's language (`to_json` keeps both for the stored job)."""

    def __init__(self, template: str, sent: int = 0, **details: object) -> None:
        self.template = template
        self.details = {key: str(value) for key, value in details.items()}
        if sent:
            self.details["sent"] = str(sent)  # templates may say how much went out
        self.message = template.format(**self.details) if self.details else template
        super().__init__(self.message)
        self.sent = sent

    def to_json(self) -> str:
        return json.dumps({"template": self.template, "details": self.details}, ensure_ascii=False)


def stored_error(text: str) -> tuple[str, dict[str, str]]:
    """A job's stored error back as (template, details); older plain text is its own template."""
    if not text:
        return "", {}
    try:
        data = json.loads(text)
        return str(data["template"]), {str(k): str(v) for k, v in data.get("details", {}).items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return text, {}


def english(template: str, details: dict[str, str]) -> str:
    """A stored error filled in, in English (the command line, logs, JSON output)."""
    try:
        return template.format(**details)
    except (KeyError, IndexError, ValueError):
        return template


def not_ready(state: PrinterStatus) -> PrinterError:
    if state.paper == "out":
        return PrinterError("The printer is out of paper.")
    if state.cover_open:
        return PrinterError("The printer's cover is open.")
    return PrinterError("The printer is offline.")


@dataclass(frozen=True)
class PrinterConfig:
    uri: str
    scheme: str
    target: str
    encoding: str = "gb18030"
    paper: int = 80
    profile: str = "default"
    timeout: float = 5.0
    baudrate: int = 9600

    @property
    def columns(self) -> int:
        return 32 if self.paper == 58 else 48

    @property
    def dots(self) -> int:
        return 384 if self.paper == 58 else 576

    @property
    def is_preview(self) -> bool:
        return self.scheme == "preview"


def parse_uri(uri: str) -> PrinterConfig:
    """Check a printer URI; refuses unknown schemes and malformed targets with the reason."""
    text = (uri or "").strip()
    if text in ("preview", "preview:", "preview://"):
        return PrinterConfig(uri="preview:", scheme="preview", target="")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise InvalidInput("Unknown printer address '{uri}': use tcp://, usb://, serial://, cups://, file:// or preview:.", uri=text)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    options: dict[str, object] = {}
    if "encoding" in query:
        if query["encoding"].lower() not in ("gb18030", "gbk", "gb2312", "utf-8", "cp437", "cp936"):
            raise InvalidInput("Unknown printer encoding '{encoding}'.", encoding=query["encoding"])
        options["encoding"] = query["encoding"].lower()
    if "paper" in query:
        if query["paper"] not in ("58", "80"):
            raise InvalidInput("Paper width must be 58 or 80 (mm).")
        options["paper"] = int(query["paper"])
    if "profile" in query:
        options["profile"] = query["profile"]
    for key, kind in (("timeout", float), ("baudrate", int)):
        if key in query:
            try:
                options[key] = kind(query[key])
            except ValueError:
                raise InvalidInput("Printer option {key} must be a number.", key=key) from None
    if scheme == "tcp":
        if not parts.hostname:
            raise InvalidInput("A network printer address needs a host: tcp://192.168.1.50:9100.")
        try:
            port = parts.port or 9100
        except ValueError:
            raise InvalidInput("The printer port must be a number.") from None
        target = f"{parts.hostname}:{port}"
    elif scheme == "usb":
        ids = (parts.netloc or parts.path.strip("/")).split(":")
        if len(ids) != 2 or not all(_is_hex(i) for i in ids):
            raise InvalidInput("A USB printer address is usb://VID:PID in hex, e.g. usb://0416:5011.")
        target = ":".join(ids)
    elif scheme in ("serial", "file"):
        target = unquote(parts.path)
        if not target:
            raise InvalidInput("The {scheme} printer address needs a path, e.g. {example}.", scheme=scheme,
                               example="serial:///dev/ttyUSB0" if scheme == "serial" else "file:///tmp/out.bin")
    else:  # cups
        target = parts.netloc or parts.path.strip("/")
        if not target:
            raise InvalidInput("A CUPS printer address names the queue: cups://QUEUE.")
    return PrinterConfig(uri=text, scheme=scheme, target=target, **options)  # type: ignore[arg-type]


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
        return 0 < len(text) <= 4
    except ValueError:
        return False


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself. None means it did not say (no answer, or a kind of
    connection that cannot read): unknown, never assumed OK."""

    online: bool | None = None
    paper: str | None = None  # ok, low, out
    cover_open: bool | None = None

    @property
    def known(self) -> bool:
        return self.online is not None or self.paper is not None

    @property
    def ready(self) -> bool:
        """False only when the printer said it cannot print."""
        return self.online is not False and self.paper != "out" and self.cover_open is not True

    def describe(self) -> str:
        if not self.known:
            return "unknown (no status reply)"
        parts = []
        if self.online is not None:
            parts.append("online" if self.online else "offline")
        if self.cover_open:
            parts.append("cover open")
        if self.paper:
            parts.append({"ok": "paper OK", "low": "paper low", "out": "out of paper"}[self.paper])
        return ", ".join(parts)


def _valid(byte: int) -> bool:
    return byte & 0x93 == 0x12  # fixed bits of every real-time status byte


def status_from_replies(printer: int | None, offline: int | None, paper: int | None) -> PrinterStatus:
    online = None if printer is None or not _valid(printer) else not (printer & 0x08)
    cover = None if offline is None or not _valid(offline) else bool(offline & 0x04)
    paper_state = None
    if paper is not None and _valid(paper):
        paper_state = "out" if paper & 0x60 == 0x60 else "low" if paper & 0x0C == 0x0C else "ok"
    if offline is not None and _valid(offline) and offline & 0x20 and paper_state is None:
        paper_state = "out"
    return PrinterStatus(online, paper_state, cover)


class Connection(Protocol):
    def status(self) -> PrinterStatus: ...

    def send(self, data: bytes, *, check_status: bool = True) -> PrinterStatus: ...


class TcpConnection:
    """Raw TCP (port 9100). Status is asked with DLE EOT on the same connection, one byte back."""

    STATUS_WAIT = 1.0

    def __init__(self, config: PrinterConfig) -> None:
        host, port = config.target.rsplit(":", 1)
        self.address = (host, int(port))
        self.timeout = config.timeout

    def _connect(self) -> socket.socket:
        try:
            sock = socket.create_connection(self.address, timeout=min(self.timeout, 3.0))
        except OSError as exc:
            raise PrinterError("Cannot connect to {address}: {reason}", address=f"{self.address[0]}:{self.address[1]}",
                               reason=exc.strerror or exc) from None
        sock.settimeout(self.timeout)
        return sock

    def _ask(self, sock: socket.socket, n: int) -> int | None:
        try:
            sock.sendall(DLE_EOT + bytes([n]))
            sock.settimeout(self.STATUS_WAIT)
            reply = sock.recv(1)
            return reply[0] if reply else None
        except OSError:
            return None
        finally:
            sock.settimeout(self.timeout)

    def status(self) -> PrinterStatus:
        sock = self._connect()
        try:
            return self._status(sock)
        finally:
            _close(sock)

    def _status(self, sock: socket.socket) -> PrinterStatus:
        first = self._ask(sock, 1)
        if first is None:  # a printer that does not answer at all: do not wait twice more
            return PrinterStatus()
        return status_from_replies(first, self._ask(sock, 2), self._ask(sock, 4))

    def send(self, data: bytes, *, check_status: bool = True) -> PrinterStatus:
        """Send one whole job on one connection. Refuses (nothing sent) when the printer reports
        it cannot print; counts what went out when the connection breaks part-way."""
        sock = self._connect()
        sent = 0
        try:
            state = self._status(sock) if check_status else PrinterStatus()
            if not state.ready:
                raise not_ready(state)
            view = memoryview(data)
            while sent < len(data):
                try:
                    n = sock.send(view[sent:sent + 65536])
                except OSError:
                    raise PrinterError("Connection lost after {sent} of {total} bytes: check the printout.",
                                       sent=sent, total=len(data)) from None
                if n == 0:
                    raise PrinterError("Connection lost after {sent} of {total} bytes: check the printout.",
                                       sent=sent, total=len(data))
                sent += n
            return state
        finally:
            _close(sock)


class FileConnection:
    def __init__(self, config: PrinterConfig) -> None:
        self.path = Path(config.target)

    def status(self) -> PrinterStatus:
        return PrinterStatus()

    def send(self, data: bytes, *, check_status: bool = True) -> PrinterStatus:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise PrinterError("Cannot write {path}: {reason}", path=self.path, reason=exc.strerror or exc) from None
        return PrinterStatus()


class CupsConnection:
    def __init__(self, config: PrinterConfig) -> None:
        self.queue = config.target
        self.timeout = config.timeout

    def status(self) -> PrinterStatus:
        return PrinterStatus()

    def send(self, data: bytes, *, check_status: bool = True) -> PrinterStatus:
        try:
            result = subprocess.run(["lp", "-d", self.queue, "-o", "raw"], input=data, capture_output=True,
                                    timeout=max(self.timeout, 10))
        except FileNotFoundError:
            raise PrinterError("CUPS is not installed here (no 'lp' command).") from None
        except subprocess.TimeoutExpired:
            raise PrinterError("CUPS did not accept the job within {seconds} s.", seconds=f"{max(self.timeout, 10):.0f}") from None
        if result.returncode != 0:
            raise PrinterError("CUPS refused the job: {reason}", reason=result.stderr.decode(errors="replace").strip())
        return PrinterStatus()


class EscposDeviceConnection:
    """USB and serial printers through python-escpos's device classes, with explicit timeouts."""

    def __init__(self, config: PrinterConfig) -> None:
        self.config = config

    def _open(self):  # noqa: ANN202 - python-escpos printer
        config = self.config
        try:
            if config.scheme == "usb":
                from escpos.printer import Usb

                vendor, product = (int(x, 16) for x in config.target.split(":"))
                printer = Usb(vendor, product, timeout=int(config.timeout * 1000), profile=config.profile)
            else:
                from escpos.printer import Serial

                printer = Serial(devfile=config.target, baudrate=config.baudrate, timeout=config.timeout,
                                 profile=config.profile)
            printer.open(raise_not_found=True)
        except Exception as exc:  # noqa: BLE001 - device libraries raise many kinds
            if config.scheme == "usb":
                raise PrinterError("Cannot open {uri}: {reason} (on Linux a udev rule may be needed for permission)",
                                   uri=config.uri, reason=exc) from None
            raise PrinterError("Cannot open {uri}: {reason}", uri=config.uri, reason=exc) from None
        return printer

    def status(self) -> PrinterStatus:
        printer = self._open()
        try:
            return _device_status(printer)
        finally:
            _close(printer)

    def send(self, data: bytes, *, check_status: bool = True) -> PrinterStatus:
        printer = self._open()
        try:
            # no status read when the caller needs none (a pole display): each is up to three reads
            # waiting out the timeout on a device that does not answer
            state = _device_status(printer) if check_status else PrinterStatus()
            if not state.ready:
                raise not_ready(state)
            try:
                printer._raw(data)
            except Exception as exc:  # noqa: BLE001
                # the device layer does not say how much went out: assume some did
                raise PrinterError("Sending to {uri} failed: {reason}", sent=1, uri=self.config.uri, reason=exc) from None
            return state
        finally:
            _close(printer)


def _device_status(printer) -> PrinterStatus:  # noqa: ANN001
    """Read DLE EOT replies ourselves: python-escpos 3.1 reports paper OK when nothing answers."""
    replies = []
    for n in (1, 2, 4):
        try:
            printer._raw(DLE_EOT + bytes([n]))
            reply = printer._read()
        except Exception:  # noqa: BLE001 - a device that cannot read: unknown
            return PrinterStatus()
        replies.append(reply[0] if reply else None)
    return status_from_replies(*replies)


def _close(thing) -> None:  # noqa: ANN001
    try:
        thing.close()
    except Exception:  # noqa: BLE001 - close() has raised in python-escpos before (#303, #417, #492)
        pass


def open_connection(config: PrinterConfig) -> Connection:
    if config.scheme == "tcp":
        return TcpConnection(config)
    if config.scheme == "file":
        return FileConnection(config)
    if config.scheme == "cups":
        return CupsConnection(config)
    if config.scheme in ("usb", "serial"):
        return EscposDeviceConnection(config)
    raise ValueError(f"{config.uri} is not a device")

