"""Python's cyclic garbage collector runs in whichever thread happens to allocate when a threshold
is crossed. If that is the service worker or the spooler, and the garbage holds Qt widgets (a
closed dialog and a lambda connected to it make a cycle), their C++ destructors run off the GUI
thread and the process crashes. So automatic collection is off and the GUI thread collects on a
timer, generation by generation as the automatic collector would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return
        generation = 0
        if counts[1] > self.thresholds[1]:
            generation = 2 if counts[2] > self.thresholds[2] else 1
        gc.collect(generation)


_installed: list[GuiThreadCollector] = []


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once for the application (idempotent). Kept here rather than looked
    up with findChild, whose first call took 6 ms of the first paint."""
    for collector in list(_installed):
        try:
            if collector.parent() is app:
                return collector
        except RuntimeError:  # its application is gone
            _installed.remove(collector)
    collector = GuiThreadCollector(app)
    _installed.append(collector)
    return collector
