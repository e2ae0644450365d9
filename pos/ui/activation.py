"""The keyboard comes back after a dialog closes.

A window manager gives activation back to the window under a closed dialog; a station run
without one (a kiosk session, Xvfb) leaves no window active, and every function key goes nowhere
until someone clicks. When one of our dialogs hides and no window of ours has the focus, the
dialog still open underneath, else the station window, is activated."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class ActivationKeeper(QObject):
    def __init__(self, station: QWidget) -> None:
        super().__init__(station)
        self.station = station
        QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow():
            QTimer.singleShot(0, self.restore)
        return False

    def restore(self) -> None:
        if QGuiApplication.focusWindow() is not None or not self.station.isVisible():
            return  # the window system did it, or the station is gone
        target = QApplication.activeModalWidget() or self.station
        target.activateWindow()
