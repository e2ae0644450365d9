"""The counter's acts on a line of the slip: quantity, remove, price change (manager), defective swap."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from pos.domain.codes import LARGE_QUANTITY
from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.services import counter, staff
from pos.services.counter import OrderView
from pos.ui.approval import ApprovalDialog
from pos.ui.ask import ask_amount, ask_count


class CounterLineActs:
    """CounterPage's line keys (F4, Del, Ctrl+P, Ctrl+D); a mixin: it works on the page's state."""

    def change_quantity(self) -> None:
        line = self._selected_line()
        if not self._require_order() or line is None:
            return
        quantity = ask_count(self, self.tr("Quantity"), line.name, line.quantity, 1, 9999)
        if quantity is not None and quantity >= LARGE_QUANTITY and quantity != line.quantity:
            answer = QMessageBox.question(
                self,
                self.tr("Large quantity"),
                self.tr("Set {name} to {qty}? A quantity of {large} or more is confirmed first.").format(
                    name=line.name, qty=quantity, large=LARGE_QUANTITY
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                quantity = None
        if quantity is not None:
            db, actor, number = self.host.db, self.host.staff, self.order
            self.host.worker.act(
                lambda command: counter.set_quantity(db, actor, number, line.position, quantity, command_id=command),
                self._show_order,
                self._error,
            )

    def remove_line(self) -> None:
        line = self._selected_line()
        if not self._require_order() or line is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove line"),
            self.tr("Remove {name} × {qty} from the slip?").format(name=line.name, qty=line.quantity),
        )
        if answer == QMessageBox.StandardButton.Yes:
            db, actor, number = self.host.db, self.host.staff, self.order
            self.host.worker.act(
                lambda command: counter.remove_line(db, actor, number, line.position, command_id=command),
                self._show_order,
                self._error,
            )

    def override_price(self) -> None:
        line = self._selected_line()
        if not self._require_order() or line is None:
            return
        price = ask_amount(
            self,
            self.tr("Change price"),
            self.tr("New unit price for {name}").format(name=line.name),
            Money(line.unit_price_fen).plain(),
        )
        if price is None:
            return
        try:
            amount = Money.from_yuan(price)
        except PosError as exc:
            self._error(exc)
            return
        dialog = ApprovalDialog(
            self.tr("Manager approval"), self.tr("A price change needs a manager."), ask_reason=True, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        login, pin, reason = dialog.values()
        db, actor, number = self.host.db, self.host.staff, self.order

        def call(command: str) -> OrderView:
            approval = staff.Approval(login, pin)
            return counter.override_price(
                db, actor, approval, number, line.position, amount, reason, command_id=command
            )

        def done(view: OrderView) -> None:
            self._show_order(view)
            self.say(
                self.tr("Price of {name} changed: {old} → {new}.").format(
                    name=line.name, old=Money(line.unit_price_fen).format(), new=amount.format()
                )
            )

        self.host.worker.act(call, done, self._error)

    def quality_swap(self) -> None:
        line = self._selected_line()
        if not self._require_order() or line is None:
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("Defective swap"),
            self.tr("Swap one {name} for a good one. What is wrong with it?").format(name=line.name),
        )
        if ok:
            db, actor, number = self.host.db, self.host.staff, self.order
            self.host.worker.act(
                lambda command: counter.quality_swap(db, actor, number, line.position, note, command_id=command),
                lambda view: (self._show_order(view), self.say(self.tr("Swap recorded."))),
                self._error,
            )
