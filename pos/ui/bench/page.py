"""The packing bench: load a slip (scan its barcode or pick it from the queue), check every unit
with the customer, pack numbered boxes, seal and label them, take the signatures, finish.
Nothing here needs the mouse: scans, function keys and Enter do it all."""

from __future__ import annotations

import re
import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QInputDialog, QLabel, QListWidget,
    QListWidgetItem, QProgressBar, QStackedWidget, QVBoxLayout, QWidget,
)

from pos.domain.roles import Role
from pos.domain.errors import Conflict
from pos.services import bench, counter, printing, returns, staff
from pos.services.bench import BenchBox, BenchView, QueueEntry, TickResult
from pos.ui.approval import ApprovalDialog
from pos.ui.bench.dialogs import CustomerSignatureDialog, StartCheckDialog
from pos.ui.bench.lines_model import BenchLinesModel
from pos.ui.i18n import error_text
from pos.ui.keys import key_actions
from pos.ui.returns.signature import ReturnSignatureDialog
from pos.ui.table_model import lines_table

ORDER_NUMBER = re.compile(r"^S\d{8}-\d{4}$")
QUEUE_REFRESH_MS = 2000  # the queue is read again this often: slips printed at any station appear


class BenchPage(QWidget):
    # emitted after a tick's row and box are on screen (benchmarks and tests listen)
    tick_shown = Signal(int)
    # emitted when a check completes
    completed = Signal(str)

    def __init__(self, host, parent: QWidget | None = None) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(parent)
        self.host = host
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current: BenchView | None = None

        self.name_label = QLabel(self.tr("Scan a slip's barcode, or choose it from the queue"), objectName="bench_name")
        self.name_label.setStyleSheet("font-size: 44px; font-weight: bold;")
        self.name_label.setWordWrap(True)  # the English prompt would otherwise make the window 1264 px wide
        self.info_label = QLabel("", objectName="bench_info")
        self.progress = QProgressBar(objectName="bench_progress")
        self.banner = QLabel("", objectName="bench_banner", alignment=Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self._banner_timer = QTimer(self, singleShot=True, interval=900)
        self._banner_timer.timeout.connect(self._fade_banner)

        self.queue_list = QListWidget(objectName="bench_queue")
        self.queue_list.setStyleSheet("font-size: 22px;")
        self.model = BenchLinesModel(self)
        self.table = lines_table(self.model, "bench_lines")
        self.center = QStackedWidget()
        self.center.addWidget(self.queue_list)
        self.center.addWidget(self.table)

        self.box_label = QLabel("", objectName="open_box")
        self.box_label.setStyleSheet("font-size: 26px; font-weight: bold;")
        self.box_items = QListWidget(objectName="open_box_items")
        self.boxes_label = QLabel("", objectName="boxes_summary")
        self.boxes_label.setWordWrap(True)
        self.message = QLabel("", objectName="bench_message")
        self.message.setWordWrap(True)

        side = QVBoxLayout()
        side.addWidget(self.box_label)
        side.addWidget(self.box_items, 1)
        side.addWidget(self.boxes_label)
        specs = [
            ("manual", self.tr("F3 Tick by hand"), "F3", self.manual_tick),
            ("cross", self.tr("F7 Cross out"), "F7", self.cross_out),
            ("box", self.tr("F8 New box"), "F8", self.new_box),
            ("seal", self.tr("F9 Seal box"), "F9", self.seal_box),
            ("finish", self.tr("F6 Finish"), "F6", self.finish),
            ("undo", self.tr("Ctrl+Z Undo last tick"), "Ctrl+Z", self.undo),
            ("move", self.tr("Ctrl+M Move to box"), "Ctrl+M", self.move_item),
            ("swap", self.tr("Ctrl+D Defective swap"), "Ctrl+D", self.swap),
            ("name", self.tr("F2 Name is wrong"), "F2", self.correct_name),
            ("close", self.tr("Esc Back to queue"), "Esc", self.unload),
        ]
        # The keys run along the bottom as at the counter: beside the lines they left no height on a
        # 1024x768 screen for the full-width refusal banner.
        self.actions, keys = key_actions(self, specs, columns=5, button_height=52)

        middle = QHBoxLayout()
        middle.addWidget(self.center, 3)
        middle.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.info_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addLayout(keys)
        layout.addWidget(self.message)

        self.queue_list.itemActivated.connect(lambda item: self.load(item.data(Qt.ItemDataRole.UserRole)))
        self._queue_timer = QTimer(self, interval=QUEUE_REFRESH_MS)
        self._queue_timer.timeout.connect(self.refresh_queue)
        self._set_actions()

    # queue and loading ---------------------------------------------------------------------------
    def activate(self) -> None:
        """After sign-in: back to the check this station was doing (after a crash too), else the queue."""
        self._queue_timer.start()
        db, station = self.host.db, self.host.settings.station_name

        def resume() -> BenchView | None:
            number = bench.resume_candidate(db, station)
            return bench.bench_view(db, number) if number else None

        self.host.worker.submit(resume, lambda view: self.show_view(view) if view else self.refresh_queue(),
                                self._error)

    def deactivate(self) -> None:
        self._queue_timer.stop()

    def refresh_queue(self) -> None:
        if self.current is not None or self.host.worker.pending > 2:
            return
        db = self.host.db
        # a failed refresh (database briefly unreachable) is said quietly; the next one tries again
        self.host.worker.submit(lambda: bench.queue(db), self._show_queue, lambda e: self.say(error_text(e)))

    def _show_queue(self, entries: list[QueueEntry]) -> None:
        self.queue_list.clear()
        states = {"printed": self.tr("waiting"), "checking": self.tr("being checked")}
        for entry in entries:
            units = self.tr("{n} units").format(n=entry.units)
            item = QListWidgetItem(f"{entry.number}   {entry.customer_name}   {units}"
                                   f"   {entry.printed_at}   {states.get(entry.status, entry.status)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.number)
            self.queue_list.addItem(item)
        if entries and self.queue_list.currentRow() < 0:
            self.queue_list.setCurrentRow(0)

    def load(self, number: str) -> None:
        db = self.host.db
        self.host.worker.submit(lambda: bench.bench_view(db, number), self._loaded, self._error)

    def _loaded(self, view: BenchView) -> None:
        if view.status == "checking":
            self.show_view(view)  # resume exactly where the check was
            self.say(self.tr("Check resumed: {number}").format(number=view.number))
            return
        if view.status != "printed":
            self.refuse(self.tr("Slip {number} is not waiting for a check ({status}).").format(
                number=view.number, status=view.status))
            return
        dialog = StartCheckDialog(view.number, view.customer_name, self)
        outcome = self.run_dialog(dialog)
        if outcome == StartCheckDialog.NAME_WRONG:
            self.correct_name(view.number)
            return
        if outcome != QDialog.DialogCode.Accepted:
            return
        db, packer, mode = self.host.db, self.host.staff, dialog.mode
        login, pin = dialog.second_login.text().strip(), dialog.second_pin.text()

        def call() -> BenchView:
            second = staff.authorize(db, login, pin, Role.PACKER) if mode == "absent" else None
            bench.start_check(db, packer, view.number, mode)
            if second is not None:
                bench.sign_second_checker(db, packer, second, view.number)
            return bench.confirm_name(db, packer, view.number)

        self.host.worker.submit(call, self.show_view, self._error)

    def run_dialog(self, dialog: QDialog) -> int:
        """Modal dialogs go through here so tests can drive them."""
        return dialog.exec()

    def show_view(self, view: BenchView) -> None:
        self.current = view
        self.center.setCurrentWidget(self.table)
        self.model.set_lines(view.lines)
        modes = {"present": self.tr("Customer present"), "absent": self.tr("Customer absent")}
        self.name_label.setText(view.customer_name)
        packers = "、".join(name for role, name in sorted(view.signatures.items()) if role in ("checker", "second_checker"))
        packers_text = self.tr("Packers: {names}").format(names=packers)
        self.info_label.setText(f"{view.number}    {modes.get(view.mode, '')}    {packers_text}")
        self._show_progress(view.done_units, view.units)
        self._show_box(view.open_box)
        sealed = [b for b in view.boxes if b.sealed]
        self.boxes_label.setText(self.tr("Boxes: {count}, sealed {sealed}").format(count=len(view.boxes), sealed=len(sealed)))
        self._set_actions()
        if view.status == "checked":
            self.say(self.tr("Check complete: {number}. Copy 3 goes {where}.").format(
                number=view.number, where=self.tr("to the customer") if view.mode == "present" else self.tr("into the box")))

    def _show_progress(self, done: int, units: int) -> None:
        self.progress.setMaximum(max(units, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} of {units} units checked").format(done=done, units=units))

    def _show_box(self, box: BenchBox | None) -> None:
        self.box_items.clear()
        if box is None:
            self.box_label.setText(self.tr("No open box (F8)"))
            return
        self.box_label.setText(self.tr("Box {n}: {count} items").format(n=box.number, count=box.count))
        for _position, code, name, quantity in box.items:
            self.box_items.addItem(f"{code}  {name}  × {quantity}")

    def unload(self) -> None:
        self.current = None
        self.center.setCurrentWidget(self.queue_list)
        self.name_label.setText(self.tr("Scan a slip's barcode, or choose it from the queue"))
        self.info_label.clear()
        self.box_items.clear()
        self.box_label.clear()
        self.boxes_label.clear()
        self.progress.reset()
        self._banner_timer.stop()
        self.banner.hide()
        self.message.clear()
        self._set_actions()
        self.refresh_queue()

    def _set_actions(self) -> None:
        checking = self.current is not None and self.current.status == "checking"
        for name, action in self.actions.items():
            action.setEnabled(checking or name == "close")

    # scans ---------------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        code = text.strip().upper() if ORDER_NUMBER.match(text.strip().upper()) else text.strip()
        if ORDER_NUMBER.match(code):
            if self.current is not None and self.current.status == "checking" and self.current.number != code:
                self.refuse(self.tr("Finish or put aside {number} (Esc) before loading another slip.").format(
                    number=self.current.number))
                return
            self.load(code)
            return
        if self.current is None or self.current.status != "checking":
            self.refuse(self.tr("Load a slip first: scan its barcode."))
            return
        db, packer, number = self.host.db, self.host.staff, self.current.number
        station, command = self.host.settings.station_name, uuid.uuid4().hex
        self.host.worker.submit(lambda: bench.tick(db, packer, number, code, station=station, command_id=command),
                                self._ticked, self._error)

    def _ticked(self, result: TickResult) -> None:
        row = self.model.update_line(result.line)
        self.table.scrollTo(self.model.index(row, 0))
        self._show_box(result.box)
        self._show_progress(result.done_units, result.units)
        self.flash(self.tr("✓ {code} {name} → box {box}").format(code=result.line.item_code, name=result.line.name,
                                                                 box=result.box.number))
        self.tick_shown.emit(row)

    # feedback ------------------------------------------------------------------------------------
    def refuse(self, text: str) -> None:
        """Full-width red banner and the error buzz: the packer must notice."""
        self.banner.setText(text)
        self.banner.setStyleSheet("background: #c62828; color: white; font-size: 30px; font-weight: bold; padding: 14px;")
        self.banner.show()
        self._banner_timer.stop()
        self.message.setText(text)
        self.host.sounds.play("error")

    def flash(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet("background: #2e7d32; color: white; font-size: 22px; padding: 8px;")
        self.banner.show()
        self._banner_timer.start()
        self.host.sounds.play("ok")

    def _fade_banner(self) -> None:
        self.banner.hide()

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _error(self, error: BaseException) -> None:
        self.refuse(error_text(error))

    def _selected_line(self):  # noqa: ANN202
        return self.model.current(self.table)

    def _run(self, call, done=None) -> None:  # noqa: ANN001
        self.host.worker.submit(call, done or self.show_view, self._error)

    # actions -------------------------------------------------------------------------------------
    def manual_tick(self) -> None:
        line = self._selected_line()
        if self.current is None or line is None:
            return
        count, ok = QInputDialog.getInt(self, self.tr("Tick by hand"), self.tr("{name}: how many?").format(name=line.name),
                                        1, 1, max(1, line.remaining))
        if ok:
            db, packer, number = self.host.db, self.host.staff, self.current.number
            station = self.host.settings.station_name
            self._run(lambda: bench.manual_tick(db, packer, number, line.position, count, station=station), self._ticked)

    def cross_out(self) -> None:
        line = self._selected_line()
        if self.current is None or line is None:
            return
        count, ok = QInputDialog.getInt(self, self.tr("Cross out"), self.tr("{name}: how many does the customer not take?")
                                        .format(name=line.name), 1, 1, max(1, line.remaining))
        if not ok:
            return
        reasons = [("unwanted", self.tr("Customer does not want it")), ("defective", self.tr("Defective, no replacement")),
                   ("wrong_item", self.tr("Wrong item")), ("other", self.tr("Other"))]
        label, ok = QInputDialog.getItem(self, self.tr("Cross out"), self.tr("Reason"), [r[1] for r in reasons], 0, False)
        if not ok:
            return
        reason = next(code for code, text in reasons if text == label)
        detail = ""
        if reason == "other":
            detail, ok = QInputDialog.getText(self, self.tr("Cross out"), self.tr("What is the reason?"))
            if not ok:
                return
        db, packer, number = self.host.db, self.host.staff, self.current.number
        self._run(lambda: bench.cross_out(db, packer, number, line.position, count, reason, detail))

    def new_box(self) -> None:
        if self.current is not None:
            db, packer, number = self.host.db, self.host.staff, self.current.number
            self._run(lambda: bench.open_box(db, packer, number))

    def seal_box(self) -> None:
        if self.current is None or self.current.open_box is None:
            return
        db, packer, number, box = self.host.db, self.host.staff, self.current.number, self.current.open_box.number
        context, uri = self.host.print_context(), self.host.settings.labels_uri

        def done(view: BenchView) -> None:
            self.show_view(view)
            self.host.wake_spooler()
            self.say(self.tr("Box {n} sealed; its label is printing.").format(n=box))

        self._run(lambda: bench.seal_box(db, packer, context, number, box, uri), done)

    def undo(self) -> None:
        if self.current is None:
            return
        db, packer, number = self.host.db, self.host.staff, self.current.number
        self._run(lambda: bench.undo_last_tick(db, packer, number))

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
        target, ok = QInputDialog.getItem(self, self.tr("Move to box"), self.tr("To box"),
                                          [b for b in open_boxes if b != source], 0, False)
        if not ok:
            return
        db, packer, number = self.host.db, self.host.staff, self.current.number
        self._run(lambda: bench.move_item(db, packer, number, line.position, int(source), int(target)))

    def swap(self) -> None:
        line = self._selected_line()
        if self.current is None or line is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Defective swap"), self.tr("What is wrong with this {name}?")
                                        .format(name=line.name))
        if ok:
            db, packer, number = self.host.db, self.host.staff, self.current.number

            def call() -> BenchView:
                counter.quality_swap(db, packer, number, line.position, note)
                return bench.bench_view(db, number)

            self._run(call)

    def correct_name(self, number: str | None = None) -> None:
        number = number or (self.current.number if self.current else None)
        if not number:
            return
        new_name, ok = QInputDialog.getText(self, self.tr("Name is wrong"), self.tr("The customer's name, spelled right"))
        if not ok or not new_name.strip():
            return
        dialog = ApprovalDialog(self.tr("Name is wrong"), self.tr("A cashier corrects the customer record."), parent=self,
                                login_label=self.tr("Cashier login code"))
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        login, pin, _ = dialog.values()
        db = self.host.db

        def call() -> BenchView:
            cashier = staff.authorize(db, login, pin, Role.CASHIER)
            return bench.correct_name(db, cashier, number, new_name)

        self.host.worker.submit(call, lambda view: self.load(view.number), self._error)

    def finish(self) -> None:
        """Collect what is missing, in order: the customer's signature, the return slip's three
        signatures; then complete."""
        view = self.current
        if view is None:
            return
        if "units_left" in view.problems or "box_open" in view.problems:
            self.refuse(self.tr("Not finished: {left} units to check, and every box with items must be sealed.").format(
                left=view.units - view.done_units))
            return
        db, packer, number = self.host.db, self.host.staff, view.number
        if "customer_signature" in view.problems:
            dialog = CustomerSignatureDialog(view.customer_name, self)
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            png, paper = (None, True) if dialog.on_paper else (dialog.pad.to_png(), False)
            self._run(lambda: bench.sign_customer(db, packer, number, image_png=png, on_paper=paper),
                      lambda v: (self.show_view(v), self.finish()))
            return
        if view.open_returns:
            self._sign_return(view.open_returns[0], view)
            return
        self._run(lambda: bench.complete(db, packer, number), self._completed)

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
                self._run(lambda: returns.sign(db, packer, slip_number, "customer", method=method, image_png=png),
                          next_signature)
                return
            labels = {"handler": self.tr("Handler (经手人) login code"), "manager": self.tr("Manager login code")}
            dialog = ApprovalDialog(self.tr("Return slip {number}").format(number=slip_number),
                                    self.tr("Crossed-out items go on return slip {number}; it needs three signatures.")
                                    .format(number=slip_number), parent=self, login_label=labels[role])
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            login, pin, _ = dialog.values()

            def call():  # noqa: ANN202
                if role == "manager":
                    signer = staff.authorize(db, login, pin, Role.MANAGER)
                else:
                    signer = staff.sign_in(db, login, pin)
                return returns.sign(db, packer, slip_number, role, signer=signer)

            self._run(call, next_signature)

        context, uri = self.host.print_context(), self.host.settings.printer_uri

        def print_then_read():  # noqa: ANN202
            # printed at once for checking with the customer (signature lines blank), once
            try:
                printing.print_document(db, packer, context, kind="return-slip", number=slip_number, printer_uri=uri)
            except Conflict:
                pass  # printed already when the signing began earlier
            return returns.get(db, slip_number)

        self.host.worker.submit(print_then_read, lambda slip: (self.host.wake_spooler(), next_signature(slip)),
                                self._error)

    def finish_after_returns(self) -> None:
        if self.current is None:
            return
        db, number = self.host.db, self.current.number
        self.host.worker.submit(lambda: bench.bench_view(db, number), lambda v: (self.show_view(v), self.finish()),
                                self._error)

    def _completed(self, view: BenchView) -> None:
        self.show_view(view)
        self.host.sounds.play("done")
        self.completed.emit(view.number)

