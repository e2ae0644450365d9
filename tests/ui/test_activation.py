"""Without a window manager nothing gives the keyboard back after a dialog closes: the app does."""

from PySide6.QtWidgets import QDialog

from pos.ui import activation
from tests.ui.modal import when_modal


class NoFocus:
    """A window system that left no window active (no window manager)."""

    @staticmethod
    def focusWindow():  # noqa: N802 - Qt's name
        return None


def test_the_station_takes_the_keyboard_back_when_a_dialog_closes(qtbot, counter_window, monkeypatch):
    window = counter_window
    activated = []
    monkeypatch.setattr(activation, "QGuiApplication", NoFocus)
    monkeypatch.setattr(window, "activateWindow", lambda: activated.append("station"))
    question = QDialog(window)
    when_modal(lambda dialog: dialog.reject(), kind=QDialog)
    question.exec()
    qtbot.waitUntil(lambda: activated == ["station"], timeout=2000)


def test_a_dialog_under_a_closed_question_gets_the_keyboard_back(qtbot, counter_window, monkeypatch):
    window = counter_window
    activated = []
    monkeypatch.setattr(activation, "QGuiApplication", NoFocus)
    outer = QDialog(window)
    monkeypatch.setattr(outer, "activateWindow", lambda: activated.append("outer"))

    def ask_inside(dialog):
        inner = QDialog(dialog)
        when_modal(lambda d: d.reject() if d is inner else None, kind=QDialog)
        inner.exec()
        qtbot.waitUntil(lambda: activated == ["outer"], timeout=2000)
        dialog.reject()

    failures = when_modal(ask_inside, kind=QDialog)
    outer.exec()
    failures.check()
    assert activated[0] == "outer"
