"""Calls to make (通知客户): each open task with the words to read out; a call recorded as reached
closes it, no answer keeps it for a later try. Every call is kept with who made it and when."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.domain.times import local_text
from pos.services import call_tasks
from pos.services.call_tasks import Outcome, TaskInfo
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.shipping.tables import fill, table


class CallsPanel(QWidget):
    count_changed = Signal(int)  # open tasks, for the tab's title
    recorded = Signal(str)  # what was recorded, for the screen's message line

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.tasks: list[TaskInfo] = []
        self.command_id: str | None = None
        self.table = table(
            "shipping_calls",
            [self.tr("Order"), self.tr("Customer"), self.tr("Phone"), self.tr("Tries"), self.tr("Since")],
            1,
        )
        self.script = QLabel("", objectName="call_script")
        self.script.setWordWrap(True)
        self.script.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy into a message
        self.history = QLabel("", objectName="call_history")
        self.history.setWordWrap(True)
        self.note = QLineEdit(objectName="call_note")
        self.note.setPlaceholderText(self.tr("Note (optional): what the customer said"))
        self.reached = QPushButton(self.tr("Reached (Ctrl+R)"), objectName="call_reached")
        self.no_answer = QPushButton(self.tr("No answer (Ctrl+U)"), objectName="call_no_answer")
        for button in (self.reached, self.no_answer):
            button.setAutoDefault(False)
        self.reached.clicked.connect(lambda: self.record(Outcome.REACHED))
        self.no_answer.clicked.connect(lambda: self.record(Outcome.NO_ANSWER))
        QShortcut(QKeySequence("Ctrl+R"), self, activated=lambda: self.record(Outcome.REACHED))
        QShortcut(QKeySequence("Ctrl+U"), self, activated=lambda: self.record(Outcome.NO_ANSWER))
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.no_answer)
        buttons.addWidget(self.reached)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        self.read_out = QLabel(self.tr("Read to the customer:"))
        layout.addWidget(self.read_out)
        layout.addWidget(self.script)
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self._show_selected()

    def refresh(self) -> None:
        db = self.host.db
        self.host.worker.submit(lambda: call_tasks.open_tasks(db), self._show, self._error)

    def _show(self, tasks: list[TaskInfo]) -> None:
        if tasks == self.tasks and self.table.rowCount() == len(tasks):
            return
        self.tasks = tasks
        fill(
            self.table,
            [
                [t.order_number, t.customer_name, t.phone, str(len(t.calls)), local_text(t.created_at, "%m-%d %H:%M")]
                for t in tasks
            ],
        )
        self._show_selected()
        self.count_changed.emit(len(tasks))

    def selected(self) -> TaskInfo | None:
        row = self.table.currentRow()
        return self.tasks[row] if 0 <= row < len(self.tasks) else None

    def _show_selected(self) -> None:
        task = self.selected()
        self.reached.setEnabled(task is not None)
        self.no_answer.setEnabled(task is not None)
        self.read_out.setVisible(task is not None)
        if task is None:
            self.script.setText(self.tr("No calls to make."))
            self.history.clear()
            return
        self.script.setText(task.script)
        self.history.setText(
            "\n".join(
                self.tr("{at} {staff}: no answer").format(at=local_text(c.at, "%m-%d %H:%M"), staff=c.staff)
                + (f" ({c.note})" if c.note else "")
                for c in task.calls
            )
        )

    def record(self, outcome: Outcome) -> None:
        task = self.selected()
        if task is None or not self.reached.isEnabled():
            return
        host, note, staff = self.host, self.note.text(), self.host.staff
        self.reached.setEnabled(False)
        self.no_answer.setEnabled(False)

        def act(command_id: str) -> TaskInfo:
            return call_tasks.record_call(host.db, staff, task.id, outcome, note, command_id=command_id)

        self.command_id = host.worker.act(act, self._recorded, self._failed, command_id=self.command_id)

    def _recorded(self, task: TaskInfo) -> None:
        if task.open:
            text = self.tr("{customer} did not answer: the call about {number} stays listed; try again later.")
        else:
            text = self.tr("{customer} reached: the call about {number} is done.")
        self.recorded.emit(text.format(customer=task.customer_name, number=task.order_number))
        self.command_id = None
        self.note.clear()
        self.host.sounds.play("done")
        self.tasks = []  # shown afresh: the tries count changed, or the task is gone
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.command_id = None
        self._show_selected()
        self._error(error)
        self.host.sounds.play("error")

    def _error(self, error: BaseException) -> None:
        self.history.setText(error_text(error))
