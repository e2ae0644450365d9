"""The preview window beside the day-end dialog: it never blocks and is never blocked.

What the offscreen platform can show: which windows Qt blocks (the WindowBlocked event and input),
parenting and modality, and where activation goes. What it cannot: how a real window manager stacks
the windows (offscreen has none)."""

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from pos.printing import layouts
from pos.printing.data import DayEndReport, DayEndRow, PrintMeta
from pos.printing.render import render_pdf
from pos.services.printing import JobInfo
from pos.ui.counter.day_end_dialog import DayEndDialog
from pos.ui.preview import PreviewDialog
from tests.ui.modal import when_modal


class BlockedLog(QObject):
    """Which windows Qt told they are blocked by a modal window, and which were let go again."""

    def __init__(self):
        super().__init__()
        self.blocked = set()

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.WindowBlocked:
            self.blocked.add(type(watched).__name__)
        elif event.type() == QEvent.Type.WindowUnblocked:
            self.blocked.discard(type(watched).__name__)
        return False


@pytest.fixture
def report_pdf():
    report = DayEndReport("2026-11-28", "结算台1", "王丽", 1, 3500, 0, (DayEndRow("cash", 23500, 23400),))
    return render_pdf([layouts.day_end(report, PrintMeta("d1"))])


def job(kind="report", document="day-end-2026-11-28"):
    return JobInfo(
        1, "ab12cd34", kind, document, 0, 0, 0, "preview:", "done", 1, "", {}, datetime(2026, 11, 28), "结算台1", ""
    )


def test_the_day_end_preview_is_usable_while_the_day_end_dialog_is_open(
    qtbot,
    zh,
    counter_window,
    report_pdf,
):
    window = counter_window
    log = BlockedLog()
    seen = {}

    def print_while_open(dialog):
        dialog.setObjectName("day_end")
        seen["modality"] = dialog.windowModality()
        seen["active_before"] = QApplication.activeWindow()
        seen["main_blocked"] = "MainWindow" in log.blocked  # the dialog is modal to the station window
        window.show_preview(report_pdf, job())  # what the spooler does when the report is printed
        preview = window.preview
        qtbot.waitExposed(preview)
        seen["preview_parent"] = preview.parent()
        seen["preview_modal"] = preview.isModal() or preview.windowModality() != Qt.WindowModality.NonModal
        seen["active_after_preview"] = QApplication.activeWindow() is seen["active_before"]  # took no keyboard
        # the operator uses the preview: pages through the documents, then closes it
        preview.add(report_pdf, "日结报表 2")
        preview.documents.setCurrentIndex(0)
        seen["blocked"] = set(log.blocked)
        QTest.keyClick(preview.windowHandle(), Qt.Key.Key_Escape)  # through the window system, as a person

        seen["preview_closed"] = window.preview is None
        dialog.reject()

    when_modal(print_while_open, kind=DayEndDialog)
    QApplication.instance().installEventFilter(log)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.counter_page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    QApplication.instance().removeEventFilter(log)
    assert seen["modality"] == Qt.WindowModality.WindowModal
    assert seen["preview_parent"] is None and not seen["preview_modal"]
    assert seen["main_blocked"] and seen["active_after_preview"]
    assert "PreviewDialog" not in seen["blocked"]
    assert seen["preview_closed"]
    qtbot.waitUntil(lambda: window.preview is None)


def test_a_preview_open_blocks_nothing_and_closes_with_the_window(
    qtbot,
    zh,
    counter_window,
    report_pdf,
):
    window = counter_window
    window.show_preview(report_pdf, job())
    preview = window.preview
    qtbot.waitExposed(preview)
    assert QApplication.activeModalWidget() is None  # the station window takes keys and clicks as before
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert preview.isVisible()  # a separate window: activating the station does not close it
    window.close()
    assert not preview.isVisible()  # not left behind when the station window closes


def test_a_preview_opened_from_a_modal_dialog_belongs_to_it(qtbot, zh, counter_window, report_pdf):
    seen = {}

    def open_preview(dialog):
        preview = PreviewDialog(report_pdf, "日结报表", dialog)
        preview.show()
        qtbot.waitExposed(preview)
        seen["parent"] = preview.parent() is dialog  # the one window usable while the dialog is up
        dialog.reject()

    probe = QDialog(counter_window)
    when_modal(open_preview, kind=QDialog)
    probe.exec()
    assert seen["parent"]


def test_a_scan_typed_into_the_preview_reaches_the_station(qtbot, zh, counter_window, report_pdf):
    from pos.services import customers
    from tests.ui.keyboard import scan

    window = counter_window
    page = window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    window.show_preview(report_pdf, job())
    preview = window.preview
    qtbot.waitExposed(preview)
    preview.view.setFocus()
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        scan(preview.view, "YJ1000")  # the operator looked at the preview, then scanned the next item
    from tests.ui.test_counter import lines

    assert lines(window.db) == [("YJ1000", 1)]


def test_a_preview_printed_while_a_question_is_open_waits_for_the_answer(
    qtbot,
    zh,
    counter_window,
    report_pdf,
):
    """Seen at the bench: a return slip's preview opened over the PIN dialog, hid it and could not
    be closed while the dialog held the keyboard."""
    window = counter_window
    seen = {}

    def print_while_asking(dialog):
        window.show_preview(report_pdf, job())  # the spooler prints while the question is open
        # the window looks again while the question is open, and still keeps the preview back
        with qtbot.waitSignal(window._preview_timer.timeout, timeout=3000, raising=False) as looked:
            pass
        seen["looked_again"] = looked.signal_triggered
        seen["shown_during"] = window.preview is not None and window.preview.isVisible()
        dialog.reject()

    probe = QDialog(counter_window)  # exec(): modal to every window, as the app's questions are
    when_modal(print_while_asking, kind=QDialog)
    probe.exec()
    assert seen["looked_again"] and seen["shown_during"] is False
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=3000)
    area = window.screen().availableGeometry()
    frame = window.preview.frameGeometry()  # beside the work, at the right edge of the screen
    assert area.right() - 4 <= frame.right() <= area.right() + 4 and frame.left() > area.center().x() - 100
    assert window.preview.width() <= 380
