"""Large, high-contrast type: the counter is read from a step away. Colours carry meaning.

Everything a finger presses is at least 40 px tall (buttons, combo boxes, check boxes, radio
buttons and their marks, both spin-box arrows): one stylesheet for the whole app, not per widget.
"""

TOUCH_PX = 40  # the smallest target a finger hits reliably on a counter touch screen

APP_STYLE = """
QWidget { font-size: 18px; }
QLineEdit, QComboBox, QPushButton { min-height: 44px; padding: 4px 10px; }
QCheckBox, QRadioButton { min-height: 44px; spacing: 12px; }
QCheckBox::indicator, QRadioButton::indicator { width: 30px; height: 30px; }
/* spin-box arrows side by side at the right, each a full-height square; no border or background
   here, or the platform style stops drawing the arrows */
QSpinBox, QDoubleSpinBox { min-height: 44px; padding-right: 88px; }
QSpinBox::up-button, QDoubleSpinBox::up-button {
    subcontrol-origin: border; subcontrol-position: center right; width: 44px; height: 44px;
}
QSpinBox::down-button, QDoubleSpinBox::down-button {
    subcontrol-origin: border; subcontrol-position: center right; right: 44px; width: 44px; height: 44px;
}
QPushButton#primary { background: #1565c0; color: white; font-weight: bold; border-radius: 6px; }
QPushButton#primary:disabled { background: #90a4ae; }
QLabel#title { font-size: 34px; font-weight: bold; }
QLabel#error { color: #b71c1c; font-weight: bold; }
QLabel#keys { color: #37474f; font-size: 16px; }
QStatusBar QLabel { font-size: 15px; padding: 0 10px; }
"""
