"""All service calls run on one background thread (a single writer keeps ordering obvious and
SQLite happy); results come home to the GUI thread through a queued signal.

The worker thread never holds the last reference to anything a caller passed in: the callbacks
stay on the GUI thread, and the call is dropped by the worker before its result is announced. A
callback is usually a bound method of a widget; if the worker thread freed the widget's last
reference, its C++ destructor would run off the GUI thread and crash the process.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Worker(QObject):
    # emitted on the worker thread; Qt queues it to the GUI thread where _deliver runs
    _finished = Signal(int, object)
    # emitted on the GUI thread whenever a call finishes (tests wait on it)
    call_finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pos-services")
        self._finished.connect(self._deliver)
        # call, on_done, on_error by call id: released on the GUI thread when the result is delivered
        self._calls: dict[int, tuple[Callable, Callable, Callable]] = {}
        self._ids = itertools.count()
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
        call_id = next(self._ids)
        self._calls[call_id] = (call, on_done, on_error)
        holder = [call]

        def run() -> Any:  # noqa: ANN401 - whatever the service returns
            # the worker's reference goes before the result is announced, so the last one is
            # always the GUI thread's
            return holder.pop()()

        future = self._executor.submit(run)
        future.add_done_callback(lambda f: self._finished.emit(call_id, f))

    def _deliver(self, call_id: int, future: Future) -> None:
        self.pending -= 1
        _call, on_done, on_error = self._calls.pop(call_id)
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
