"""The print queue (F10): what waits, what failed and why; retry, send elsewhere, cancel, reprint."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.domain import print_jobs
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.roles import Role
from pos.printing.escpos_decode import decode
from pos.services import printing
from pos.services.printing import JobInfo, PrintContext
from pos.services.staff import Approval
from pos.ui.approval import ApprovalDialog
from pos.ui.host import Host
from pos.ui.i18n import error_text, translated
from pos.ui.preview import PreviewDialog


def describe_job(job: JobInfo) -> str:
    """'销售单 S20261127-0004 第2联': what a print job is, in words (the print queue and the preview)."""
    kinds = {
        "sales-slip": QCoreApplication.translate("PrintQueueDialog", "Sales slip"),
        "receipt": QCoreApplication.translate("PrintQueueDialog", "Receipt"),
        "refund": QCoreApplication.translate("PrintQueueDialog", "Refund receipt"),
        "return-slip": QCoreApplication.translate("PrintQueueDialog", "Return slip"),
        "box-label": QCoreApplication.translate("PrintQueueDialog", "Box label"),
        "shipping-voucher": QCoreApplication.translate("PrintQueueDialog", "Shipping voucher"),
        "payment-notice": QCoreApplication.translate("PrintQueueDialog", "Payment notice"),
        "test": QCoreApplication.translate("PrintQueueDialog", "Test page"),
    }
    text = f"{kinds.get(job.kind, job.kind)} {job.document}"
    if job.copy:
        text += " " + QCoreApplication.translate("PrintQueueDialog", "copy {n}").format(n=job.copy)
    if job.box_number:
        text += " " + QCoreApplication.translate("PrintQueueDialog", "box {n}").format(n=job.box_number)
    if job.reprint:
        text += " " + QCoreApplication.translate("PrintQueueDialog", "(reprint {n})").format(n=job.reprint)
    return text


class PrintQueueDialog(QDialog):
    # emitted by the dialog after it changed a job, so the window wakes the spooler
    jobs_changed = Signal()

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.setWindowTitle(self.tr("Print queue"))
        self.resize(1000, 520)
        self.jobs: list[JobInfo] = []
        self.table = QTableWidget(0, 7, objectName="jobs")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Job"),
                self.tr("Document"),
                self.tr("Printer"),
                self.tr("Status"),
                self.tr("Attempts"),
                self.tr("Queued"),
                self.tr("Problem"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.show_all = QCheckBox(self.tr("Show printed and cancelled jobs too"))
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.redirect_button = QPushButton(self.tr("Send to another printer…"))
        self.cancel_button = QPushButton(self.tr("Cancel job (manager)…"))
        self.reprint_button = QPushButton(self.tr("Reprint (manager)…"))
        self.view_button = QPushButton(self.tr("Show content"))
        self.close_button = QPushButton(self.tr("Close"))
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        self.content = QPlainTextEdit(readOnly=True)
        self.content.setMaximumHeight(160)
        self.content.hide()

        buttons = QHBoxLayout()
        for button in (
            self.retry_button,
            self.redirect_button,
            self.cancel_button,
            self.reprint_button,
            self.view_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_all)
        layout.addWidget(self.table)
        layout.addWidget(self.content)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.show_all.toggled.connect(self.refresh)
        self.retry_button.clicked.connect(self.retry)
        self.redirect_button.clicked.connect(self.redirect)
        self.cancel_button.clicked.connect(self.cancel)
        self.reprint_button.clicked.connect(self.reprint)
        self.view_button.clicked.connect(self.show_content)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.refresh()

    # data ----------------------------------------------------------------------------------------
    @property
    def context(self) -> PrintContext:
        return self.window_.print_context()

    def refresh(self) -> None:
        db, station, everything = self.window_.db, self.window_.settings.station_name, self.show_all.isChecked()
        self.window_.worker.submit(
            lambda: printing.list_jobs(db, station=station, open_only=not everything), self._show, self._error
        )

    def _show(self, jobs: list[JobInfo]) -> None:
        selected = self.selected()
        self.jobs = jobs
        self.table.setRowCount(len(jobs))
        status_names = {
            PrintJobStatus.PENDING: self.tr("waiting"),
            PrintJobStatus.SENDING: self.tr("sending"),
            PrintJobStatus.FAILED: self.tr("held: check the paper"),
            PrintJobStatus.DONE: self.tr("printed"),
            PrintJobStatus.SENT: self.tr("sent, unconfirmed"),
            PrintJobStatus.CANCELLED: self.tr("cancelled"),
        }
        for row, job in enumerate(jobs):
            values = [
                f"{job.id} ({job.job_ref})",
                self.describe(job),
                job.printer_uri,
                status_names.get(job.status, job.status),
                str(job.attempts),
                job.created_at.strftime("%H:%M:%S"),
                translated(job.error_template, job.error_details),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if job.status == PrintJobStatus.FAILED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
            if selected and job.id == selected.id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def describe(self, job: JobInfo) -> str:
        return describe_job(job)

    def selected(self) -> JobInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.jobs):
            return None
        return self.jobs[rows[0].row()]

    def _update_buttons(self) -> None:
        job = self.selected()
        open_job = job is not None and job.status in print_jobs.sources("cancel")  # and retry, redirect
        for button in (self.retry_button, self.redirect_button, self.cancel_button):
            button.setEnabled(open_job)
        self.view_button.setEnabled(job is not None)
        # a stored document, once it has left the queue: a waiting job is not reprinted, it prints
        self.reprint_button.setEnabled(
            job is not None and job.kind in printing.KINDS and job.status not in print_jobs.IN_LINE
        )

    # actions -------------------------------------------------------------------------------------
    def _done(self, _result: object = None) -> None:
        self.message.clear()
        self.jobs_changed.emit()
        self.refresh()

    def _error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def retry(self) -> None:
        job, db, actor = self.selected(), self.window_.db, self.window_.staff
        if job:
            self.window_.worker.act(
                lambda command: printing.retry_job(db, actor, job.id, command_id=command), self._done, self._error
            )

    def redirect(self) -> None:
        job = self.selected()
        if not job:
            return
        uri, ok = QInputDialog.getText(
            self, self.tr("Send to another printer"), self.tr("Printer address (URI)"), text=job.printer_uri
        )
        if not ok:
            return
        db, actor, context = self.window_.db, self.window_.staff, self.context
        self.window_.worker.act(
            lambda command: printing.redirect_job(db, actor, context, job.id, uri, command_id=command),
            self._done,
            self._error,
        )

    def cancel(self) -> None:
        job = self.selected()
        if not job:
            return
        dialog = ApprovalDialog(
            self.tr("Cancel print job"),
            self.tr("Job {job} will not be printed. A manager approves, with a reason.").format(job=self.describe(job)),
            ask_reason=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        login, pin, reason = dialog.values()
        db, actor, approval = self.window_.db, self.window_.staff, Approval(login, pin)
        self.window_.worker.act(
            lambda command: printing.cancel_job(db, actor, approval, job.id, reason, command_id=command),
            self._done,
            self._error,
        )

    def reprint(self) -> None:
        job = self.selected()
        if not job:
            return
        db, actor, context = self.window_.db, self.window_.staff, self.context
        approval = None
        if actor is None or Role.MANAGER not in actor.roles:
            dialog = ApprovalDialog(
                self.tr("Reprint"),
                self.tr("{job} prints again, marked as a reprint. A manager approves.").format(job=self.describe(job)),
                parent=self,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            login, pin, _reason = dialog.values()
            approval = Approval(login, pin)
        self.window_.worker.act(
            lambda command: printing.reprint_job(db, actor, context, job.id, approval=approval, command_id=command),
            self._done,
            self._error,
        )

    def show_content(self) -> None:
        job = self.selected()
        if not job:
            return
        db = self.window_.db
        self.window_.worker.submit(lambda: printing.job_payload(db, job.id), self._show_content, self._error)

    def _show_content(self, payload: bytes) -> None:
        job = self.selected()
        if payload.startswith(b"%PDF"):
            dialog = PreviewDialog(payload, self.describe(job) if job else "", self)
            dialog.show()
            self.preview = dialog
            return
        self.content.setPlainText(decode(payload).text)
        self.content.show()
