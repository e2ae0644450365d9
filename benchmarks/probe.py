"""Run in a process of its own by the suite: `python -m benchmarks.probe MODE LAUNCHED [URL]`.

- bare: a bare PySide6 main window; prints the seconds from LAUNCHED (time.time() when the
  process was started) to its first paint, and the peak RSS in MiB;
- start: the `pos` command on URL; prints the seconds to the first paint of its first window;
- memory: the app's main window on URL, signed in, 50 scans at the counter; prints the peak RSS.
"""

from __future__ import annotations

import os
import resource
import sys
import time


def _peak_mib() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: on Linux a process started
    by a larger one reports the larger one's peak."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare(launched: float) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class Window(QMainWindow):
        def paintEvent(self, event):  # noqa: N802, ANN001
            print(f"{time.time() - launched:.4f} {_peak_mib():.1f}", flush=True)
            os._exit(0)

    app = QApplication([])
    window = Window()
    window.setCentralWidget(QLabel("Counter & Bench"))
    window.showMaximized()
    app.exec()


def start(launched: float, url: str) -> None:
    import pos.ui.starting as starting
    from pos.cli import main  # first, as the command runs: Qt is loaded later, by the window

    def painted(self, event):  # noqa: ANN001
        print(f"{time.time() - launched:.4f} {_peak_mib():.1f}", flush=True)
        os._exit(0)

    starting.StartingWindow.paintEvent = painted
    sys.exit(main(["--database", url]))


def memory(url: str) -> None:
    from benchmarks import data
    from benchmarks.ui_figures import _scanner, _wait, _window
    from pos.db.database import Database
    from pos.services import customers, staff

    db = Database(url)
    app, window = _window(db, "counter")
    cashier = staff.sign_in(db, "1001", "1111")
    window._signed_in(cashier)
    page = window.counter_page
    page.set_customer(customers.search(db, "C000004")[0])
    scan = _scanner(app, page.table, page.line_shown)
    for i in range(50):
        scan(data.barcode(1 + i * 104729 % 1000))
    _wait(app, lambda: len(page.model.lines) == 50)
    print(f"0 {_peak_mib():.1f}", flush=True)
    os._exit(0)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "bare":
        bare(float(sys.argv[2]))
    elif mode == "start":
        start(float(sys.argv[2]), sys.argv[3])
    else:
        memory(sys.argv[3])
