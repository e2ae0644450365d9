"""All service calls run on one background thread (a single writer keeps ordering obvious and
SQLite happy); results come home to the GUI thread through a queued signal.

The worker thread never holds the last reference to anything a caller passed in: the callbacks
stay on the GUI thread, and the call is dropped by the worker before its result is announced. A
callback is usually a bound method of a widget; if the worker thread freed the widget's last
reference, its C++ destructor would run off the GUI thread and crash the process.

A user act that commits (a scan, a quantity, a tick, a settlement…) goes through `act`: its command
id is made once, and when the database does not answer (connection lost, a commit whose reply never
came) the same call is made again with the same id, so the act is stored once, never lost and never
doubled. The services recognise the id and return what the first attempt did.

A search as the person types goes through `lookup`, on a second thread: it only reads, so it may
run beside the acts, and a scan never waits behind it. Only the newest search of a kind runs; one
typed over before it started is dropped.
"""

from __future__ import annotations

import itertools
import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from pos.domain.errors import DatabaseUnreachable

log = logging.getLogger(__name__)

# Seconds between attempts of an act the database did not answer: a few quick ones for a blip,
# then every few seconds until it is through (the acts behind it wait, in order).
QUICK_RETRIES = (0.05, 0.2, 0.5, 1.0)
SLOW_RETRY = 3.0
_DROPPED = object()  # what a lookup typed over returns instead of running


def transient(error: BaseException) -> bool:
    """A database error after which the same call may simply be made again: the connection, not
    the request, failed (or a lock wait gave up). Whether the first attempt committed is unknown."""
    if isinstance(error, OperationalError | InterfaceError | DatabaseUnreachable):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


class Worker(QObject):
    # emitted on the worker thread; Qt queues it to the GUI thread where _deliver runs
    _finished = Signal(int, object)
    # emitted on the GUI thread whenever a call finishes (tests wait on it)
    call_finished = Signal()
    # emitted from the worker thread (queued to the GUI thread) when an act is still unanswered after
    # the quick retries, and again (False) once it has gone through: the screen says so meanwhile
    act_uncertain = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pos-services")
        self._lookups = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pos-lookups")
        self._newest: dict[str, int] = {}  # the newest lookup of each kind, by call id
        self._finished.connect(self._deliver)
        # call, on_done, on_error by call id: released on the GUI thread when the result is delivered
        self._calls: dict[int, tuple[Callable, Callable, Callable]] = {}
        self._ids = itertools.count()
        self.pending = 0
        self.closed = False
        self._closing = threading.Event()  # wakes an act waiting to retry when the window closes

    def submit(
        self, call: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
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

    def lookup(
        self,
        kind: str,
        call: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """A read-only search, as submit() but on the lookup thread. A newer lookup of the same
        `kind` submitted before this one started drops it: neither it nor its callbacks run."""
        if self.closed:
            return
        self.pending += 1
        call_id = next(self._ids)
        self._calls[call_id] = (call, on_done, on_error)
        self._newest[kind] = call_id
        holder = [call]

        def run() -> Any:  # noqa: ANN401 - whatever the service returns
            search = holder.pop()
            if self._newest.get(kind) != call_id:
                return _DROPPED  # typed over while it waited
            return search()

        future = self._lookups.submit(run)
        future.add_done_callback(lambda f: self._finished.emit(call_id, f))

    def act(
        self,
        call: Callable[[str], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        command_id: str | None = None,
    ) -> str:
        """One user act: call(command_id) off the GUI thread, with a command id made once here (or the
        one given, for an act taken up again) and passed unchanged on every retry. A transient
        database error is retried (QUICK_RETRIES, then every SLOW_RETRY seconds, announced with
        act_uncertain) until the act goes through or the window closes; any other error goes to
        on_error at once. Returns the command id."""
        command = command_id or uuid.uuid4().hex

        def attempts() -> Any:  # noqa: ANN401 - whatever the service returns
            announced = False
            for attempt in itertools.count():
                try:
                    result = call(command)
                except Exception as error:
                    if not transient(error) or self._closing.is_set():
                        raise
                    log.warning("act %s not answered (attempt %d): %s", command, attempt + 1, error)
                    if attempt >= len(QUICK_RETRIES) and not announced:
                        announced = True
                        self.act_uncertain.emit(True)
                    self._closing.wait(QUICK_RETRIES[attempt] if attempt < len(QUICK_RETRIES) else SLOW_RETRY)
                    continue
                if announced:
                    self.act_uncertain.emit(False)
                return result
            raise AssertionError("unreachable")

        self.submit(attempts, on_done, on_error)
        return command

    def _deliver(self, call_id: int, future: Future) -> None:
        self.pending -= 1
        _call, on_done, on_error = self._calls.pop(call_id)
        try:
            error = future.exception()
            if error is None:
                result = future.result()
                if result is not _DROPPED:
                    on_done(result)
            else:
                if not getattr(error, "template", None):
                    log.error("service call failed", exc_info=error)
                on_error(error)
        finally:
            self.call_finished.emit()

    def shutdown(self) -> None:
        self.closed = True
        self._closing.set()
        self._executor.shutdown(wait=True)
        self._lookups.shutdown(wait=True)
