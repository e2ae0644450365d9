"""Voice that works or says it doesn't (issue 9, observation 5): on start the window picks a speech
engine that really loads (Qt's, then espeak-ng, then none) and the status bar names it or says
there is no voice. Qt's engines are stood in for by fakes with the same interface."""

import enum
import shutil
import threading

import pytest
from PySide6.QtCore import QLocale, QObject, Signal

from pos.config import Settings
from pos.devices.speech import CommandSpeaker
from pos.services import customers, staff
from pos.ui.feedback import QtSpeaker, Sounds, make_speaker
from pos.ui.main_window import MainWindow
from tests.conftest import add_products
from tests.ui.keyboard import scan

CHINESE, ENGLISH = QLocale(QLocale.Language.Chinese, QLocale.Country.China), QLocale(QLocale.Language.English)


class FakeTextToSpeech(QObject):
    """QTextToSpeech's interface as QtSpeaker uses it."""

    class State(enum.Enum):
        Ready = 0
        Error = 3

    stateChanged = Signal(object)  # noqa: N815 (Qt's name)

    def __init__(self, name, loads=True, locales=(CHINESE, ENGLISH)):
        super().__init__()
        self.name, self._state, self._locales, self.locale, self.spoken = name, self.State.Ready, locales, None, []
        if not loads:
            self._state = self.State.Error

    def state(self):
        return self._state

    def errorString(self):  # noqa: N802
        return "Text to speech engine not initialized" if self._state == self.State.Error else ""

    def availableLocales(self):  # noqa: N802
        return list(self._locales)

    def setLocale(self, locale):  # noqa: N802
        self.locale = locale

    def availableVoices(self):  # noqa: N802
        return ["voice"] if self.locale in self._locales else []

    def say(self, text):
        self.spoken.append((self.locale.language(), text))

    def break_down(self):  # the speech service went away
        self._state = self.State.Error
        self.stateChanged.emit(self._state)


def now(job):
    job()


class Espeak:
    """Stands in for the espeak-ng program: records its command lines."""

    def __init__(self, installed=True, exit_status=0, background=now):
        self.installed, self.exit_status, self.background, self.ran = installed, exit_status, background, []

    def __call__(self, language):
        return CommandSpeaker(
            language,
            which=lambda p: "/usr/bin/espeak-ng" if self.installed and p == "espeak-ng" else None,
            run=self.run,
            background=self.background,
        )

    def run(self, command):
        self.ran.append(command)
        return self.exit_status


@pytest.fixture
def open_window(qtbot, ui_db):
    windows = []

    def open_(speaker, **settings):
        window = MainWindow(
            ui_db,
            Settings(station_name="结算台1", **settings),
            save=lambda s: None,
            sounds=Sounds(enabled=False),
            speaker=speaker,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.worker.pending == 0)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.scan_filter.remove()
        window.worker.shutdown()


