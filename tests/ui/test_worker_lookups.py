"""Searches as the person types run beside the acts and only the newest runs (issue 14
deliverable 3): a search never holds a scan up, and one typed over before it started is dropped."""

import threading

from pos.ui.worker import Worker


def _until(qtbot, condition):
    qtbot.waitUntil(condition, timeout=5000)


def test_a_scan_does_not_wait_behind_a_search(qtbot):
    worker = Worker()
    release = threading.Event()
    found, scanned = [], []
    worker.lookup("customers", lambda: release.wait(10) and "张三", found.append, found.append)
    worker.act(lambda command: "line added", scanned.append, scanned.append)
    _until(qtbot, lambda: scanned == ["line added"])
    assert found == []  # the search is still going
    release.set()
    _until(qtbot, lambda: found == ["张三"])
    worker.shutdown()


def test_a_search_typed_over_before_it_started_is_dropped(qtbot):
    worker = Worker()
    release = threading.Event()
    ran, shown = [], []
    worker.lookup("customers", lambda: release.wait(10) and ran.append("1") or "1", shown.append, shown.append)
    for text in ("13", "138"):  # typed on while the first search runs
        worker.lookup("customers", lambda text=text: ran.append(text) or text, shown.append, shown.append)
    worker.lookup("products", lambda: ran.append("P00") or "P00", shown.append, shown.append)
    release.set()
    _until(qtbot, lambda: worker.pending == 0)
    assert ran == ["1", "138", "P00"]  # "13" never ran: "138" replaced it; another kind is kept
    assert shown == ["1", "138", "P00"]
    worker.shutdown()
