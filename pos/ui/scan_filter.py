"""Keyboard-wedge scanners anywhere in the application.

A scanner is a keyboard: its code arrives as key presses a few milliseconds apart, then Enter, into
whichever widget has focus, in whichever window: the station, or a dialog open on top of it. This
filter sits on the application and holds printable key presses back for a moment: if they turn out
to be a burst ending in Enter, they become one `scanned` signal and never reach the widget (a scan
into the cash field must not become an amount and its Enter must not confirm the payment);
otherwise they are delivered, in order, to the widget they were meant for (a person typing into a
field sees them after at most HOLD_MS). Keys other than printable ones and Enter pass untouched
once anything held has been delivered first; modifier keys alone (Shift) pass without interrupting.

Keys and Enter that all came at a scanner's pace are a scan however few they are: a person cannot
type them, and "88" with its Enter must not become a quantity and confirm it.

`scan_window` is the window the burst was typed into, so the owner can route the scan to what that
window declared a scan means there. Fields marked with `mark_typed_only` (amounts) take keys at a
person's speed only: a burst that never ended in Enter is dropped there and `burst_refused` says so.

Gaps are measured on the window system's timestamp of each key, not on when the GUI thread got
round to it: a repaint that holds the GUI thread for 50 ms must not split a scan whose keys arrived
2 ms apart. Events without a timestamp (0, e.g. synthesized ones) fall back to the clock.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from pos.devices.scanner import MAX_GAP, BurstDetector, remap

HOLD_MS = int(MAX_GAP * 1000) + 25
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CLICKS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
# Scanners press Shift for capitals and symbols like any keyboard: a modifier on its own is part of
# the burst, not an interruption.
_MODIFIERS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)


TYPED_ONLY = "typed_only"  # widget property: keys at a person's speed only


def mark_typed_only(*fields: QWidget) -> None:
    """Amount fields: a scanner's burst never becomes an amount, even without its Enter."""
    for field in fields:
        field.setProperty(TYPED_ONLY, True)


def typed_only(widget: QWidget | None) -> bool:
    """Marked, or inside a marked widget (a spin box's own line edit gets its keys)."""
    while widget is not None:
        if widget.property(TYPED_ONLY):
            return True
        widget = None if widget.isWindow() else widget.parentWidget()
    return False


class ScanFilter(QObject):
    # emitted by the filter on the GUI thread with the scanned text (already mapped to the layout);
    # `scan_window` holds the window it was typed into
    scanned = Signal(str)
    # emitted when a fast burst meant for a typed-only field was dropped (the burst's text)
    burst_refused = Signal(str)

    def __init__(self, owner: QObject, layout: str = "us", clock=time.monotonic) -> None:  # noqa: ANN001
        super().__init__(owner)
        self.scan_window: QWidget | None = None
        self.layout = layout
        self.clock = clock
        self.enabled = True
        self.detector = BurstDetector()
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._replaying = False
        self._timer = QTimer(self, singleShot=True, interval=HOLD_MS)
        self._timer.timeout.connect(self.release)

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        self.release()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, target: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _CLICKS and self._held and not self._replaying:
            # a click on Save right after typing: the last keys typed reach their field first
            self.release()
            return False
        if (
            self._replaying
            or not self.enabled
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(target, QWidget)
        ):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.key() in _MODIFIERS:
            return False
        now = self._time_of(key_event)
        text = key_event.text()
        if key_event.key() in _ENTER:
            if self.detector.pending():
                # keys and Enter at a scanner's pace are never a person's decision, however few:
                # "88" and Enter must not become a quantity and confirm it
                short = "".join(self.detector.chars) if self.detector.fast_until(now) else None
                scan = self.detector.enter(now) or short
                if scan is not None:
                    self._held.clear()
                    self._timer.stop()
                    self.scan_window = target.window()
                    self.scanned.emit(remap(scan, self.layout))
                    return True
            self.release()
            return False
        printable = (
            len(text) == 1
            and text.isprintable()
            and not (key_event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        )
        if not printable:
            self.release()
            return False
        if self.detector.pause_before(now):
            self.release()  # what came before the pause was typed: it goes to its widget, not the bin
        self.detector.key(text, now)
        self._held.append(
            (
                target,
                QKeyEvent(
                    key_event.type(),
                    key_event.key(),
                    key_event.modifiers(),
                    text,
                    key_event.isAutoRepeat(),
                    key_event.count(),
                ),
            )
        )
        self._timer.start()
        return True

    @property
    def holding(self) -> bool:
        """Keys are held back, not yet delivered, scanned or dropped."""
        return bool(self._held)

    def _time_of(self, event: QKeyEvent) -> float:
        stamp = event.timestamp()
        return stamp / 1000 if stamp else self.clock()

    def release(self) -> None:
        """Deliver held keys to their widgets, in the order they were typed."""
        self._timer.stop()
        held, self._held = self._held, []
        was_burst = self.detector.is_burst()
        self.detector.clear()
        if not held:
            return
        if was_burst and any(typed_only(target) for target, _ in held):
            self.scan_window = held[-1][0].window()
            self.burst_refused.emit("".join(event.text() for _, event in held))
            return
        self._replaying = True
        try:
            for target, event in held:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False