def test_speechd_failing_to_load_falls_back_to_espeak_ng_and_the_call_out_is_heard(
    qtbot, zh, ui_db, open_window, tmp_path
):
    made, espeak = [], Espeak()

    def create(name):
        made.append(name)
        return FakeTextToSpeech(name, loads=name != "speechd")

    speaker = make_speaker(engines=lambda: ["mock", "speechd"], create=create, command=espeak)
    assert made == ["speechd"]  # Qt's mock plug-in is never a voice
    assert speaker.refused == [("Qt speechd", "Text to speech engine not initialized")]
    add_products(ui_db, "YJ1000", "BD2000")
    cashier = staff.sign_in(ui_db, "1001", "1111")
    customers.create_customer(ui_db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    window = open_window(speaker, printer_uri=f"file://{tmp_path / 'receipt.bin'}")
    assert window.voice_label.text() == "语音：espeak-ng"
    window._signed_in(cashier)
    page = window.counter_page
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    page.set_customer(customers.search(ui_db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(window.station_switch, "2*BD2000")
    page.run_dialog = lambda dialog: (
        dialog.no_packing.setChecked(True),
        dialog.cash.setText("300"),
        dialog.confirm(),
        True,
    )[-1]
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.settle()
    assert page.banner.shown_text == "收您 ¥300.00  找您 ¥44.00"
    assert espeak.ran[-1] == ["/usr/bin/espeak-ng", "-v", "cmn", "收您三百元，找您四十四元"]


def test_a_qt_engine_that_loads_with_a_chinese_voice_speaks(qtbot, zh, open_window):
    engines = {"english-only": FakeTextToSpeech("english-only", locales=(ENGLISH,)), "good": FakeTextToSpeech("good")}
    espeak = Espeak()
    speaker = make_speaker(engines=lambda: list(engines), create=engines.get, command=espeak)
    assert speaker.name == "Qt good" and speaker.refused == [("Qt english-only", "no voice for 'zh'")]
    assert espeak.ran == []  # espeak-ng is not even looked at
    window = open_window(speaker)
    assert window.voice_label.text() == "语音：Qt good"
    speaker.say("收您两元，不用找零")
    speaker.say("Received 2.00 yuan", "en")
    assert engines["good"].spoken == [
        (QLocale.Language.Chinese, "收您两元，不用找零"),
        (QLocale.Language.English, "Received 2.00 yuan"),
    ]


def test_an_english_station_wants_an_english_voice(qtbot):
    engine = FakeTextToSpeech("chinese-only", locales=(CHINESE,))
    speaker = make_speaker(
        "en", engines=lambda: ["chinese-only"], create=lambda name: engine, command=Espeak(installed=False)
    )
    assert not speaker.available and speaker.refused == [("Qt chinese-only", "no voice for 'en'")]


def test_no_voice_is_shown_in_the_status_bar(qtbot, zh, open_window):
    speaker = make_speaker(
        engines=lambda: ["speechd"],
        create=lambda name: FakeTextToSpeech(name, loads=False),
        command=Espeak(installed=False),
    )
    window = open_window(speaker)
    assert window.voice_label.text() == "无语音" and window.voice_label.property("alarm") is True
    assert window.voice_label.toolTip() == "此处无法使用：Qt speechd"
    window.speaker.say("收您一百元，找您二十元五角")  # nothing to speak with, and no error either
    quiet = open_window(make_speaker(engines=lambda: [], create=None, command=Espeak()), speech=False)
    assert quiet.voice_label.text() == "语音已关闭" and quiet.voice_label.property("alarm") is False


def test_a_voice_failing_later_is_noticed_on_screen(qtbot, zh, open_window):
    engine = FakeTextToSpeech("good")
    release = threading.Event()

    def later(job):  # espeak-ng's check and speech on their own thread, as in the app
        threading.Thread(target=lambda: (release.wait(5), job()), daemon=True).start()

    espeak = Espeak(exit_status=1, background=later)
    window = open_window(make_speaker(engines=lambda: ["good"], create=lambda name: engine, command=espeak))
    assert window.voice_label.text() == "语音：Qt good"
    engine.break_down()
    qtbot.waitUntil(lambda: window.voice_label.text() == "语音：espeak-ng")
    release.set()  # espeak-ng has no Mandarin voice: its check fails on its own thread
    qtbot.waitUntil(lambda: window.voice_label.text() == "无语音", timeout=5000)
    assert espeak.ran == [["/usr/bin/espeak-ng", "-q", "-v", "cmn", "一"]]


def test_the_real_engines_on_this_machine(qtbot, zh, open_window):
    """As the app starts here: Qt may offer speechd, which may fail to load; espeak-ng may be installed."""
    window = open_window(None)
    engine = window.speaker.engine
    if isinstance(engine, CommandSpeaker):
        assert engine.checked.wait(10)
    if isinstance(engine, QtSpeaker):  # a Qt engine is chosen only when it loaded with a Chinese voice
        assert engine.engine.state() != engine.engine.State.Error
        assert engine.engine.locale().language() == QLocale.Language.Chinese
    elif shutil.which("espeak-ng"):
        qtbot.waitUntil(lambda: window.voice_label.text() == "语音：espeak-ng")
    elif not shutil.which("espeak"):
        assert window.voice_label.text() == "无语音"
