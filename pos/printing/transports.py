"""The bytes' way to a printer: one Connection per scheme (network, file, CUPS, USB and serial
through python-escpos), opened for one whole job and closed. Blocking IO: the spooler's thread only."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path
from typing import Any, Protocol

from pos.printing.printer_status import DLE_EOT, PrinterError, PrinterStatus, not_ready, status_from_replies
from pos.printing.printer_uri import PrinterConfig


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
            raise PrinterError(
                "Cannot connect to {address}: {reason}",
                address=f"{self.address[0]}:{self.address[1]}",
                reason=exc.strerror or exc,
            ) from None
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
                    n = sock.send(view[sent : sent + 65536])
                except OSError:
                    raise PrinterError(
                        "Connection lost after {sent} of {total} bytes: check the printout.", sent=sent, total=len(data)
                    ) from None
                if n == 0:
                    raise PrinterError(
                        "Connection lost after {sent} of {total} bytes: check the printout.", sent=sent, total=len(data)
                    )
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
            result = subprocess.run(
                ["lp", "-d", self.queue, "-o", "raw"], input=data, capture_output=True, timeout=max(self.timeout, 10)
            )
        except FileNotFoundError:
            raise PrinterError("CUPS is not installed here (no 'lp' command).") from None
        except subprocess.TimeoutExpired:
            raise PrinterError(
                "CUPS did not accept the job within {seconds} s.", seconds=f"{max(self.timeout, 10):.0f}"
            ) from None
        if result.returncode != 0:
            raise PrinterError("CUPS refused the job: {reason}", reason=result.stderr.decode(errors="replace").strip())
        return PrinterStatus()


class EscposDeviceConnection:
    """USB and serial printers through python-escpos's device classes, with explicit timeouts."""

    def __init__(self, config: PrinterConfig) -> None:
        self.config = config

    def _open(self) -> Any:  # a python-escpos Usb or Serial printer (the library is untyped)
        config = self.config
        try:
            if config.scheme == "usb":
                from escpos.printer import Usb

                vendor, product = (int(x, 16) for x in config.target.split(":"))
                printer = Usb(vendor, product, timeout=int(config.timeout * 1000), profile=config.profile)
            else:
                from escpos.printer import Serial

                printer = Serial(
                    devfile=config.target, baudrate=config.baudrate, timeout=config.timeout, profile=config.profile
                )
            printer.open(raise_not_found=True)
        except Exception as exc:  # noqa: BLE001 - device libraries raise many kinds
            if config.scheme == "usb":
                raise PrinterError(
                    "Cannot open {uri}: {reason} (on Linux a udev rule may be needed for permission)",
                    uri=config.uri,
                    reason=exc,
                ) from None
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
                raise PrinterError(
                    "Sending to {uri} failed: {reason}", sent=1, uri=self.config.uri, reason=exc
                ) from None
            return state
        finally:
            _close(printer)


def _device_status(printer: Any) -> PrinterStatus:
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


def _close(thing: Any) -> None:
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
