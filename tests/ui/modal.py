"""Acting on a modal dialog while its `exec()` runs, as a person at the screen would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Failures(list):
    """What went wrong inside dialogs; `check()` raises the first one in the test itself."""

    def check(self) -> None:
        if self:
            raise self[0]


def when_modal(action: Callable[[QWidget], None], *, kind: type | None = None, tries: int = 500) -> Failures:
    """Call `action(dialog)` once a modal dialog (of `kind`, if given) is open; polls the event loop.
    An exception in `action` closes the dialog (a test must not hang on it) and is kept in the
    returned list, for the test to `check()`."""
    failures = Failures()

    def poll(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and (kind is None or isinstance(dialog, kind)) and dialog.isVisible():
            try:
                action(dialog)
            except BaseException as exc:  # noqa: BLE001 - handed to the test
                failures.append(exc)
                dialog.reject()
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return failures
