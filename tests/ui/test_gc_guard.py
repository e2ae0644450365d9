"""Garbage holding Qt objects is collected on the GUI thread, never on a worker thread."""

import gc
import threading

from PySide6.QtCore import QObject

from pos.ui.gc_guard import collect_on_gui_thread

collected_in: list[str] = []


class Cycle:
    def __init__(self) -> None:
        self.me = self  # only the cyclic collector frees this
        self.qt = QObject()

    def __del__(self) -> None:
        collected_in.append(threading.current_thread().name)


def test_a_worker_allocating_never_collects_qt_garbage(qtbot, qapp):
    collect_on_gui_thread(qapp)
    assert not gc.isenabled()
    gc.collect()
    collected_in.clear()
    Cycle()

    kept = []

    def allocate() -> None:  # past the threshold at which Python would collect, in this thread
        kept.extend([] for _ in range(3 * gc.get_threshold()[0]))

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert collected_in == []
    qtbot.waitUntil(lambda: collected_in == ["MainThread"], timeout=3000)
