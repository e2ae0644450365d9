"""Device IO on a thread of its own, never on the database worker's.

A pole display on a serial port can take a second or more to answer (or time out); queued on the
one thread that runs the services, every scan waited behind it. Here each device has one slot:
a write waiting for a device that is still busy is replaced by a newer one ("latest wins"),
because a customer display only needs to show the newest state, never every step that led to it.
Devices are written one at a time, oldest waiting device first.

Errors are handed to the submitter's `on_error` on this thread; the GUI forwards them through a
queued signal."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


class DeviceWorker:
    def __init__(self, name: str = "pos-devices") -> None:
        self._cond = threading.Condition()
        self._waiting: dict[str, tuple[Callable[[], object], ErrorHandler | None]] = {}  # device -> newest write
        self._busy = False
        self._closed = False
        self.dropped = 0  # writes replaced before they ran (superseded by a newer one)
        # a daemon: a device stuck in a blocking call cannot keep the process alive at exit
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, device: str, call: Callable[[], object], on_error: ErrorHandler | None = None) -> None:
        """Run call() on the device thread; a write still waiting for the same device is dropped.
        Never blocks. After shutdown nothing new is started."""
        with self._cond:
            if self._closed:
                return
            if self._waiting.pop(device, None) is not None:
                self.dropped += 1
            self._waiting[device] = (call, on_error)  # re-inserted: behind devices waiting longer
            self._cond.notify_all()

    def idle(self) -> bool:
        """Nothing running and nothing waiting."""
        with self._cond:
            return not self._busy and not self._waiting

    def wait_idle(self, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and not self._waiting, timeout)

    def shutdown(self, timeout: float = 2.0) -> None:
        """Drop what is waiting and stop; a write in progress is given `timeout` seconds to end
        (the devices' own timeouts are shorter than that)."""
        with self._cond:
            self._closed = True
            self.dropped += len(self._waiting)
            self._waiting.clear()
            self._cond.notify_all()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closed or bool(self._waiting))
                if self._closed:
                    return
                device = next(iter(self._waiting))
                call, on_error = self._waiting.pop(device)
                self._busy = True
            try:
                call()
            except Exception as exc:  # noqa: BLE001 - a dead display must not stop the others
                log.info("device %s: %s", device, exc)
                if on_error is not None:
                    try:
                        on_error(exc)
                    except Exception:  # noqa: BLE001
                        log.exception("device %s: error handler", device)
            finally:
                del call, on_error  # the submitter's objects are not kept alive by this thread
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
