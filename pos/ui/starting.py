"""The window shown while the app prepares: taking the station, opening (and upgrading) the database
and loading the code the counter and the bench run on, all off the GUI thread.

The station's screen shows the app within a fraction of a second of starting instead of staying
empty for two or three while the database layer loads and an old database is upgraded and copied.
"""

from __future__ import annotations

import importlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

# not Qt's namespace of enums (Qt.AlignmentFlag...): loading it took 16 ms of the first paint
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from pos.ui.style import text_size

log = logging.getLogger(__name__)

# What the main window's first screen needs and takes long to import; loaded while the database
# opens. The printing libraries are not among them: they load behind the main window (LATER_MODULES).
WARM_MODULES = ("pos.services.staff", "pos.services.counter", "pos.services.bench", "pos.services.customers")
# Loaded once the main window shows, behind it: the printing libraries (python-escpos reads its
# printer profiles, reportlab its fonts) and the pinyin dictionary. Left to the first print, their
# import would run inside that print's transaction, holding the database's write lock.
LATER_MODULES = ("pos.printing.escpos_render", "pos.printing.pdf_render", "pypinyin")


@dataclass
class Prepared:
    station_lock: Any = None  # a StationLock, held until the app ends
    opened: Any = None  # the OpenedDatabase
    error: BaseException | None = None


class StartingWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Counter & Bench")
        label = text_size(QLabel(QCoreApplication.translate("Starting", "Counter & Bench is getting ready…")), "title")
        label.setObjectName("startingMessage")
        self.setCentralWidget(label)


class _Preparation(QObject):
    finished = Signal(object)  # a Prepared, delivered on the GUI thread


def prepare(station: str, url: str, *, demo: bool) -> Prepared:
    """Take the station and open the database on a thread of its own, keeping the GUI thread's
    events flowing (the starting window paints, a message box answers) until that is done."""
    from_thread = _Preparation()
    loop = QEventLoop()
    results: list[Prepared] = []

    def arrived(prepared: Prepared) -> None:
        results.append(prepared)
        loop.quit()

    from_thread.finished.connect(arrived)  # queued: it is emitted on the preparing thread
    thread = threading.Thread(
        target=lambda: from_thread.finished.emit(_prepare(station, url, demo)), name="preparing", daemon=True
    )
    thread.start()
    if not results:  # it may have arrived already, in a message box's own loop
        loop.exec()
    thread.join()
    return results[0]


def load_later() -> threading.Thread:
    thread = threading.Thread(target=_import, args=(LATER_MODULES,), name="loading", daemon=True)
    thread.start()
    return thread


def _import(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the first real use imports it again and says what failed
            log.exception("loading %s ahead of its first use", name)


def _prepare(station: str, url: str, demo: bool) -> Prepared:
    from pos.log_file import start_logging

    start_logging()  # here, not before the starting window: it loads logging.handlers
    try:
        from pos.station_lock import hold_station

        # One window per station and database, taken before the upgrade so a second start changes
        # nothing; held until the app ends, and released by the system if the process dies.
        station_lock = hold_station(station, url)
    except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which says or raises it
        return Prepared(error=exc)
    try:
        from pos.services.startup import open_database

        # Before the main window exists: an upgrade (with its backup) must finish before anyone works.
        opened = open_database(url, demo=demo)
        for name in WARM_MODULES:
            importlib.import_module(name)
    except BaseException as exc:  # noqa: BLE001 - as above
        station_lock.release()
        return Prepared(error=exc)
    return Prepared(station_lock=station_lock, opened=opened)
