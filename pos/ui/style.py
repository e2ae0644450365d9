"""Large, high-contrast type: the counter is read from a step away. Colours carry meaning."""

APP_STYLE = """
QWidget { font-size: 18px; }
QLineEdit, QComboBox, QPushButton { min-height: 44px; padding: 4px 10px; }
QPushButton#primary { background: #1565c0; color: white; font-weight: bold; border-radius: 6px; }
QPushButton#primary:disabled { background: #90a4ae; }
QLabel#title { font-size: 34px; font-weight: bold; }
QLabel#error { color: #b71c1c; font-weight: bold; }
QLabel#keys { color: #37474f; font-size: 16px; }
QStatusBar QLabel { font-size: 15px; padding: 0 10px; }
"""
