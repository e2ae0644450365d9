"""Starting the window: Qt application, language, database (upgraded on start), main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.config import Settings
from pos.domain.errors import PosError
from pos.log_file import start_logging
from pos.services.startup import open_database
from pos.station_lock import hold_station
from pos.ui.gc_guard import collect_on_gui_thread
from pos.ui.i18n import error_text, install_translators
from pos.ui.main_window import MainWindow
from pos.ui.spooler_bridge import SpoolerBridge
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
    start_logging()
    if problems:
        QMessageBox.warning(None, "Counter & Bench", settings_warning(problems))
    try:
        # One window per station and database, taken before the upgrade so a second start changes
        # nothing; held until the app ends, and released by the system if the process dies.
        station_lock = hold_station(settings.station_name, url)
    except PosError as exc:
        QMessageBox.critical(None, "Counter & Bench", error_text(exc))
        return 1
    try:
        # Before the window exists: an upgrade (with its backup) must finish before anyone works.
        opened = open_database(url, demo=demo)
    except PosError as exc:
        station_lock.release()
        QMessageBox.critical(None, "Counter & Bench", error_text(exc))
        return 1
    spooler = SpoolerBridge(opened.db, settings.station_name)
    window = MainWindow(opened.db, settings, demo=demo, spooler=spooler)
    spooler.start()  # resumes jobs left waiting by an earlier run
    window.resize(QSize(1280, 800).boundedTo(app.primaryScreen().availableSize()))
    window.showMaximized()  # a station's screen belongs to the app; 1024x768 touch screens included
    window.place_customer_display()
    if opened.upgrade.backup:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Database upgraded; previous copy saved as {path}").format(
                path=str(opened.upgrade.backup)
            ),
            15000,
        )
    try:
        return app.exec()
    finally:
        station_lock.release()
