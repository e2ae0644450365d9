"""The one stylesheet: colours mean the same on both stations, and the app's windows wear it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from pos.services.counter import LineView
from pos.ui import style
from pos.ui.counter.lines_model import LinesModel
from pos.ui.customer_display import CustomerDisplayWindow
from tests.ui.look import painted_colour


def test_a_crossed_line_at_the_counter_is_grey_as_at_the_bench(qapp):
    model = LinesModel()
    model.set_lines([LineView(1, "XL5000", "吊坠", 9900, 2, crossed=2), LineView(2, "YJ1000", "戒指", 3500, 1)])
    crossed, kept = model.index(0, 1), model.index(1, 1)
    assert crossed.data(Qt.ItemDataRole.ForegroundRole).color().name() == style.CROSSED_GREY
    assert crossed.data(Qt.ItemDataRole.BackgroundRole).color().name() == style.CROSSED_PALE
    assert kept.data(Qt.ItemDataRole.ForegroundRole) is None and kept.data(Qt.ItemDataRole.BackgroundRole) is None


def test_the_customer_display_is_dark_with_large_type(qtbot):
    display = CustomerDisplayWindow("金饰批发")
    qtbot.addWidget(display)
    display.resize(800, 600)
    display.show()
    qtbot.waitExposed(display)
    assert painted_colour(display) == style.NIGHT
    assert display.total.font().pixelSize() == style.TYPE_SCALE["giant"] and display.total.font().bold()
    assert display.callout.palette().color(display.callout.foregroundRole()).name() == style.CALLOUT_PALE


def test_set_tone_restyles_at_once(qtbot):
    strip = QLabel("x", objectName="message_strip")
    qtbot.addWidget(strip)
    strip.show()
    qtbot.waitExposed(strip)
    style.set_tone(strip, "refused")
    assert painted_colour(strip) == style.REFUSED_RED
    style.set_tone(strip, "ok")
    assert painted_colour(strip) == style.OK_PALE
    style.set_tone(strip, None)
    assert painted_colour(strip) not in (style.REFUSED_RED, style.OK_PALE)


def test_a_status_bar_label_in_alarm_turns_red(qtbot):
    bar = QStatusBar()
    label = QLabel("无语音")
    bar.addWidget(label)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    ink = label.palette().color(label.foregroundRole()).name()
    label.setProperty("alarm", True)
    style.repolish(label)
    assert label.palette().color(label.foregroundRole()).name() == style.REFUSED_RED != ink
