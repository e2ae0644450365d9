"""Returns (F11): every return slip with what it still lacks; new returns of past orders,
signatures, setting aside, printing; the call-out when cash is handed back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.domain import return_slips
from pos.domain.money import Money
from pos.domain.return_slips import ReturnSlipStatus
from pos.domain.slip_numbers import order_number
from pos.services import counter, printing, returns
from pos.services.returns import LineRequest, ReturnInfo, SlipSummary
from pos.services.staff import Approval
from pos.ui.approval import ApprovalDialog
from pos.ui.counter.callout_banner import CallOutBanner
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.returns.new_return import NewReturnDialog, Override
from pos.ui.returns.order_prompt import ReturnOrderDialog
from pos.ui.returns.signature import ReturnSignatureDialog


def role_names(_widget: QWidget | None = None) -> dict[str, str]:
    return {
        "handler": QCoreApplication.translate("Returns", "handler"),
        "customer": QCoreApplication.translate("Returns", "customer"),
        "manager": QCoreApplication.translate("Returns", "manager"),
    }


LIVE_REFRESH_MS = 3000


class ReturnsDialog(QDialog):
    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.slips: list[SlipSummary] = []
        self.setWindowTitle(self.tr("Returns"))
        self.resize(1000, 560)
        self.status = QComboBox(objectName="returns_status")
        for value, label in (
            (ReturnSlipStatus.AWAITING_SIGNATURES, self.tr("Awaiting signatures")),
            ("", self.tr("All")),
            (ReturnSlipStatus.COMPLETE, self.tr("Complete")),
            (ReturnSlipStatus.VOID, self.tr("Set aside")),
        ):
            self.status.addItem(label, value)
        self.today = QCheckBox(self.tr("Today"))
        self.customer = QLineEdit(objectName="returns_customer")
        self.customer.setPlaceholderText(self.tr("Customer name or number"))
        self.table = QTableWidget(0, 6, objectName="returns_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Return slip"),
                self.tr("Order"),
                self.tr("Customer"),
                self.tr("Status"),
                self.tr("Refund"),
                self.tr("Missing signatures"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("New return…"))
        self.sign_button = QPushButton(self.tr("Sign…"))
        self.print_button = QPushButton(self.tr("Print"))
        self.void_button = QPushButton(self.tr("Set aside (manager)…"))
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        self.callout = CallOutBanner(self)  # 退您 ¥…, for the customer to see
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.today)
        filters.addWidget(self.customer, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.sign_button, self.print_button, self.void_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.callout)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.status.currentIndexChanged.connect(self.refresh)
        self.today.toggled.connect(self.refresh)
        # typing a name: one query when the typing pauses, not one per key
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.customer.textChanged.connect(lambda _text: self._debounce.start())
        self.new_button.clicked.connect(self.new_return)
        self.sign_button.clicked.connect(self.sign_next)
        self.print_button.clicked.connect(self.print_selected)
        self.void_button.clicked.connect(self.void_selected)
        # a slip signed or set aside at another station shows here without a click
        self._live = QTimer(self, interval=LIVE_REFRESH_MS)
        self._live.timeout.connect(self._refresh_quietly)
        self._live.start()
        self.refresh()

    # list ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        db, status, today, text = (
            self.window_.db,
            self.status.currentData(),
            self.today.isChecked(),
            self.customer.text(),
        )
        self.window_.worker.submit(
            lambda: returns.list_slips(db, status=status, today_only=today, customer=text), self._show, self._error
        )

    def _refresh_quietly(self) -> None:
        if QApplication.activeModalWidget() in (self, None) and self.window_.worker.pending <= 2:
            self.refresh()

    def _show(self, slips: list[SlipSummary]) -> None:
        if slips == self.slips and self.table.rowCount() == len(slips):
            return  # nothing changed: the person's place in the list stays as it is
        chosen = self.selected()
        self.slips = slips
        names = role_names(self)
        states = {
            ReturnSlipStatus.AWAITING_SIGNATURES: self.tr("Awaiting signatures"),
            ReturnSlipStatus.COMPLETE: self.tr("Complete"),
            ReturnSlipStatus.VOID: self.tr("Set aside"),
            ReturnSlipStatus.DRAFT: self.tr("Draft"),
        }
        self.table.setRowCount(len(slips))
        for row, slip in enumerate(slips):
            missing = "、".join(names[m] for m in slip.missing) if slip.status in return_slips.OPEN else ""
            values = [
                slip.number,
                slip.order_number,
                slip.customer_name,
                states.get(slip.status, slip.status),
                Money(slip.total_fen).format(),
                missing,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if missing:
                    item.setBackground(Qt.GlobalColor.yellow)  # amber: waiting for a signature
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        numbers = [slip.number for slip in slips]
        if slips:  # a slip chosen for the keys: the one chosen before, else the first
            self.table.selectRow(numbers.index(chosen.number) if chosen and chosen.number in numbers else 0)

    def selected(self) -> SlipSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.slips[rows[0].row()] if rows and rows[0].row() < len(self.slips) else None

    def run_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def _error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def _done(self, result=None) -> None:  # noqa: ANN001 - whatever the act returned
        self.message.clear()
        self.window_.wake_spooler()
        if isinstance(result, ReturnInfo) and result.callout is not None:
            self._call_out(result)
        self.refresh()

    def _call_out(self, slip: ReturnInfo) -> None:
        """Cash goes back: on screen, on the customer display, aloud; the refund receipt and the
        drawer pulse are queued with the signature that completed the slip."""
        callout, host = slip.callout, self.window_
        assert callout is not None
        english = host.settings.language == "en"
        text = callout.screen_english() if english else callout.screen()
        self.callout.show_text(text)
        host.sounds.play("done")
        if host.settings.speech:
            host.speaker.say(callout.spoken_english() if english else callout.spoken(), "en" if english else "zh")
        host.customer_display_callout(text)

    # actions -------------------------------------------------------------------------------------
    def new_return(self) -> None:
        self.callout.hide()
        prompt = ReturnOrderDialog(self, refused_sound=lambda: self.window_.sounds.play("error"))
        if self.run_dialog(prompt) != QDialog.DialogCode.Accepted:
            return
        db, query = self.window_.db, prompt.query
        number = order_number(query)
        if number is not None:
            self._load_order(number)
        else:  # a customer: choose among their orders
            self.window_.worker.submit(lambda: returns.past_orders(db, query), self._choose_order, self._error)

    def _choose_order(self, found) -> None:  # noqa: ANN001 - list[PastOrder]
        if not found:
            self.message.setText(self.tr("No orders found for that customer."))
            return
        labels = [f"{o.number}  {o.customer_name}  {o.created_at}" for o in found]
        choice, ok = QInputDialog.getItem(self, self.tr("New return"), self.tr("Which order?"), labels, 0, False)
        if ok:
            self._load_order(found[labels.index(choice)].number)

    def _load_order(self, number: str) -> None:
        db = self.window_.db

        def load():  # noqa: ANN202
            view = counter.order_view(db, number)
            usage = returns.allowance(db, view.customer.number) if view.customer.customer_type == "franchise" else None
            return view, usage

        self.window_.worker.submit(load, lambda pair: self._ask_lines(*pair), self._error)

    def _ask_lines(self, view, usage=None) -> None:  # noqa: ANN001 - OrderView, Allowance
        def submit(
            requests: list[LineRequest],
            refund: str,
            override: Override | None,
            done: Callable[[ReturnInfo], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            self._create(view.number, requests, refund, override, done, failed)

        dialog = NewReturnDialog(view, submit, self)
        if usage is not None and not usage.has_contract:
            dialog.allowance.setText(self.tr("No franchise contract on file: no return allowance (defects aside)."))
        elif usage is not None:
            dialog.allowance.setText(
                self.tr("Franchise return allowance: {allowance}, used {used}, {remaining} left.").format(
                    allowance=usage.allowance.format(), used=usage.used.format(), remaining=usage.remaining.format()
                )
            )
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._done()

    def _create(
        self,
        number: str,
        requests: list[LineRequest],
        refund: str,
        override: Override | None,
        done: Callable[[ReturnInfo], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        db, handler, context = self.window_.db, self.window_.staff, self.window_.print_context()
        uri = self.window_.settings.printer_uri

        # the manager's PIN is checked with the return it approves, in one transaction
        approval = Approval(override[0], override[1]) if override is not None else None
        self.window_.worker.act(
            lambda command: returns.create_return(
                db,
                handler,
                number,
                requests,
                refund_method=refund,
                override_by=approval,
                override_reason=override[2] if override else "",
                context=context,
                printer_uri=uri,
                command_id=command,
            ),
            done,
            failed,
        )

    def sign_next(self) -> None:
        slip = self.selected()
        if slip is None or not slip.missing or slip.status not in return_slips.OPEN:
            return
        self.callout.hide()
        role, db, actor = slip.missing[0], self.window_.db, self.window_.staff
        station, context, uri = (
            self.window_.settings.station_name,
            self.window_.print_context(),
            self.window_.settings.printer_uri,
        )
        if role == "customer":  # the customer sees what comes back and the refund before signing
            self.window_.worker.submit(lambda: returns.get(db, slip.number), self._customer_signs, self._error)
            return
        label = self.tr("Handler login code") if role == "handler" else self.tr("Manager login code")
        dialog = ApprovalDialog(
            self.tr("Sign return slip {number}").format(number=slip.number),
            self.tr("Signing as {role}.").format(role=role_names(self)[role]),
            parent=self,
            login_label=label,
        )
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        login, pin, _ = dialog.values()
        signer = Approval(login, pin)  # checked with the signature, in one transaction
        self.window_.worker.act(
            lambda command: returns.sign(
                db,
                actor,
                slip.number,
                role,
                signer=signer,
                station=station,
                context=context,
                printer_uri=uri,
                command_id=command,
            ),
            self._done,
            self._error,
        )

    def _customer_signs(self, slip: ReturnInfo) -> None:
        dialog = ReturnSignatureDialog(slip, self)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        db, actor, settings = self.window_.db, self.window_.staff, self.window_.settings
        context, png = self.window_.print_context(), None if dialog.on_paper else dialog.pad.to_png()
        self.window_.worker.act(
            lambda command: returns.sign(
                db,
                actor,
                slip.number,
                "customer",
                method="paper" if png is None else "pad",
                image_png=png,
                station=settings.station_name,
                context=context,
                printer_uri=settings.printer_uri,
                command_id=command,
            ),
            self._done,
            self._error,
        )

    def print_selected(self) -> None:
        slip = self.selected()
        if slip is None:
            return
        db, actor, context, uri = (
            self.window_.db,
            self.window_.staff,
            self.window_.print_context(),
            self.window_.settings.printer_uri,
        )
        self.window_.worker.submit(
            lambda: printing.print_document(
                db, actor, context, kind="return-slip", number=slip.number, printer_uri=uri
            ),
            self._done,
            self._error,
        )

    def void_selected(self) -> None:
        slip = self.selected()
        if slip is None:
            return
        dialog = ApprovalDialog(
            self.tr("Set aside"),
            self.tr("Return slip {number} will never take effect.").format(number=slip.number),
            ask_reason=True,
            parent=self,
        )
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        login, pin, reason = dialog.values()
        db, actor, manager = self.window_.db, self.window_.staff, Approval(login, pin)
        self.window_.worker.act(
            lambda command: returns.void(db, actor, manager, slip.number, reason, command_id=command),
            self._done,
            self._error,
        )
