"""The bench's signature flow: the second packer (customer absent), copy 3 in the box, the return
slip's three signatures and the customer's, taken together with completing the check."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from pos.domain.check import Mode
from pos.domain.errors import Conflict
from pos.domain.orders import OrderStatus
from pos.services import bench, printing, returns
from pos.services.bench import BenchView
from pos.services.staff import Approval
from pos.ui.approval import ApprovalDialog
from pos.ui.bench.dialogs import Copy3Dialog, CustomerSignatureDialog, SecondPackerDialog
from pos.ui.returns.signature import ReturnSignatureDialog


class BenchSignatures:
    """BenchPage's signatures and finishing (F6); a mixin: it works on the page's state and
    widgets, and its strings are translated in the page's context chain."""

    def ask_second_packer(self) -> None:
        """A customer-absent check with one packer (left so by an older bench): nothing can be
        sealed until the second packer signs, or a manager sends the slip back to the queue."""
        view = self.current
        if view is None or not view.needs_second_packer:
            return
        dialog = SecondPackerDialog(view.number, view.signatures.get("checker", ""), self)
        outcome = self.run_dialog(dialog)
        db, packer, number = self.host.db, self.host.staff, view.number
        if outcome == SecondPackerDialog.RESET:
            approval = ApprovalDialog(
                self.tr("Back to the queue"),
                self.tr("A manager sends slip {number} back to the queue; its ticks and boxes are cleared.").format(
                    number=number
                ),
                parent=self,
            )
            if self.run_dialog(approval) != QDialog.DialogCode.Accepted:
                return
            login, pin, _ = approval.values()
            manager = Approval(login, pin)  # checked with the reset, in its transaction

            def reset(command: str) -> str:
                bench.reset_check(db, packer, number, manager=manager, command_id=command)
                return number

            self._act(reset, self._was_reset)
            return
        if outcome != QDialog.DialogCode.Accepted:
            self.refuse(self.tr("The customer is absent: the second packer signs in before a box is sealed."))
            return
        second = Approval(dialog.login.text().strip(), dialog.pin.text())  # checked with the signature
        self._act(
            lambda command: bench.sign_second_checker(db, packer, second, number, command_id=command),
            self._second_signed,
        )

    def _second_signed(self, view: BenchView) -> None:
        self.show_view(view)
        self.say(self.tr("Second packer signed: {name}").format(name=view.signatures.get("second_checker", "")))

    def _was_reset(self, number: str) -> None:
        self.unload()
        self.say(self.tr("Slip {number} is back in the queue.").format(number=number))

    def _ask_copy3(self, box: int) -> Approval | None:
        """Both packers confirm copy 3 is in the box: returns the other one's approval (checked by
        the act that seals or completes), or None when cancelled."""
        view = self.current
        if view is None:
            return None
        here = self.host.staff.name
        names = [view.signatures.get("checker", ""), view.signatures.get("second_checker", "")]
        other = next((name for name in names if name and name != here), "")
        dialog = Copy3Dialog(box, here, other, self, revised=view.crossed_units > 0)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return Approval(dialog.login.text().strip(), dialog.pin.text())

    def finish(self) -> None:
        """Collect what is missing, in order: the return slip's three signatures, then the
        customer's signature, taken together with completing the check (one transaction). Decided
        on a fresh read of the order: another station may have changed it."""
        if self.current is None:
            return
        db, number = self.host.db, self.current.number
        self.host.worker.submit(lambda: bench.bench_view(db, number), self._finish, self._error)

    def _finish(self, view: BenchView) -> None:
        if self.current is None or self.current.number != view.number:
            return
        self.show_view(view)
        if view.status != OrderStatus.CHECKING:
            return
        if "units_left" in view.problems:
            self.refuse(self.tr("Not finished: {left} units still to check.").format(left=view.units - view.done_units))
            return
        if "box_open" in view.problems:
            box = next(b.number for b in view.boxes if b.count and not b.sealed)
            self.refuse(self.tr("Seal box {n} (F9) before finishing.").format(n=box))
            return
        db, packer, number = self.host.db, self.host.staff, view.number
        if view.open_returns:
            self._sign_return(view.open_returns[0], view)
            return
        png, paper, confirm = None, False, None
        if "copy3_in_box" in view.problems:
            confirm = self._ask_copy3(view.boxes[-1].number if view.boxes else 1)
            if confirm is None:
                return
        if "customer_signature" in view.problems:
            dialog = CustomerSignatureDialog(view.customer_name, self)
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            png, paper = (None, True) if dialog.on_paper else (dialog.pad.to_png(), False)
        settings = self.host.settings
        printers = bench.BenchPrinters(self.host.print_context(), settings.labels_uri, settings.printer_uri)
        self._act(
            lambda command: bench.complete(
                db,
                packer,
                number,
                signature_png=png,
                signed_on_paper=paper,
                copy3_confirmed_by=confirm,
                printers=printers,
                command_id=command,
            ),
            self._completed,
        )

    def _sign_return(self, slip_number: str, view: BenchView) -> None:
        db, packer = self.host.db, self.host.staff

        def next_signature(slip) -> None:  # noqa: ANN001 - ReturnInfo
            missing = slip.missing
            if not missing:
                self.finish_after_returns()
                return
            role = missing[0]
            if role == "customer":  # the items coming back and the refund, not "all is in the boxes"
                dialog = ReturnSignatureDialog(slip, self)
                if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                    return
                png = None if dialog.on_paper else dialog.pad.to_png()
                method = "paper" if dialog.on_paper else "pad"
                self._act(
                    lambda command: returns.sign(
                        db, packer, slip_number, "customer", method=method, image_png=png, command_id=command
                    ),
                    next_signature,
                )
                return
            labels = {"handler": self.tr("Handler (经手人) login code"), "manager": self.tr("Manager login code")}
            dialog = ApprovalDialog(
                self.tr("Return slip {number}").format(number=slip_number),
                self.tr("Crossed-out items go on return slip {number}; it needs three signatures.").format(
                    number=slip_number
                ),
                parent=self,
                login_label=labels[role],
            )
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            login, pin, _ = dialog.values()

            approval = Approval(login, pin)
            self._act(
                lambda command: returns.sign(db, packer, slip_number, role, signer=approval, command_id=command),
                next_signature,
            )

        context, uri = self.host.print_context(), self.host.settings.printer_uri

        def print_then_read():  # noqa: ANN202
            # printed at once for checking with the customer (signature lines blank), once
            try:
                printing.print_document(db, packer, context, kind="return-slip", number=slip_number, printer_uri=uri)
            except Conflict:
                pass  # printed already when the signing began earlier
            return returns.get(db, slip_number)

        self.host.worker.submit(
            print_then_read, lambda slip: (self.host.wake_spooler(), next_signature(slip)), self._error
        )

    def finish_after_returns(self) -> None:
        self.finish()

    def _completed(self, view: BenchView) -> None:
        self.show_view(view)
        self.host.wake_spooler()
        self.host.sounds.play("done")
        parts = []
        if view.boxes:
            text = self.tr('Checked. The final box labels ("box … of {n}") are printing: put each on its box.')
            parts.append(text.format(n=len(view.boxes)))
        if view.mode == Mode.PRESENT and view.crossed_units:
            parts.append(
                self.tr(
                    "Items were crossed out: a revised copy 3 with the net total is printing. Give the customer "
                    "that one and take back the copy printed for checking."
                )
            )
        if parts:
            self.confirm(" ".join(parts))
        self.completed.emit(view.number)
