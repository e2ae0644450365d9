import pytest

from pos.config import Settings
from pos.devices.speech import Speaker
from pos.services import customers, staff
from pos.services.staff import add_staff
from pos.services.startup import open_database
from pos.ui.feedback import Sounds
from pos.ui.gc_guard import collect_on_gui_thread
from pos.ui.i18n import install_translators
from pos.ui.main_window import MainWindow
from pos.ui.style import APP_STYLE
from tests.conftest import add_products


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector(qapp):
    """As in the app: garbage holding Qt objects is collected on the GUI thread, never a worker's."""
    return collect_on_gui_thread(qapp)


@pytest.fixture(scope="session", autouse=True)
def app_style(qapp):
    """The app's one stylesheet, as pos/ui/app.py installs it: tests measure what users see."""
    qapp.setStyleSheet(APP_STYLE)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def zh(qapp):
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def ui_db(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'ui.sqlite3'}").db
    admin = add_staff(db, None, login_code="9001", name="管理员", roles="admin", pin="9999")
    add_staff(db, admin, login_code="1001", name="王丽", roles="cashier", pin="1111")
    yield db
    db.dispose()


@pytest.fixture
def saved():
    """Stands in for the settings file writer and remembers what was saved."""
    calls = []
    return calls


@pytest.fixture
def window(qtbot, ui_db, saved):
    win = MainWindow(ui_db, Settings(station_name="结算台1"), save=saved.append)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.worker.pending == 0)  # the start-up printer status query
    yield win
    win.worker.shutdown()


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Opens the main window as a station shows it (1024x768, silent, printing to a file), with
    `person` signed in; `settings` override the station's. Every window opened is shut at the end."""
    opened = []

    def open_(db, person=None, **settings):
        settings.setdefault("station_name", "结算台1")
        settings.setdefault("printer_uri", f"file://{tmp_path / 'receipt.bin'}")
        window = MainWindow(
            db, Settings(**settings), save=lambda s: None, sounds=Sounds(enabled=False), speaker=Speaker()
        )
        opened.append(window)
        qtbot.addWidget(window)
        window.resize(1024, 768)  # a common counter touch screen
        window.show()
        qtbot.waitExposed(window)
        if person is not None:
            window._signed_in(person)
        qtbot.waitUntil(lambda: window.worker.pending == 0)
        return window

    yield open_
    for window in opened:
        window.scan_filter.remove()
        window.worker.shutdown()


@pytest.fixture
def counter_window(ui_db, open_window):
    """The counter with the cashier signed in; YJ1000 and BD2000 on sale, 张三 on file."""
    add_products(ui_db, "YJ1000", "BD2000")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    return open_window(ui_db, cashier)
