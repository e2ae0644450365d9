"""Starting the window: Qt application, language, a starting window at once, then the database
(upgraded on start) and the main window.

Only Qt and the settings are imported before the starting window shows; the database layer and the
services load behind it (see pos.ui.starting)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.config import Settings
from pos.domain.errors import PosError
from pos.ui.gc_guard import collect_on_gui_thread
from pos.ui.i18n import error_text, install_translators
from pos.ui.starting import StartingWindow, load_later, prepare
from pos.ui.style import APP_STYLE


def settings_warning(problems: Sequence[PosError]) -> str:
    """What the app says at start about settings it could not use: each with its key and file."""
    heading = QCoreApplication.translate(
        "App", "These settings could not be used; their defaults apply until they are fixed in Settings (Ctrl+,):"
    )
    return "\n\n".join([heading, *(error_text(problem) for problem in problems)])


def run_app(settings: Settings, url: str, *, demo: bool = False, problems: Sequence[PosError] = ()) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Counter & Bench")
    app.setStyleSheet(APP_STYLE)
    collect_on_gui_thread(app)  # before any worker thread exists
    translators = install_translators(app, settings.language)  # noqa: F841 - must stay alive
    starting = StartingWindow()
    starting.resize(QSize(1280, 800).boundedTo(app.primaryScreen().availableSize()))
    starting.showMaximized()
    if problems:
        QMessageBox.warning(starting, "Counter & Bench", settings_warning(problems))
    prepared = prepare(settings.station_name, url, demo=demo)
    if prepared.error is not None:
        if not isinstance(prepared.error, PosError):
            raise prepared.error  # the command reports it and logs its traceback
        starting.close()  # a station already running: its window is the one to use, not hidden behind
        QMessageBox.critical(None, "Counter & Bench", error_text(prepared.error))
        return 1
    station_lock, opened = prepared.station_lock, prepared.opened
    try:
        MainWindow, SpoolerBridge = _window_classes()  # noqa: N806 - classes
        spooler = SpoolerBridge(opened.db, settings.station_name)
        window = MainWindow(opened.db, settings, demo=demo, spooler=spooler)
        spooler.start()  # resumes jobs left waiting by an earlier run
        window.resize(QSize(1280, 800).boundedTo(app.primaryScreen().availableSize()))
        window.showMaximized()  # a station's screen belongs to the app; 1024x768 touch screens included
        window.place_customer_display()
        starting.close()
        load_later()
        if opened.upgrade.backup:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Database upgraded; previous copy saved as {path}").format(
                    path=str(opened.upgrade.backup)
                ),
                15000,
            )
        return app.exec()
    finally:
        station_lock.release()


def _window_classes():  # noqa: ANN202 - the main window and the spooler's bridge, imported late
    from pos.ui.main_window import MainWindow
    from pos.ui.spooler_bridge import SpoolerBridge

    return MainWindow, SpoolerBridge
