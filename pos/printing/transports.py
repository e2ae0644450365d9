"""The bytes' way to a printer: one Connection per scheme (network, file, CUPS, USB and serial
through python-escpos), opened for one whole job and closed. Blocking IO: the spooler's thread only."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path
from typing import Any, Protocol

from pos.printing.printer_status import (
    DLE_EOT,
    Delivery,
    PrinterError,
    PrinterStatus,
    not_ready,
    status_from_replies,
)
from pos.printing.printer_uri import PrinterConfig


class Connection(Protocol):
    def status(self) -> PrinterStatus: ...

    def send(self, data: bytes, *, check_status: bool = True, require_ready: bool = True) -> Delivery: ...


def unconfirmed(sent: int, total: int, reason: str) -> PrinterError:
    """Every byte may have gone out but the printer did not say it took them: held for a person."""
    return PrinterError(
        "The printer did not confirm the job ({reason}) after {sent} of {total} bytes: check the paper.",
        sent=max(sent, 1),
        total=total,
        reason=reason,
    )


class TcpConnection:
    """Raw TCP (port 9100). Status is asked with DLE EOT on the same connection, one byte back.

    A socket's send only hands bytes to the kernel: a peer that reads nothing, or a connection cut
    after the buffer took the job, looks like success. So after the last byte the printer is asked
    for its status on the same connection and the reply awaited (TCP keeps order: the reply means
    every byte before the request arrived), and the connection is shut down cleanly."""

    STATUS_WAIT = 1.0

    def __init__(self, config: PrinterConfig) -> None:
        host, port = config.target.rsplit(":", 1)
        self.address = (host, int(port))
        self.timeout = config.timeout
        self.answers_status = config.answers_status

    @property
    def _where(self) -> str:
        return f"{self.address[0]}:{self.address[1]}"

    def _connect(self) -> socket.socket:
        try:
            sock = socket.create_connection(self.address, timeout=min(self.timeout, 3.0))
        except OSError as exc:
            raise PrinterError(
                "Cannot connect to {address}: {reason}", address=self._where, reason=exc.strerror or exc
            ) from None
        sock.settimeout(self.timeout)
        return sock

    def _ask(self, sock: socket.socket, n: int, wait: float | None = None) -> int | None:
        try:
            sock.sendall(DLE_EOT + bytes([n]))
            sock.settimeout(wait or self.STATUS_WAIT)
            reply = sock.recv(1)
            return reply[0] if reply else None
        except OSError:
            return None
        finally:
            try:
                sock.settimeout(self.timeout)
            except OSError:
                pass

    def status(self) -> PrinterStatus:
        sock = self._connect()
        try:
            return self._status(sock)
        finally:
            _close(sock)

    def _status(self, sock: socket.socket, wait: float | None = None) -> PrinterStatus:
        first = self._ask(sock, 1, wait)
        if first is None:  # a printer that does not answer at all: do not wait twice more
            return PrinterStatus()
        return status_from_replies(first, self._ask(sock, 2), self._ask(sock, 4))

    def _answered(self, sock: socket.socket, wait: float | None = None) -> PrinterStatus | None:
        """All three status replies, or None: a reply missing means the connection is not sound."""
        replies = [self._ask(sock, n, wait if n == 1 else None) for n in (1, 2, 4)]
        if any(r is None for r in replies):
            return None
        return status_from_replies(*replies)

    def send(self, data: bytes, *, check_status: bool = True, require_ready: bool = True) -> Delivery:
        """Send one whole job on one connection and have the printer confirm it. Refuses (nothing
        sent) when the printer reports it cannot print or, being one that answers, does not."""
        confirm = check_status and self.answers_status
        sock = self._connect()
        try:
            if confirm and require_ready:
                before = self._answered(sock)
                if before is None or not before.known:
                    raise PrinterError(
                        "The printer at {address} did not answer a status request: nothing was sent. "
                        "If it never answers, add status=none to its address.",
                        address=self._where,
                    )
                if not before.ready:
                    raise not_ready(before)
            self._send_all(sock, data)
            if not confirm:
                _shut_down(sock)
                return Delivery(PrinterStatus(), confirmed=False)
            after = self._answered(sock, wait=max(self.timeout, self.STATUS_WAIT))
            if after is None or not after.known:
                raise unconfirmed(len(data), len(data), "no status reply")
            if not after.ready and require_ready:
                raise unconfirmed(len(data), len(data), not_ready(after).message)
            _shut_down(sock)
            return Delivery(after, confirmed=True)
        finally:
            _close(sock)

    def _send_all(self, sock: socket.socket, data: bytes) -> None:
        view, sent = memoryview(data), 0
        while sent < len(data):
            try:
                n = sock.send(view[sent : sent + 65536])
            except OSError:
                n = 0
            if n == 0 and sent == 0:
                raise PrinterError(
                    "The connection to {address} was lost before the job: nothing was sent.", address=self._where
                )
            if n == 0:
                raise PrinterError(
                    "Connection lost after {sent} of {total} bytes: check the printout.", sent=sent, total=len(data)
                )
            sent += n


def _shut_down(sock: socket.socket) -> None:
    """Half-close and wait (briefly) for the printer to close its side: a clean end of the job
    rather than a reset that some printers answer by dropping what is still in their buffer."""
    try:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(0.5)
        while sock.recv(256):
            pass
    except OSError:
        pass


class FileConnection:
    def __init__(self, config: PrinterConfig) -> None:
        self.path = Path(config.target)

    def status(self) -> PrinterStatus:
        return PrinterStatus()

    def send(self, data: bytes, *, check_status: bool = True, require_ready: bool = True) -> Delivery:
        # no mkdir: a mistyped path is refused, not a directory tree made somewhere
        try:
            with open(self.path, "ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise PrinterError("Cannot write {path}: {reason}", path=self.path, reason=exc.strerror or exc) from None
        return Delivery(PrinterStatus(), confirmed=True)  # on disk: fsynced


class CupsConnection:
    def __init__(self, config: PrinterConfig) -> None:
        self.queue = config.target
        self.timeout = config.timeout

    def status(self) -> PrinterStatus:
        return PrinterStatus()

    def send(self, data: bytes, *, check_status: bool = True, require_ready: bool = True) -> Delivery:
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
        return Delivery(PrinterStatus(), confirmed=False)  # CUPS took it; it cannot say the paper did


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
            raise device_error(config, exc) from None
        return printer

    def status(self) -> PrinterStatus:
        printer = self._open()
        try:
            return _device_status(printer)
        finally:
            _close(printer)

    def send(self, data: bytes, *, check_status: bool = True, require_ready: bool = True) -> Delivery:
        printer = self._open()
        confirm = check_status and self.config.answers_status
        try:
            # no status read when the caller needs none (a pole display): each is up to three reads
            # waiting out the timeout on a device that does not answer
            if confirm and require_ready:
                before = _device_status(printer)
                if not before.known:
                    raise PrinterError(
                        "The printer at {uri} did not answer a status request: nothing was sent. "
                        "If it never answers, add status=none to its address.",
                        uri=self.config.uri,
                    )
                if not before.ready:
                    raise not_ready(before)
            try:
                printer._raw(data)
            except Exception as exc:  # noqa: BLE001
                # the device layer does not say how much went out: assume some did
                raise PrinterError(
                    "Sending to {uri} failed: {reason}", sent=1, uri=self.config.uri, reason=exc
                ) from None
            if not confirm:
                return Delivery(PrinterStatus(), confirmed=False)
            after = _device_status(printer)  # a reply after the job: the device took all of it
            if not after.known:
                raise unconfirmed(len(data), len(data), "no status reply")
            if not after.ready and require_ready:
                raise unconfirmed(len(data), len(data), not_ready(after).message)
            return Delivery(after, confirmed=True)
        finally:
            _close(printer)


def device_error(config: PrinterConfig, exc: Exception) -> PrinterError:
    """What went wrong opening a USB or serial printer, said so a person can act on it."""
    name = type(exc).__name__
    if isinstance(exc, ImportError):
        return PrinterError("USB printing needs the pyusb package: reinstall Counter & Bench with its dependencies.")
    if name == "NoBackendError":
        return PrinterError("USB printing needs libusb: install it (Debian: apt install libusb-1.0-0).")
    if name == "DeviceNotFoundError" or isinstance(exc, FileNotFoundError):
        return PrinterError("No printer is connected at {uri}: check the cable and the address.", uri=config.uri)
    denied = getattr(exc, "errno", None) == 13 or isinstance(exc, PermissionError) or "Access denied" in str(exc)
    if denied and config.scheme == "usb":
        return PrinterError(
            "Not allowed to use the USB printer {uri}: add a udev rule giving this user access "
            "(see the README's Printing section), then plug it in again.",
            uri=config.uri,
        )
    if denied:
        return PrinterError("Not allowed to open {uri}: add this user to the dialout group.", uri=config.uri)
    return PrinterError("Cannot open {uri}: {reason}", uri=config.uri, reason=exc)


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
