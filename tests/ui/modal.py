"""Acting on a modal dialog while its exec() runs."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(kind, act, *, close=False):
    """Run act(dialog) once a modal dialog of this kind is up; with close, reject the dialog
    afterwards even if act failed, so a failing test ends instead of waiting on exec()."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            try:
                act(dialog)
            finally:
                if close and dialog.isVisible():
                    dialog.reject()
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)
