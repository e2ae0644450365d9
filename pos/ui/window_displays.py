"""What shows beside the station screen: the customer display (a window on a second screen, or a
pole display on a port) and the print previews."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.domain.callout import pole_callout_lines
from pos.domain.money import Money
from pos.services.printing import JobInfo
from pos.ui.customer_display import CustomerDisplayWindow, PoleDisplay, pole_lines
from pos.ui.preview import PreviewDialog
from pos.ui.print_queue import describe_job

DISPLAY_LINES = 6
PREVIEW_WIDTH = 380  # a receipt's width on screen; wider, it covered the call-out


class WindowDisplays:
    """MainWindow's customer display and previews; a mixin: it works on the window's state."""

    def _setup_customer_display(self) -> None:
        """(Re)start the customer display as the settings say: switched on or off without a restart."""
        if self.display_window is not None:
            self.display_window.close()
            self.display_window.deleteLater()
            self.display_window = None
        self.pole = None
        target = self.settings.customer_display.strip()
        if target == "window":
            self.display_window = CustomerDisplayWindow(self.settings.shop_name)
        elif target:
            self.pole = PoleDisplay(target)

    def _screens_changed(self, _screen) -> None:  # noqa: ANN001 - QScreen
        self.place_customer_display()

    def place_customer_display(self) -> None:
        """On a second screen when there is one; a screen plugged in or out later moves it."""
        window = self.display_window
        if window is None:
            return
        if not window.place(self.screen()):
            self.statusBar().showMessage(self.tr("Customer display: waiting for a second screen."), 15000)

    def customer_display_update(self, customer, lines, total: Money) -> None:  # noqa: ANN001
        if self.display_window is None and self.pole is None:
            return  # on the scan path: nothing to format when there is no display
        # the display shows the latest few lines; a 300-line slip need not be formatted on every scan
        texts = [f"{ln.name} ×{ln.quantity}  {Money(ln.amount_fen).format()}" for ln in lines[-DISPLAY_LINES:]]
        if self.display_window is not None:
            self.display_window.show_sale(customer.name if customer else "", texts, total)
        if self.pole is not None:
            first, second = pole_lines(texts[-1] if texts else "", total)
            self._pole(first, second)

    def customer_display_callout(self, text: str) -> None:
        if self.display_window is not None:
            self.display_window.show_callout(text)
        if self.pole is not None:
            self._pole(*pole_callout_lines(text))

    def _pole(self, first: str, second: str) -> None:
        pole = self.pole
        assert pole is not None
        # serial or network IO on the device thread, never the services' worker (a scan must not wait
        # for the display); only the newest text matters, so writes still waiting are replaced
        self.devices.submit("pole", lambda: pole.show(first, second), self._device_error_handler())

    def _device_error_handler(self) -> Callable[[BaseException], None]:
        # the device thread keeps no strong reference to the window: if it held the last one, the
        # window's C++ side would be destroyed off the GUI thread
        window = weakref.ref(self)

        def failed(error: BaseException) -> None:
            alive = window()
            if alive is not None:
                alive.device_failed.emit(str(error))

        return failed

    def show_preview(self, pdf: bytes, job: JobInfo) -> None:
        """The preview printer's output, on screen (not modal: work goes on beside it). While a
        dialog that blocks every window waits for an answer, the preview waits too: shown over it,
        the preview would hide the question and be blocked by it, and the operator could close
        neither. (The day-end dialog blocks the station window only: its report shows beside it.)"""
        self._previews.append((pdf, describe_job(job)))
        self._show_waiting_previews()

    def _show_waiting_previews(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.windowModality() == Qt.WindowModality.ApplicationModal:
            self._preview_timer.start()  # look again once the dialog is answered
            return
        self._preview_timer.stop()
        waiting, self._previews = self._previews, []
        for pdf, title in waiting:
            if self.preview is None:
                self.preview = PreviewDialog(pdf, title, self, activate=False)
                self.preview.finished.connect(self._preview_closed)
            else:
                self.preview.add(pdf, title)
        if self.preview is None:
            return
        # at the right edge, beside the work: the call-out and the lines stay in view
        area = self.screen().availableGeometry()
        self.preview.resize(min(self.preview.width(), PREVIEW_WIDTH), self.preview.height())
        self.preview.move(area.right() - self.preview.width() + 1, area.top())
        self.preview.show()

    def _preview_closed(self) -> None:
        if self.preview is not None:
            self.preview.deleteLater()
            self.preview = None
