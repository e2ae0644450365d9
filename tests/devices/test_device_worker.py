"""The device thread (issue 10, finding 11): device IO off the services' worker, newest write wins."""

import threading

from pos.devices.device_worker import DeviceWorker


def _blocked_writer(worker, log):
    """Submit a 'pole' write that blocks until released; returns (started, release)."""
    started, release = threading.Event(), threading.Event()

    def first():
        started.set()
        release.wait(10)
        log.append("first")

    worker.submit("pole", first)
    assert started.wait(10)
    return release


def test_only_the_newest_of_the_waiting_writes_runs():
    worker, log = DeviceWorker(), []
    try:
        release = _blocked_writer(worker, log)
        for text in ("second", "third", "fourth"):
            worker.submit("pole", lambda text=text: log.append(text))
        assert not worker.idle()
        release.set()
        assert worker.wait_idle(10)
        assert log == ["first", "fourth"]
        assert worker.dropped == 2
    finally:
        worker.shutdown()


def test_each_device_keeps_its_own_newest_write():
    worker, log = DeviceWorker(), []
    try:
        release = _blocked_writer(worker, log)
        worker.submit("pole", lambda: log.append("pole 1"))
        worker.submit("drawer", lambda: log.append("drawer"))
        worker.submit("pole", lambda: log.append("pole 2"))
        release.set()
        assert worker.wait_idle(10)
        assert log == ["first", "drawer", "pole 2"]  # the pole's newest write waited behind the drawer
    finally:
        worker.shutdown()


def test_a_failing_device_is_reported_and_the_next_write_still_runs():
    worker, log, errors = DeviceWorker(), [], []
    try:

        def broken():
            raise OSError("display unplugged")

        worker.submit("pole", broken, errors.append)
        assert worker.wait_idle(10)
        worker.submit("pole", lambda: log.append("shown"))
        assert worker.wait_idle(10)
        assert [str(e) for e in errors] == ["display unplugged"] and log == ["shown"]
    finally:
        worker.shutdown()


def test_runs_on_its_own_thread_and_nothing_starts_after_shutdown():
    worker, threads, log = DeviceWorker(), [], []
    worker.submit("pole", lambda: threads.append(threading.current_thread()))
    assert worker.wait_idle(10)
    assert threads and threads[0] is not threading.current_thread() and threads[0].name == "pos-devices"
    worker.shutdown()
    assert not threads[0].is_alive()
    worker.submit("pole", lambda: log.append("late"))
    assert worker.idle() and log == []
