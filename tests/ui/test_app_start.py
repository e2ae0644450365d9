"""Starting the app: a second start of a running station is refused (issue 11 deliverable 7), and a
start on a database that cannot be reached says so plainly (finding 5), in Chinese."""

import pytest

from pos.config import Settings
from pos.log_file import log_path, stop_logging
from pos.station_lock import hold_station
from pos.ui import app as app_module

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/none"


@pytest.fixture
def start(monkeypatch, zh):
    """run_app as the `pos` command calls it, with the message box recorded; the test session's Qt
    application, translators and collector stand in for the ones run_app would install."""
    shown = []
    monkeypatch.setattr(app_module, "install_translators", lambda app, language: [])
    monkeypatch.setattr(app_module, "collect_on_gui_thread", lambda app: None)
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(app_module, "_window_classes", None)  # reaching the window would be a failure

    def start_(url):
        return app_module.run_app(Settings(station_name="结算台1"), url), shown

    yield start_
    stop_logging()


def test_a_second_start_of_a_running_station_is_refused(start, tmp_path):
    url = f"sqlite:///{tmp_path / 'pos.sqlite3'}"
    running = hold_station("结算台1", url)
    try:
        code, shown = start(url)
    finally:
        running.release()
    assert code == 1
    assert shown == ["工位“结算台1”已在本机使用此数据库运行。请使用已打开的窗口，不要重复启动。"]
    assert not (tmp_path / "pos.sqlite3").exists()  # refused before the database was touched


def test_a_start_on_an_unreachable_server_says_what_to_do(start):
    code, shown = start(UNREACHABLE)
    assert code == 1 and len(shown) == 1
    assert shown[0].startswith("无法连接位于 127.0.0.1:1 的数据库服务器") and "OperationalError" not in shown[0]
    assert "Connection refused" in log_path().read_text(encoding="utf-8")
    hold_station("结算台1", UNREACHABLE).release()  # the refused start let go of the station
