"""A sale made at the counter window as the cashier does it, for tests that need one behind them."""

from __future__ import annotations

from pos.services import customers


def sell_in_cash(qtbot, window, code: str = "YJ1000", cash: str = "50") -> None:
    """张三 buys `code`, paid in cash, taken now (no packing); returns once the slip is settled."""
    page = window.counter_page
    page.set_customer(customers.search(window.db, "zs")[0])
    with qtbot.waitSignal(page.line_shown, timeout=5000):
        page.handle_scan(code)
    page.run_dialog = lambda dialog: (
        dialog.no_packing.setChecked(True),
        dialog.cash.setText(cash),
        dialog.confirm(),
        True,
    )[-1]
    with qtbot.waitSignal(page.settled, timeout=5000):
        page.settle()
