"""Day end: the result is a table (method, expected, counted, difference) in the UI language that
fits a 1024x768 screen."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from pos.ui.counter.day_end_dialog import DayEndDialog
from tests.ui.modal import when_modal
from tests.ui.sales import sell_in_cash


def test_day_end_result_is_a_chinese_table_that_fits(
    qtbot,
    zh,
    app_style,
    counter_window,
    tmp_path,
    monkeypatch,
):
    # a long data directory: the saved report's path must not widen the dialog
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / ("很长的目录名" * 12) / "data"))
    sell_in_cash(qtbot, counter_window)
    page = counter_window.counter_page
    seen = {}

    def count_and_save(dialog):
        dialog.opening.setText("200")
        dialog.fields["cash"].setText("234")
        dialog.fields["wechat"].setText("0")
        with qtbot.waitSignal(dialog.result_shown, timeout=5000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.result_ is not None
        table = dialog.table
        seen["rows"] = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
        seen["header"] = [table.horizontalHeaderItem(c).text() for c in range(4)]
        seen["outcome"] = dialog.outcome.text()
        seen["hint"] = dialog.sizeHint()
        seen["size"] = dialog.size()
        metrics = table.fontMetrics()
        seen["clipped"] = [
            table.item(r, c).text()
            for r in range(table.rowCount())
            for c in range(4)
            if metrics.horizontalAdvance(table.item(r, c).text()) > table.columnWidth(c)
        ]
        seen["table_fits"] = table.viewport().height() >= sum(table.rowHeight(r) for r in range(table.rowCount()))
        seen["outcome_fits"] = dialog.outcome.height() >= dialog.outcome.heightForWidth(dialog.outcome.width())
        dialog.reject()

    when_modal(count_and_save, kind=DayEndDialog)
    counter_window.activateWindow()
    qtbot.waitUntil(counter_window.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Ctrl+E: day end
    assert seen["header"] == ["方式", "应有", "实点", "差额"]
    assert seen["rows"] == [["现金", "¥235.00", "¥234.00", "-¥1.00"], ["微信支付", "¥0.00", "¥0.00", "¥0.00"]]
    assert "差额合计：-¥1.00" in seen["outcome"]
    assert not re.search(r"\b(cash|wechat|bank|alipay|account)\b", " ".join(sum(seen["rows"], [])) + seen["outcome"])
    assert seen["hint"].height() <= 728 and seen["hint"].width() <= 1024, seen["hint"]
    assert seen["size"].height() <= 728 and seen["size"].width() <= 1024, seen["size"]
    assert seen["clipped"] == [] and seen["table_fits"] and seen["outcome_fits"]


def test_a_scan_into_the_day_end_count_is_refused_and_counts_nothing(qtbot, zh, counter_window):
    from sqlalchemy import func, select

    from pos.db.models import Reconciliation
    from tests.ui.keyboard import scan

    seen = {}

    def scan_into_cash(dialog):
        dialog.fields["cash"].setFocus()
        scan(dialog.fields["cash"], "6971230000006")  # its Enter must not save the count either
        seen["cash"] = dialog.fields["cash"].text()
        seen["message"] = dialog.message.text()
        seen["open"] = dialog.isVisible() and dialog.result_ is None and not dialog.table.isVisible()
        dialog.reject()

    failures = when_modal(scan_into_cash, kind=DayEndDialog)
    counter_window.activateWindow()
    qtbot.waitUntil(counter_window.isActiveWindow)
    qtbot.keyClick(counter_window.counter_page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    failures.check()
    qtbot.waitUntil(lambda: counter_window.worker.pending == 0)
    assert seen == {"cash": "", "message": "扫码在此无效：请先关闭此窗口。", "open": True}
    with counter_window.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Reconciliation)) == 0
