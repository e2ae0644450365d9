"""The counter's till: settlement (F6) with its call-out, the no-sale drawer opening, day end."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from pos.domain.orders import OrderStatus
from pos.services import counter
from pos.services.counter import SettleResult
from pos.services.staff import Approval
from pos.ui.approval import ApprovalDialog
from pos.ui.counter.day_end_dialog import DayEndDialog
from pos.ui.counter.settle_dialog import SettleDialog


class CounterTill:
    """CounterPage's money keys (F6, Ctrl+O, Ctrl+E); a mixin: it works on the page's state."""

    def settle(self) -> None:
        if not self._require_order():
            return
        if self.is_settled:
            self.say(self.tr("This slip is paid already."), error=True)
            return
        db, number = self.host.db, self.order
        self.host.worker.submit(lambda: counter.amount_due(db, number), self._ask_payment, self._error)

    def _ask_payment(self, due) -> None:  # noqa: ANN001 - Due
        # settle when checked, or (from an open slip) take it now unpacked: pos.domain.orders
        can_skip = self.status == OrderStatus.OPEN
        if self.status == OrderStatus.AWAITING_PAYMENT:
            self.say(self.tr("A remote order is paid by transfer: record it when it arrives (Ctrl+T)."), error=True)
            return
        if not can_skip and self.status != OrderStatus.CHECKED:
            self.say(self.tr("The bench has not finished checking this slip."), error=True)
            return
        franchise = bool(self.customer and self.customer.customer_type == "franchise")
        dialog = SettleDialog(due, can_skip_packing=can_skip, franchise=franchise, parent=self)
        if not self.run_dialog(dialog) or dialog.tenders is None:
            return
        db, actor, context, number = self.host.db, self.host.staff, self.host.print_context(), self.order
        uri, tenders, fee = self.host.settings.printer_uri, dialog.tenders, dialog.shipping_fee
        self.host.worker.act(
            lambda command: counter.settle(
                db,
                actor,
                context,
                number,
                tenders,
                printer_uri=uri,
                shipping_fee=fee,
                no_packing=can_skip,
                command_id=command,
            ),
            self._settled,
            self._error,
        )

    def _settled(self, result: SettleResult) -> None:
        self.status = OrderStatus.SETTLED  # as the service has stored it
        english = self.host.settings.language == "en"
        text = result.callout.screen_english() if english else result.callout.screen()
        self.banner.show_text(text)
        self._show_totals()
        self.host.sounds.play("done")
        if self.host.settings.speech:
            self.host.speaker.say(
                result.callout.spoken_english() if english else result.callout.spoken(), "en" if english else "zh"
            )
        self.host.customer_display_callout(text)
        self.host.wake_spooler()
        self._strip(self.tr("Paid. Receipt printing. Ctrl+N for the next customer."), error=False)
        self.settled.emit(result)

    def open_drawer(self) -> None:
        dialog = ApprovalDialog(
            self.tr("Open drawer"),
            self.tr("Opening the drawer without a sale needs a manager."),
            ask_reason=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        login, pin, reason = dialog.values()
        db, actor, context, uri = (
            self.host.db,
            self.host.staff,
            self.host.print_context(),
            self.host.settings.printer_uri,
        )
        approval = Approval(login, pin)
        self.host.worker.act(
            lambda command: counter.open_drawer(db, actor, approval, context, uri, reason, command_id=command),
            lambda job: (self.host.wake_spooler(), self.say(self.tr("Drawer opening."))),
            self._error,
        )

    def day_end(self) -> None:
        DayEndDialog(self.host, self).exec()
