"""The bench's acts on the loaded order besides scanning: tick by hand, cross out, boxes (new,
seal, move), undo, defective swap, name correction."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog

from pos.domain.errors import PermissionDenied
from pos.domain.remote import is_remote
from pos.services import bench, counter
from pos.services.bench import BenchView
from pos.services.staff import Approval
from pos.ui.approval import ApprovalDialog
from pos.ui.ask import ask_count


class BenchActs:
    """BenchPage's function-key acts; a mixin: it works on the page's state and widgets."""

    def manual_tick(self) -> None:
        """F3: tick by hand an item whose label cannot be scanned, and say why (kept for the area lead)."""
        line = self._selected_line()
        if self.current is None or line is None:
            return
        count = ask_count(
            self,
            self.tr("Tick by hand"),
            self.tr("{name}: how many?").format(name=line.name),
            1,
            1,
            max(1, line.remaining),
        )
        if count is None:
            return
        reasons = [
            ("no_label", self.tr("No label")),
            ("damaged_label", self.tr("Label damaged or unreadable")),
            ("defect", self.tr("Item has a defect")),
        ]
        label, ok = QInputDialog.getItem(
            self, self.tr("Tick by hand"), self.tr("Why is it ticked by hand?"), [r[1] for r in reasons], 0, False
        )
        if not ok:
            return
        reason = next(code for code, text in reasons if text == label)
        db, packer, number = self.host.db, self.host.staff, self.current.number
        station = self.host.settings.station_name
        self.host.worker.act(
            lambda command: bench.manual_tick(
                db, packer, number, line.position, count, reason=reason, station=station, command_id=command
            ),
            self._ticked,
            self._error,
        )

    def cross_out(self) -> None:
        line = self._selected_line()
        if self.current is None or line is None:
            return
        count = ask_count(
            self,
            self.tr("Cross out"),
            self.tr("{name}: how many does the customer not take?").format(name=line.name),
            1,
            1,
            max(1, line.remaining),
        )
        if count is None:
            return
        remote = is_remote(self.current.source)
        reasons = [
            ("unwanted", self.tr("Customer does not want it")),
            ("defective", self.tr("Defective, no replacement")),
            ("wrong_item", self.tr("Wrong item")),
            ("other", self.tr("Other")),
        ]
        if remote:  # the customer is not here: what the bench finds short, for the call about it
            shortfalls = [self.tr("Out of stock"), self.tr("Only in another colour"), self.tr("The price has changed")]
            reasons = [("other", text) for text in shortfalls] + reasons[1:]
        label, ok = QInputDialog.getItem(
            self, self.tr("Cross out"), self.tr("Reason"), [r[1] for r in reasons], 0, False
        )
        if not ok:
            return
        reason = next(code for code, text in reasons if text == label)
        detail = label if remote and reason == "other" and label != self.tr("Other") else ""
        if reason == "other" and not detail:
            detail, ok = QInputDialog.getText(self, self.tr("Cross out"), self.tr("What is the reason?"))
            if not ok:
                return
        db, packer, number = self.host.db, self.host.staff, self.current.number

        def crossed(view: BenchView) -> None:
            self.show_view(view)
            self.confirm(
                self.tr("Crossed out: {code} {name} × {n}; it goes on the return slip.").format(
                    code=line.item_code, name=line.name, n=count
                )
                + (
                    " " + self.tr("The customer is called about it first (Shift+F11, calls to make); then F6 finishes.")
                    if remote
                    else ""
                ),
                tone="crossed",
            )

        self._act(
            lambda command: bench.cross_out(
                db, packer, number, line.position, count, reason, detail, command_id=command
            ),
            crossed,
        )

    def new_box(self) -> None:
        if self.current is not None:
            db, packer, number = self.host.db, self.host.staff, self.current.number

            def opened(view: BenchView) -> None:
                self.show_view(view)
                if view.open_box is not None:
                    self.confirm(self.tr("Box {n} is open: pack into it.").format(n=view.open_box.number))

            self._act(lambda command: bench.open_box(db, packer, number, command_id=command), opened)

    def seal_box(self) -> None:
        if self.current is None or self.current.open_box is None:
            return
        if self.current.needs_second_packer:
            self.ask_second_packer()
            return
        db, packer, number, box = self.host.db, self.host.staff, self.current.number, self.current.open_box.number
        context, uri, slips = self.host.print_context(), self.host.settings.labels_uri, self.host.settings.printer_uri

        def done(view: BenchView) -> None:
            self.show_view(view)
            self.host.wake_spooler()
            self.confirm(self.tr("Box {n} sealed; its label is printing.").format(n=box))

        def refused(error: BaseException) -> None:
            if not isinstance(error, bench.Copy3NotConfirmed):
                self._error(error)
                return
            confirm = self._ask_copy3(box)
            if confirm is not None:
                self._act(
                    lambda command: bench.seal_box(
                        db,
                        packer,
                        context,
                        number,
                        box,
                        uri,
                        copy3_confirmed_by=confirm,
                        slip_printer_uri=slips,
                        command_id=command,
                    ),
                    done,
                )

        self._act(
            lambda command: bench.seal_box(db, packer, context, number, box, uri, command_id=command), done, refused
        )

    def undo(self) -> None:
        """Ctrl+Z takes back the packer's own last tick; further back, a manager approves on the spot."""
        if self.current is None:
            return
        db, packer, number, before = self.host.db, self.host.staff, self.current.number, self.current

        def refused(error: BaseException) -> None:
            if not isinstance(error, PermissionDenied):
                self._error(error)
                return
            dialog = ApprovalDialog(
                self.tr("Undo an earlier tick"),
                self.tr("Only your own last tick can be taken back on your own. A manager approves this one."),
                parent=self,
            )
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            login, pin, _ = dialog.values()
            manager = Approval(login, pin)  # checked with the undo, in its transaction
            self._act(
                lambda command: bench.undo_last_tick(db, packer, number, manager=manager, command_id=command),
                lambda view: self._undone(before, view),
            )

        self._act(
            lambda command: bench.undo_last_tick(db, packer, number, command_id=command),
            lambda view: self._undone(before, view),
            refused,
        )

    def _undone(self, before: BenchView, view: BenchView) -> None:
        self.show_view(view)
        old = {line.id: line.ticked for line in before.lines}
        line = next((ln for ln in view.lines if ln.ticked < old.get(ln.id, 0)), None)
        text = (
            self.tr("Tick undone: {code} {name} × {n}").format(
                code=line.item_code, name=line.name, n=old[line.id] - line.ticked
            )
            if line
            else self.tr("Tick undone.")
        )
        self.confirm(text)

    def move_item(self) -> None:
        line = self._selected_line()
        if self.current is None or line is None:
            return
        open_boxes = [str(b.number) for b in self.current.boxes if not b.sealed]
        if len(open_boxes) < 2:
            self.refuse(self.tr("Moving needs two open boxes."))
            return
        source, ok = QInputDialog.getItem(self, self.tr("Move to box"), self.tr("From box"), open_boxes, 0, False)
        if not ok:
            return
        target, ok = QInputDialog.getItem(
            self, self.tr("Move to box"), self.tr("To box"), [b for b in open_boxes if b != source], 0, False
        )
        if not ok:
            return
        db, packer, number = self.host.db, self.host.staff, self.current.number

        def moved(view: BenchView) -> None:
            self.show_view(view)
            self.confirm(
                self.tr("Moved: {code} {name}, box {source} → box {target}").format(
                    code=line.item_code, name=line.name, source=source, target=target
                )
            )

        self._act(
            lambda command: bench.move_item(
                db, packer, number, line.position, int(source), int(target), command_id=command
            ),
            moved,
        )

    def swap(self) -> None:
        line = self._selected_line()
        if self.current is None or line is None:
            return
        note, ok = QInputDialog.getText(
            self, self.tr("Defective swap"), self.tr("What is wrong with this {name}?").format(name=line.name)
        )
        if ok:
            db, packer, number = self.host.db, self.host.staff, self.current.number

            def call(command: str) -> BenchView:
                counter.quality_swap(db, packer, number, line.position, note, command_id=command)
                return bench.bench_view(db, number)  # a read after the act: a retry replays the swap

            self._act(call)

    def correct_name(self, number: str | None = None) -> None:
        number = number or (self.current.number if self.current else None)
        if not number:
            return
        new_name, ok = QInputDialog.getText(
            self, self.tr("Name is wrong"), self.tr("The customer's name, spelled right")
        )
        if not ok or not new_name.strip():
            return
        dialog = ApprovalDialog(
            self.tr("Name is wrong"),
            self.tr("A cashier corrects the customer record."),
            parent=self,
            login_label=self.tr("Cashier login code"),
        )
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        login, pin, _ = dialog.values()
        db, packer, cashier = self.host.db, self.host.staff, Approval(login, pin)  # checked with the correction
        self._act(
            lambda command: bench.correct_name(db, packer, number, new_name, cashier=cashier, command_id=command),
            lambda view: self.load(view.number),
        )
