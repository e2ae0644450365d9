"""The customer display: on the customer's screen, never over the counter, switched on from settings."""

from dataclasses import replace

from pos.config import Settings
from pos.devices.speech import Speaker
from pos.ui.customer_display import customer_screen
from pos.ui.feedback import Sounds
from pos.ui.main_window import MainWindow


def test_the_display_goes_to_a_screen_the_counter_is_not_on():
    counter, second = object(), object()
    assert customer_screen([counter, second], counter) is second
    assert customer_screen([second, counter], counter) is second
    assert customer_screen([counter], counter) is None


def test_one_screen_leaves_the_counter_uncovered_and_settings_switch_it_on_without_a_restart(qtbot, zh, ui_db):
    saved = []
    window = MainWindow(
        ui_db, Settings(station_name="结算台1"), save=saved.append, sounds=Sounds(enabled=False), speaker=Speaker()
    )
    qtbot.addWidget(window)
    window.show()
    assert window.display_window is None
    window._apply_settings(replace(window.settings, customer_display="window"))
    assert saved[-1].customer_display == "window"
    display = window.display_window
    assert display is not None and not display.isVisible()  # the only screen is the counter's
    assert window.statusBar().currentMessage() == "客显：等待第二块屏幕。"
    window._apply_settings(replace(window.settings, customer_display=""))
    assert window.display_window is None
    window.worker.shutdown()
