"""The packing bench: load a slip (scan its barcode or pick it from the queue), check every unit
with the customer, pack numbered boxes, seal and label them, take the signatures, finish.
Nothing here needs the mouse: scans, function keys and Enter do it all."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.orders import OrderStatus
from pos.domain.shipping import send_by_label
from pos.domain.slip_numbers import order_number
from pos.services import bench, carriers, shipping
from pos.services.bench import BenchBox, BenchView, TickResult
from pos.services.staff import Approval
from pos.ui.bench.acts import BenchActs
from pos.ui.bench.dialogs import StartCheckDialog, remote_mark
from pos.ui.bench.lines_model import BenchLinesModel
from pos.ui.bench.queue import BenchQueue
from pos.ui.bench.signing import BenchSignatures
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.keys import key_actions
from pos.ui.style import set_tone, text_size
from pos.ui.table_model import lines_table

QUEUE_REFRESH_MS = 2000  # the queue is read again this often: slips printed at any station appear


class BenchPage(BenchQueue, BenchActs, BenchSignatures, QWidget):
    # emitted after a tick's row and box are on screen (benchmarks and tests listen)
    tick_shown = Signal(int)
    # emitted when a check completes
    completed = Signal(str)

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current: BenchView | None = None
        self._version: tuple | None = None  # bench.version() of the order as it is on screen

        self.name_label = QLabel(self.tr("Scan a slip's barcode, or choose it from the queue"), objectName="bench_name")
        text_size(self.name_label, "huge", strong=True)
        self.name_label.setWordWrap(True)  # the English prompt would otherwise make the window 1264 px wide
        self.customer_label = QLabel("", objectName="bench_customer")  # phone and number, to tell namesakes apart
        text_size(self.customer_label, "large")
        self.info_label = QLabel("", objectName="bench_info")
        self.progress = QProgressBar(objectName="bench_progress")
        self.banner = QLabel("", objectName="bench_banner", alignment=Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self._banner_timer = QTimer(self, singleShot=True, interval=900)
        self._banner_timer.timeout.connect(self._fade_banner)

        self.queue_list = QListWidget(objectName="bench_queue")
        text_size(self.queue_list, "large")
        self.model = BenchLinesModel(self)
        self.table = lines_table(self.model, "bench_lines")
        self.center = QStackedWidget()
        self.center.addWidget(self.queue_list)
        self.center.addWidget(self.table)

        self.box_label = QLabel("", objectName="open_box")
        text_size(self.box_label, "large", strong=True)
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
        # arrows choose the line F3, F7, Ctrl+M and Ctrl+D act on, wherever the focus is on this page
        for name, key, step in (("up", Qt.Key.Key_Up, -1), ("down", Qt.Key.Key_Down, 1)):
            action = QAction(self, shortcut=QKeySequence(key), shortcutContext=Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, step=step: self.move_selection(step))
            self.addAction(action)
            self.actions[name] = action
        self._last_ticked: int | None = None  # line id: what the keys act on when no line is chosen

        middle = QHBoxLayout()
        middle.addWidget(self.center, 3)
        middle.addLayout(side, 2)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.name_label, 1)
        header.addWidget(self.customer_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(header)
        layout.addWidget(self.info_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addLayout(keys)
        layout.addWidget(self.message)

        self.queue_list.itemActivated.connect(lambda item: self.load(item.data(Qt.ItemDataRole.UserRole)))
        self.setFocusProxy(self.queue_list)  # focus given to the page: arrows and Enter choose a slip
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

        self.host.worker.submit(resume, lambda view: self._loaded(view) if view else self.refresh_queue(), self._error)

    def deactivate(self) -> None:
        self._queue_timer.stop()

    def load(self, number: str) -> None:
        db = self.host.db
        self.host.worker.submit(lambda: bench.bench_view(db, number), self._loaded, self._error)

    def _loaded(self, view: BenchView) -> None:
        if view.status == OrderStatus.CHECKING:
            self.show_view(view)  # resume exactly where the check was
            self.say(self.tr("Check resumed: {number}").format(number=view.number))
            if view.needs_second_packer:
                self.ask_second_packer()
            return
        if view.status != OrderStatus.PRINTED:
            states = {
                OrderStatus.OPEN: self.tr("not printed yet"),
                OrderStatus.CHECKED: self.tr("checked already"),
                OrderStatus.SETTLED: self.tr("paid already"),
                OrderStatus.VOIDED: self.tr("voided"),
            }
            self.refuse(
                self.tr("Slip {number} is not waiting for a check ({status}).").format(
                    number=view.number, status=states.get(view.status, view.status)
                )
            )
            return
        db, customer = self.host.db, view.customer_number

        def sending() -> tuple[tuple[str, ...], str]:
            names = tuple(c.name for c in carriers.list_carriers(db))
            return names, view.send_by or shipping.customer_send_by(db, customer)

        # asked after the worker's delivery returns: the dialog's own calls must come home too
        self.host.worker.submit(
            sending, lambda found: QTimer.singleShot(0, lambda: self._ask_start(view, *found)), self._error
        )

    def _ask_start(self, view: BenchView, names: tuple[str, ...], send_by: str) -> None:
        dialog = StartCheckDialog(view.number, view.customer_name, self, names, send_by, source=view.source)
        outcome = self.run_dialog(dialog)
        if outcome == StartCheckDialog.NAME_WRONG:
            self.correct_name(view.number)
            return
        if outcome != QDialog.DialogCode.Accepted:
            return
        db, packer, mode, way = self.host.db, self.host.staff, dialog.mode, dialog.way_of_sending
        # checked with the start, in its transaction: a wrong PIN leaves the slip in the queue, untouched
        second = Approval(dialog.second_login.text().strip(), dialog.second_pin.text()) if mode == "absent" else None
        number = view.number

        def start(command: str) -> BenchView:
            started = bench.start_check(db, packer, number, mode, second, command_id=command)
            if way != started.send_by:
                shipping.set_send_by(db, packer, number, way)
                return bench.bench_view(db, number)
            return started

        self._act(start)

    def run_dialog(self, dialog: QDialog) -> int:
        """Modal dialogs go through here so tests can drive them."""
        return dialog.exec()

    def show_view(self, view: BenchView) -> None:
        same = self.current is not None and self.current.number == view.number
        if not same:
            self._last_ticked = None
            self._keys_to(self.table)
        self._version = view.version  # the queue timer reloads only when the order changes after this
        self.current = view
        self.center.setCurrentWidget(self.table)
        if same:  # in place: the selection, the highlight and the scroll position stay
            self.model.refresh_lines(view.lines)
        else:
            self.model.set_lines(view.lines)
        if self._last_ticked in self.model.rows and self.model.highlight != self.model.rows[self._last_ticked]:
            self.model.move_highlight(self.model.rows[self._last_ticked])
        modes = {"present": self.tr("Customer present"), "absent": self.tr("Customer absent")}
        self.name_label.setText(view.customer_name)
        self.customer_label.setText(
            self.tr("Phone {phone}\nCustomer No. {number}").format(
                phone=view.customer_phone, number=view.customer_number
            )
        )
        packers = "、".join(
            name for role, name in sorted(view.signatures.items()) if role in ("checker", "second_checker")
        )
        packers_text = self.tr("Packers: {names}").format(names=packers)
        sending = self.tr("Send by: {way}").format(way=send_by_label(view.send_by)) if view.send_by else ""
        mode = modes.get(view.mode, "")
        self.info_label.setText(f"{view.number}{remote_mark(view.source)}    {mode}    {packers_text}    {sending}")
        self._show_progress(view.done_units, view.units)
        self._show_box(view.open_box)
        sealed = [b for b in view.boxes if b.sealed]
        self.boxes_label.setText(
            self.tr("Boxes: {count}, sealed {sealed}").format(count=len(view.boxes), sealed=len(sealed))
        )
        self._set_actions()
        if view.status == OrderStatus.CHECKED:
            self.say(
                self.tr("Check complete: {number}. Copy 3 goes {where}.").format(
                    number=view.number,
                    where=self.tr("to the customer") if view.mode == "present" else self.tr("into the box"),
                )
            )

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
        self._version = None
        self.center.setCurrentWidget(self.queue_list)
        self.name_label.setText(self.tr("Scan a slip's barcode, or choose it from the queue"))
        self.info_label.clear()
        self.customer_label.clear()
        self.box_items.clear()
        self.box_label.clear()
        self.boxes_label.clear()
        self.progress.reset()
        self._banner_timer.stop()
        self.banner.hide()
        self.message.clear()
        self._set_actions()
        self._keys_to(self.queue_list)
        self.refresh_queue()

    def _keys_to(self, widget: QWidget) -> None:
        """Arrows and Enter work in what is on screen, the queue or the lines, without a click."""
        self.setFocusProxy(widget)
        if self.isVisible():
            widget.setFocus()

    def _set_actions(self) -> None:
        checking = self.current is not None and self.current.status == OrderStatus.CHECKING
        for name, action in self.actions.items():
            action.setEnabled(checking or name == "close")

    # scans ---------------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        slip, code = order_number(text), text.strip()
        if slip is not None:
            if self.current is not None and self.current.status == OrderStatus.CHECKING and self.current.number != slip:
                self.refuse(
                    self.tr("Finish or put aside {number} (Esc) before loading another slip.").format(
                        number=self.current.number
                    )
                )
                return
            self.load(slip)
            return
        if self.current is None or self.current.status != OrderStatus.CHECKING:
            self.refuse(self.tr("Load a slip first: scan its barcode."))
            return
        db, packer, number = self.host.db, self.host.staff, self.current.number
        station = self.host.settings.station_name
        rules = self.host.settings.rules()  # the counter's in-store label rules: weighed pieces by their labels
        # one act: its command id is made once and kept on every retry (a tick is stored once)
        self.host.worker.act(
            lambda command: bench.tick(
                db, packer, number, code, station=station, command_id=command, instore_rules=rules
            ),
            self._ticked,
            self._error,
        )

    def _ticked(self, result: TickResult) -> None:
        if self.current is not None:  # what F6, F9 and the header read next
            self.current = dataclasses.replace(
                self.current,
                lines=tuple(result.line if ln.id == result.line.id else ln for ln in self.current.lines),
                boxes=tuple(result.box if b.number == result.box.number else b for b in self.current.boxes),
            )
        # the version is left as it was: the queue timer's next read sees this tick and any made
        # elsewhere since, and reloads once (a version read in every tick would slow it down)
        self._last_ticked = result.line.id
        row = self.model.update_line(result.line)
        self.table.scrollTo(self.model.index(row, 0))
        self._show_box(result.box)
        if self.current is not None:
            self._show_progress(self.current.done_units, self.current.units)
        self.confirm(
            self.tr("✓ {code} {name} → box {box}").format(
                code=result.line.item_code, name=result.line.name, box=result.box.number
            )
        )
        self.tick_shown.emit(row)

    # feedback ------------------------------------------------------------------------------------
    def refuse(self, text: str) -> None:
        """Full-width red banner and the error buzz: the packer must notice."""
        self.banner.setText(text)
        set_tone(self.banner, "refused")
        self.banner.show()
        self._banner_timer.stop()
        self.message.setText(text)
        self.host.sounds.play("error")

    def confirm(self, text: str, tone: str = "ok") -> None:
        """A success: it replaces any older refusal, on the banner and in the message strip."""
        self.flash(text, tone)
        self.message.setText(text)

    def flash(self, text: str, tone: str = "ok") -> None:
        """A short flash on the banner: green for a tick, grey for a cross-out."""
        self.banner.setText(text)
        set_tone(self.banner, tone)
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
        """The chosen line, else the last ticked; said when there is neither."""
        line = self.model.current(self.table)
        if line is None and self.current is not None:
            self.refuse(self.tr("Choose a line with the arrow keys first."))
        return line

    def move_selection(self, step: int) -> None:
        rows = self.table.selectionModel().selectedRows()
        start = rows[0].row() if rows else self.model.highlight
        count = self.model.rowCount()
        if not count:
            return
        row = (0 if step > 0 else count - 1) if start is None else min(max(start + step, 0), count - 1)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _run(self, call, done=None) -> None:  # noqa: ANN001
        """A read (or an act with no command id of its own) on the worker."""
        self.host.worker.submit(call, done or self.show_view, self._error)

    def _act(self, call, done=None, refused=None) -> None:  # noqa: ANN001
        """One committing act: call(command_id) on the worker, its command id made once and kept on
        every retry after the database did not answer, so it is stored once."""
        self.host.worker.act(call, done or self.show_view, refused or self._error)
