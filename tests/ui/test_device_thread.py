"""A customer pole display that hangs never delays a scan (issue 10, finding 11): its writes go to
the device thread, not the services' worker, and only the newest text waits for it."""

import threading

from pos.services import customers
from pos.ui.main_window import MainWindow
from tests.ui.keyboard import scan


class HangingPole:
    """A display whose write blocks until released (a serial port waiting out its timeout)."""

    def __init__(self):
        self.writing = threading.Event()
        self.release = threading.Event()
        self.shown = []

    def show(self, first, second=""):
        self.writing.set()
        self.release.wait(30)
        self.shown.append((first, second))


def test_a_hanging_pole_display_does_not_delay_the_next_scans(qtbot, zh, counter_window):
    window: MainWindow = counter_window
    page = window.counter_page
    pole = window.pole = HangingPole()
    page.set_customer(customers.search(window.db, "zs")[0])
    try:
        with qtbot.waitSignal(page.line_shown, timeout=5000):
            scan(window.station_switch, "YJ1000")
        qtbot.waitUntil(pole.writing.is_set, timeout=5000)  # the display is now stuck in its first write
        scan(window.station_switch, "BD2000")
        scan(window.station_switch, "2*YJ1000")
        # the scans reach the slip while the display is still stuck
        qtbot.waitUntil(
            lambda: [(ln.item_code, ln.quantity) for ln in page.model.lines] == [("YJ1000", 3), ("BD2000", 1)],
            timeout=5000,
        )
        assert not pole.shown
    finally:
        pole.release.set()
    qtbot.waitUntil(window.devices.idle, timeout=5000)
    # after the stuck write, only the newest text: the display skips what it has missed
    assert len(pole.shown) == 2
    assert pole.shown[0][1].endswith("35.00") and pole.shown[-1][1].endswith("233.00")
