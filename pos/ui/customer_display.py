"""The customer-facing display: a second window (full screen on a second monitor when there is
one) showing the lines, the total and the call-out; and/or a 2x20 pole display by URI."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos.devices.pole_display import PoleDisplay
from pos.domain.money import Money
from pos.ui.counter.callout_banner import breaking_between_halves
from pos.ui.style import text_size


class CustomerDisplayWindow(QWidget):
    def __init__(self, shop_name: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(shop_name)
        self.setObjectName("customer_display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the sheet's dark background
        self.shop = text_size(QLabel(shop_name, alignment=Qt.AlignmentFlag.AlignCenter), "heading")
        self.customer = text_size(
            QLabel("", alignment=Qt.AlignmentFlag.AlignCenter, objectName="display_customer"), "title"
        )
        self.lines = text_size(QLabel("", alignment=Qt.AlignmentFlag.AlignLeft, objectName="display_lines"), "heading")
        self.total = text_size(
            QLabel("", alignment=Qt.AlignmentFlag.AlignCenter, objectName="display_total"), "giant", strong=True
        )
        self.callout = text_size(
            QLabel("", alignment=Qt.AlignmentFlag.AlignCenter, objectName="display_callout"), "giant", strong=True
        )
        self.callout.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.shop, self.customer, self.lines, self.total, self.callout):
            layout.addWidget(widget)
        layout.addStretch(1)

    def place(self, counter_screen=None) -> bool:  # noqa: ANN001 - QScreen
        """Full screen on a screen the counter is not on; with no such screen, hidden: on a one-monitor
        station it would cover the cashier's work. Returns whether it is shown."""
        screen = customer_screen(QGuiApplication.screens(), counter_screen or QGuiApplication.primaryScreen())
        if screen is None:
            self.hide()
            return False
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the keyboard stays at the counter
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        return True

    def show_sale(self, customer: str, lines: list[str], total: Money) -> None:
        self.customer.setText(customer)
        self.lines.setText("\n".join(lines))
        self.total.setText(total.format())
        self.callout.setText("")

    def show_callout(self, text: str) -> None:
        self.callout.setText(breaking_between_halves(text))


def customer_screen(screens: list, counter_screen):  # noqa: ANN001, ANN201 - QScreen
    """The screen the customer faces: any screen but the counter's, else none."""
    return next((screen for screen in screens if screen is not counter_screen), None)


def pole_lines(last_line: str, total: Money) -> tuple[str, str]:
    return last_line[:20], f"TOTAL {total.format('￥')}"[:20]


__all__ = ["CustomerDisplayWindow", "PoleDisplay", "customer_screen", "pole_lines"]
