"""Acting on a modal dialog while its exec() runs."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(kind, act):
    """Run act(dialog) once a modal dialog of this kind is up."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)
