"""Ctrl+T: a remote customer's order, paid first. On a slip being made up it sends the payment
notice; on a slip waiting for its money it records the transfer (or opens the slip again, or gives
the notice again)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog

from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.domain.remote import PaymentNotice, bank_accounts
from pos.services import carriers, counter, remote, shipping
from pos.services.counter import OrderView
from pos.ui.counter.remote_dialogs import NoticeDialog, TransferDialog


class CounterRemote:
    """CounterPage's remote-order key; a mixin: it works on the page's state."""

    def remote_order(self) -> None:
        if not self._require_order():
            return
        db, number = self.host.db, self.order
        accounts = bank_accounts(self.host.settings.bank_accounts)
        if self.status == OrderStatus.OPEN and self.model.lines:
            customer = self.customer.number if self.customer else ""

            def load() -> tuple[PaymentNotice, tuple[str, ...]]:
                notice = remote.preview_notice(db, number, accounts, Money(0))
                way = notice.send_by or shipping.customer_send_by(db, customer)
                return replace(notice, send_by=way), tuple(c.name for c in carriers.list_carriers(db))

            self.host.worker.submit(load, lambda loaded: self._ask_notice(*loaded), self._error)
        elif self.status == OrderStatus.AWAITING_PAYMENT:
            self.host.worker.submit(lambda: counter.amount_due(db, number).total, self._ask_transfer, self._error)
        else:
            self.say(
                self.tr(
                    "Ctrl+T is for a remote order: a slip being made up (the payment notice) or one waiting for its transfer."
                ),
                error=True,
            )

    def _awaiting_transfer(self) -> bool:
        """Refuses, with what to do, an act on a remote slip waiting for its money: True if it did."""
        if self.status != OrderStatus.AWAITING_PAYMENT:
            return False
        self.say(
            self.tr(
                "Slip {number} is waiting for the customer's transfer: Ctrl+T records it, or opens the slip "
                "again for changes (Ctrl+R there)."
            ).format(number=self.order),
            error=True,
        )
        return True

    def _accounts(self) -> tuple[str, ...]:
        return bank_accounts(self.host.settings.bank_accounts)

    def _ask_notice(self, notice: PaymentNotice, names: tuple[str, ...]) -> None:
        dialog = NoticeDialog(notice, names, self)
        if not self.run_dialog(dialog) or dialog.how is None:
            return
        db, actor, context, number = self.host.db, self.host.staff, self.host.print_context(), self.order
        how, freight, accounts = dialog.how, dialog.freight, self._accounts()
        uri = self.host.settings.printer_uri if dialog.printed else None

        def call(command: str) -> tuple[PaymentNotice, OrderView]:
            sent = remote.send_notice(
                db, actor, context, number, how, freight=freight, accounts=accounts, printer_uri=uri, command_id=command
            )
            return sent, counter.order_view(db, number)

        def done(result: tuple[PaymentNotice, OrderView]) -> None:
            sent, view = result
            self._show_order(view)
            QGuiApplication.clipboard().setText(sent.text())
            self.host.wake_spooler()
            text = self.tr(
                "Payment notice for {number}: {amount} to transfer. The text is copied; it waits for the money."
            )
            self.say(text.format(number=view.number, amount=Money(sent.total_fen).format()))

        self.host.worker.act(call, done, self._error)

    def _ask_transfer(self, due: Money) -> None:
        number = self.order
        assert number is not None
        dialog = TransferDialog(number, due, self)
        if not self.run_dialog(dialog):
            return
        db, actor, context, accounts = self.host.db, self.host.staff, self.host.print_context(), self._accounts()
        uri = self.host.settings.printer_uri
        if dialog.action == "reopen":

            def reopen(command: str) -> OrderView:
                remote.reopen(db, actor, number, command_id=command)
                return counter.order_view(db, number)

            self.host.worker.act(reopen, self._reopened, self._error)
        elif dialog.action == "void":
            self._void_remote(number)
        elif dialog.action in ("print", "copy"):
            printed = dialog.action == "print"

            def again() -> PaymentNotice:
                if printed:
                    return remote.print_notice(db, actor, context, number, accounts, uri)
                return remote.notice_of(db, number, accounts)

            self.host.worker.submit(again, self._notice_again, self._error)
        elif dialog.action == "record":
            method, bank, reference, amount = (
                dialog.method.currentData(),
                dialog.bank.text(),
                dialog.reference.text(),
                dialog.received(),
            )

            def call(command: str) -> tuple[remote.TransferResult, OrderView]:
                result = remote.record_transfer(
                    db,
                    actor,
                    context,
                    number,
                    method=method,
                    bank=bank,
                    reference=reference,
                    amount=amount,
                    printer_uri=uri,
                    command_id=command,
                )
                return result, counter.order_view(db, number)

            self.host.worker.act(call, self._transferred, self._error)

    def _void_remote(self, number: str) -> None:
        reasons = [self.tr("The customer cancelled the order"), self.tr("The money never came")]
        reason, ok = QInputDialog.getItem(
            self, self.tr("Void slip"), self.tr("Void slip {number}? Reason:").format(number=number), reasons, 0, True
        )
        if not ok:
            return
        db, actor = self.host.db, self.host.staff

        def void(command: str) -> OrderView:
            counter.void_slip(db, actor, number, reason, command_id=command)
            return counter.order_view(db, number)

        def done(view: OrderView) -> None:
            self._show_order(view)
            self.say(self.tr("Slip {number} voided.").format(number=number))

        self.host.worker.act(void, done, self._error)

    def _reopened(self, view: OrderView) -> None:
        self._show_order(view)
        self.say(
            self.tr("Slip {number} is open for changes: send a new notice after them (Ctrl+T).").format(
                number=view.number
            )
        )

    def _notice_again(self, notice: PaymentNotice) -> None:
        QGuiApplication.clipboard().setText(notice.text())
        self.host.wake_spooler()
        self.say(self.tr("The notice for {number} again: the text is copied.").format(number=notice.order_number))

    def _transferred(self, outcome: tuple[remote.TransferResult, OrderView]) -> None:
        result, view = outcome
        self._show_order(view)
        self.host.wake_spooler()
        text = self.tr("Transfer of {amount} recorded: slip {number} printed and sent to the bench.").format(
            amount=result.transferred.format(), number=result.number
        )
        if result.balance.fen > 0:
            text += " " + self.tr("Still owed: {amount}.").format(amount=result.balance.format())
        elif result.balance.fen < 0:
            text += " " + self.tr("Credit: {amount}.").format(amount=(-result.balance).format())
        self.say(text)
