"""The scan filter on its own: gaps measured on event timestamps, typed keys never lost."""

import pytest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from pos.ui.scan_filter import ScanFilter
from tests.ui.keyboard import scanner_types


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def form(qtbot):
    window = QWidget()
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    window.show()
    field.setFocus()
    clock = FakeClock()
    scan_filter = ScanFilter(window, clock=clock)
    scan_filter.install()
    scans = []
    scan_filter.scanned.connect(scans.append)
    yield field, scan_filter, scans, clock
    scan_filter.remove()


def test_a_stalled_gui_thread_does_not_split_a_scan(form):
    """Keys 2 ms apart by their timestamps stay one scan even when the GUI thread handles them late."""
    field, scan_filter, scans, _ = form

    class Stalling:
        def __init__(self) -> None:
            self.calls = 0

        def __call__(self) -> float:  # the clock jumps 80 ms at every key the filter handles
            self.calls += 1
            return 1000 + self.calls * 0.08

    scan_filter.clock = Stalling()
    scanner_types(field, "6971230000006")
    assert scans == ["6971230000006"] and field.text() == ""
    assert scan_filter.clock.calls == 0  # the timestamps were used, not the clock


def test_keys_typed_before_a_pause_reach_their_field_not_the_scan(form):
    field, _, scans, _ = form
    end = scanner_types(field, "ab", gap_ms=2, enter=False)
    scanner_types(field, "YJ1000", start_ms=end + 300)  # a pause, then a scanner burst
    assert scans == ["YJ1000"]
    assert field.text() == "ab"


def test_keys_a_person_types_are_delivered_in_order(form):
    field, _, scans, _ = form
    scanner_types(field, "YJ1000", gap_ms=120)
    assert scans == [] and field.text() == "YJ1000"


def test_events_without_a_timestamp_are_timed_by_the_clock(qtbot, form):
    field, _, scans, clock = form
    for char in "BD2000":
        clock.now += 0.002
        qtbot.keyClick(field, char)  # QTest's events carry timestamp 0
    clock.now += 0.002
    qtbot.keyClick(field, "\r")
    assert scans == ["BD2000"] and field.text() == ""
    for char in "XL5000":
        clock.now += 0.2
        qtbot.keyClick(field, char)
    clock.now += 0.2
    qtbot.keyClick(field, "\r")
    assert scans == ["BD2000"] and field.text() == "XL5000"


def test_a_click_right_after_typing_delivers_the_last_keys_first(qtbot, form):
    """Seen in the settings: "window" typed, Save clicked at once, "windo" saved."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    field, _, scans, clock = form
    seen = []
    button = QPushButton("Save", field.window())
    button.clicked.connect(lambda: seen.append(field.text()))
    button.show()
    for char in "window":
        clock.now += 0.15  # a person's pace
        qtbot.keyClick(field, char)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # before the filter's hold has run out
    assert seen == ["window"] and scans == []
