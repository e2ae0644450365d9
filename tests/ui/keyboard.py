"""Key presses as a keyboard-wedge scanner makes them, with the window system's timestamps.

A scanner sends a character every few milliseconds; the scan filter measures the gaps on each
event's timestamp. QTest's own key events carry no timestamp, so their gaps are whatever the test
machine's scheduler makes of them: on a busy CI machine one gap in five hundred can pass 35 ms and
split the scan. These events carry the timestamps a scanner's would, and are delivered through the
application like real ones (its event filters see them first).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

SCANNER_MS = 2
PERSON_MS = 150  # a person's pace between keys: far past the scan filter's gap, so no burst
_SHIFTED = set('~!@#$%^&*()_+{}|:"<>?ABCDEFGHIJKLMNOPQRSTUVWXYZ')
_last_ms = 0


def _stamp(event: QKeyEvent, ms: int) -> QKeyEvent:
    event.setTimestamp(ms)
    return event


def _press(widget: QWidget, key: int, text: str, modifiers: Qt.KeyboardModifier, ms: int) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, _stamp(QKeyEvent(kind, key, modifiers, text), ms))


def key_code(char: str) -> int:
    # Qt's key codes for printable ASCII are the Latin-1 codes, letters upper case.
    return ord(char.upper())


def scanner_types(
    widget: QWidget, text: str, gap_ms: int = SCANNER_MS, enter: bool = True, start_ms: int | None = None
) -> int:
    """Type `text` (and Enter) into `widget` with `gap_ms` between keys; returns the last timestamp."""
    global _last_ms
    ms = start_ms if start_ms is not None else max(int(time.monotonic() * 1000), _last_ms + 1000)
    no_mod = Qt.KeyboardModifier.NoModifier
    for char in text:
        if char in _SHIFTED:  # scanners press Shift for these like any keyboard
            QApplication.sendEvent(
                widget, _stamp(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier), ms)
            )
            _press(widget, key_code(char), char, Qt.KeyboardModifier.ShiftModifier, ms)
            QApplication.sendEvent(widget, _stamp(QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, no_mod), ms))
        else:
            _press(widget, key_code(char), char, no_mod, ms)
        ms += gap_ms
    if enter:
        _press(widget, Qt.Key.Key_Return, "\r", no_mod, ms)
    _last_ms = ms
    return ms


def person_types(widget: QWidget, text: str, enter: bool = False) -> int:
    """Keys at a person's pace, stamped PERSON_MS apart: the scan filter hands them to the field
    (the last one once its hold is over: wait for the text, or for the Enter). No time passes."""
    return scanner_types(widget, text, gap_ms=PERSON_MS, enter=enter)


def scan(widget: QWidget, code: str) -> None:
    """A keyboard-wedge scanner reading `code` while `widget` has the focus."""
    scanner_types(widget, code)


def activate(qtbot, window: QWidget) -> None:
    """Keys go to the active window. With two station windows in one test process, or a dialog
    opened by a worker's reply, the offscreen platform may leave none active: the window a person
    now works at takes the keys, as a click on it would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
