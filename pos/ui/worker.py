"""All service calls run on one background thread (a single writer keeps ordering obvious and
SQLite happy); results come home to the GUI thread through a queued signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Worker(QObject):
    # emitted on the worker thread; Qt queues it to the GUI thread where _deliver runs
    _finished = Signal(object, object, object)
    # emitted on the GUI thread whenever a call finishes (tests wait on it)
    call_finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pos-services")
        self._finished.connect(self._deliver)
        self.pending = 0
        self.closed = False

    def submit(
        self,
        call: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run call() off the GUI thread; then on_done(result) or on_error(exc) on the GUI thread.
        After shutdown (the window is closing) nothing new is started."""
        if self.closed:
            return
        self.pending += 1
        future = self._executor.submit(call)
        future.add_done_callback(lambda f: self._finished.emit(on_done, on_error, f))

    def _deliver(self, on_done: Callable, on_error: Callable, future: Future) -> None:
        self.pending -= 1
        try:
            error = future.exception()
            if error is None:
                on_done(future.result())
            else:
                if not getattr(error, "template", None):
                    log.error("service call failed", exc_info=error)
                on_error(error)
        finally:
            self.call_finished.emit()

    def shutdown(self) -> None:
        self.closed = True
        self._executor.shutdown(wait=True)
