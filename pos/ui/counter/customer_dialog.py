"""F2: find the customer as you type (phone, number, name, pinyin), create the record, or correct
it (Ctrl+E): name, phone, the address that prints on box labels, type. A franchise customer's
contract (dates and return ratio) is locked until a manager approves with login code and PIN;
the record and the contract are then saved in one act."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.customers import customer_problems
from pos.domain.errors import AuthError, Conflict, PermissionDenied
from pos.domain.money import Money
from pos.services import customers
from pos.services.customers import Contract, CustomerInfo
from pos.services.staff import Approval
from pos.ui.approval import ApprovalDialog
from pos.ui.host import Host
from pos.ui.i18n import error_text


class CustomerDialog(QDialog):
    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.chosen: CustomerInfo | None = None
        self.edited: CustomerInfo | None = None  # the last record corrected here (the page refreshes it)
        self.editing: CustomerInfo | None = None  # the record in the form, None when creating one
        self.approval: tuple[str, str] | None = None  # manager login code and PIN for the contract
        self.results: list[CustomerInfo] = []
        self.setWindowTitle(self.tr("Customer"))
        self.resize(720, 560)  # fits a 1024×768 counter screen
        self._query_serial = 0

        # find
        self.search = QLineEdit(objectName="customer_search")
        self.search.setPlaceholderText(self.tr("Phone, name, pinyin (zs, zhang) or customer number"))
        self.search.setMaxLength(40)
        self.list = QListWidget(objectName="customer_results")
        self.new_button = QPushButton(self.tr("New customer (Ctrl+N)"))
        self.new_button.setShortcut("Ctrl+N")
        self.edit_button = QPushButton(self.tr("Edit customer (Ctrl+E)"), objectName="edit_customer")
        self.edit_button.setShortcut("Ctrl+E")
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        find = QWidget()
        find_layout = QVBoxLayout(find)
        find_layout.addWidget(self.search)
        find_layout.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        find_layout.addLayout(buttons)

        # create
        self.name = QLineEdit(objectName="new_name")
        self.phone = QLineEdit(objectName="new_phone")
        self.address = QLineEdit(objectName="new_address")
        self.kind = QComboBox(objectName="new_type")
        self.kind.addItem(self.tr("Wholesale"), "wholesale")
        self.kind.addItem(self.tr("Franchise"), "franchise")
        self.save_button = QPushButton(self.tr("Save customer"), objectName="primary")
        self.back_button = QPushButton(self.tr("Back to search"))
        create = QWidget()
        form = QFormLayout(create)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Type"), self.kind)
        # the franchise contract: shown when correcting a record, changed only with a manager
        self.has_contract = QCheckBox(self.tr("Contract on file"), objectName="contract_on_file")
        self.contract_start = QDateEdit(objectName="contract_start", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.contract_end = QDateEdit(objectName="contract_end", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.ratio = QSpinBox(objectName="contract_ratio", minimum=0, maximum=1000, suffix=" ‰")
        self.unlock_button = QPushButton(self.tr("Change contract (manager)… Ctrl+M"), objectName="unlock_contract")
        self.unlock_button.setShortcut("Ctrl+M")
        self.contract_rows = (self.has_contract, self.contract_start, self.contract_end, self.ratio)
        dates = QHBoxLayout()
        dates.addWidget(self.contract_start)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.contract_end)
        self.contract_box = QWidget()
        contract_form = QFormLayout(self.contract_box)
        contract_form.setContentsMargins(0, 0, 0, 0)
        contract_form.addRow(self.has_contract, self.unlock_button)
        contract_form.addRow(self.tr("Contract period"), dates)
        contract_form.addRow(self.tr("Return ratio"), self.ratio)
        form.addRow(self.contract_box)
        self.contract_box.hide()
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.save_button)
        form.addRow(row)

        self.pages = QStackedWidget()
        self.pages.addWidget(find)
        self.pages.addWidget(create)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)

        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._choose_first)
        self.list.itemActivated.connect(self._choose_item)
        self.new_button.clicked.connect(self.show_create)
        self.edit_button.clicked.connect(self.show_edit)
        self.unlock_button.clicked.connect(self.unlock_contract)
        self.has_contract.toggled.connect(lambda _on: self._enable_contract())
        self.back_button.clicked.connect(self._back)
        self.save_button.clicked.connect(self._save_clicked)
        # Enter in the form saves it (or points at what is missing); no button is the dialog's
        # default, so the same Enter never also presses "New customer" or "Back"
        for button in (self.new_button, self.edit_button, self.save_button, self.back_button, self.unlock_button):
            button.setAutoDefault(False)
        for field in (self.name, self.phone, self.address):
            field.returnPressed.connect(self._save_from_form)
        self.search.installEventFilter(self)
        self.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.search and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride:
                # On X11 a line edit claims Ctrl+E (end of line) and Ctrl+N for itself: the
                # dialog's own keys, written on its buttons, must win while the cursor is here
                pressed = QKeySequence(event.keyCombination())
                return any(
                    button.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                    for button in (self.new_button, self.edit_button)
                )
            if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                # the arrows pick among the customers found while typing goes on in the field
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                if self.list.count():
                    row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                    self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    # find ----------------------------------------------------------------------------------------
    def _run_search(self) -> None:
        self._query_serial += 1
        serial, text, db = self._query_serial, self.search.text(), self.window_.db
        self.window_.worker.lookup(
            "customers", lambda: customers.search(db, text), lambda found: self._show(serial, found), self._error
        )

    def _show(self, serial: int, found: list[CustomerInfo]) -> None:
        if serial != self._query_serial:
            return  # a newer search is on its way
        self.results = found
        self.list.clear()
        kinds = {"wholesale": self.tr("Wholesale"), "franchise": self.tr("Franchise")}
        for customer in found:
            text = (
                f"{customer.name}    {customer.phone}    {customer.number}    {kinds.get(customer.customer_type, '')}"
            )
            if customer.balance_fen > 0:
                text += "    " + self.tr("owes {amount}").format(amount=Money(customer.balance_fen).format())
            elif customer.balance_fen < 0:
                text += "    " + self.tr("credit {amount}").format(amount=Money(-customer.balance_fen).format())
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, customer.number)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
            self.message.clear()
        elif self.search.text().strip():
            self.message.setText(self.tr("No customer found. Create one with Ctrl+N."))

    def _choose_first(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._run_search()
            return
        item = self.list.currentItem()
        if item is not None:
            self._choose_item(item)

    def _choose_item(self, item: QListWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        self.chosen = next(c for c in self.results if c.number == number)
        self.accept()

    # create --------------------------------------------------------------------------------------
    def show_create(self) -> None:
        self._form_for(None)
        text = self.search.text().strip()
        digits = text.replace(" ", "").replace("-", "")
        if digits.isdigit():
            self.phone.setText(text)
        elif text and not text.isascii():
            self.name.setText(text)
        self.pages.setCurrentIndex(1)
        self.message.clear()
        self.name.setFocus()

    # correct -----------------------------------------------------------------------------------------
    def show_edit(self) -> None:
        """The selected record in the form, to correct; the contract locked until a manager approves."""
        item = self.list.currentItem()
        if item is None:
            self.message.setText(self.tr("Find the customer first, then Ctrl+E to correct the record."))
            return
        number = item.data(Qt.ItemDataRole.UserRole)
        customer = next(c for c in self.results if c.number == number)
        self._form_for(customer)
        self.name.setText(customer.name)
        self.phone.setText(customer.phone)
        self.address.setText(customer.address)
        self.kind.setCurrentIndex(max(0, self.kind.findData(customer.customer_type)))
        self.has_contract.setChecked(customer.contract_start is not None)
        today = QDate.currentDate()
        self.contract_start.setDate(_qdate(customer.contract_start) or today)
        self.contract_end.setDate(_qdate(customer.contract_end) or today.addYears(1).addDays(-1))
        self.ratio.setValue(customer.return_ratio_permille)
        self.pages.setCurrentIndex(1)
        self.message.clear()
        self.name.setFocus()

    def _form_for(self, customer: CustomerInfo | None) -> None:
        self.editing, self.approval = customer, None
        self.save_button.clicked.disconnect()  # a "save anyway" from an earlier form does not carry over
        self.save_button.clicked.connect(self._save_clicked)
        self.save_button.setEnabled(True)
        self.contract_box.setVisible(customer is not None)
        self.save_button.setText(self.tr("Save changes") if customer is not None else self.tr("Save customer"))
        if customer is None:
            for field in (self.name, self.phone, self.address):
                field.clear()
            self.kind.setCurrentIndex(0)
        self._enable_contract()

    def _enable_contract(self) -> None:
        unlocked = self.approval is not None
        self.has_contract.setEnabled(unlocked)
        self.ratio.setEnabled(unlocked)
        for field in (self.contract_start, self.contract_end):
            field.setEnabled(unlocked and self.has_contract.isChecked())
        self.unlock_button.setEnabled(not unlocked)

    def unlock_contract(self) -> None:
        dialog = ApprovalDialog(
            self.tr("Manager approval"),
            self.tr("The franchise contract (period and return ratio) is changed by a manager."),
            parent=self,
        )
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        login, pin, _reason = dialog.values()
        self.approval = (login, pin)  # checked when saving, in the same act as the record
        self._enable_contract()
        self.ratio.setFocus()

    def run_dialog(self, dialog: QDialog) -> int:
        """Modal dialogs go through here so tests can drive them."""
        return dialog.exec()

    def _back(self) -> None:
        self._form_for(None)
        self.pages.setCurrentIndex(0)
        self.search.setFocus()

    def _save_clicked(self) -> None:
        self.save()

    def _save_from_form(self) -> None:
        if self.save_button.isEnabled():
            self.save_button.click()  # the same act as the button, duplicate-phone confirmation included

    def save(self, allow_duplicate_phone: bool = False) -> None:
        """Send a complete form; an incomplete one is not sent: the first field at fault gets the
        focus and the message line says why."""
        db, actor = self.window_.db, self.window_.staff
        values = dict(
            name=self.name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            customer_type=self.kind.currentData(),
        )
        problems = customer_problems(**values)
        if problems:
            fields = {"name": self.name, "phone": self.phone, "address": self.address, "customer_type": self.kind}
            field, problem = next(iter(problems.items()))
            self.message.setText(error_text(problem))
            fields[field].setFocus()
            return
        self.save_button.setEnabled(False)
        if self.editing is not None:
            self._save_edit(values, allow_duplicate_phone)
            return
        self.window_.worker.act(
            lambda command: customers.create_customer(
                db, actor, allow_duplicate_phone=allow_duplicate_phone, command_id=command, **values
            ),
            self._created,
            self._create_failed,
        )

    def _save_edit(self, values: dict[str, str], allow_duplicate_phone: bool) -> None:
        db, actor, number, approval = self.window_.db, self.window_.staff, self.editing.number, self.approval
        contract = None
        if approval is not None:
            on_file = self.has_contract.isChecked()
            contract = Contract(
                self.contract_start.date().toPython() if on_file else None,
                self.contract_end.date().toPython() if on_file else None,
                self.ratio.value(),
            )

        def call(command: str) -> CustomerInfo:
            return customers.update_customer(
                db,
                actor,
                number,
                allow_duplicate_phone=allow_duplicate_phone,
                contract=contract,
                approval=Approval(*approval) if approval is not None else None,
                command_id=command,
                **values,
            )

        self.window_.worker.act(call, self._edited, self._create_failed)

    def _edited(self, customer: CustomerInfo) -> None:
        """Saved: back to the search, showing the corrected record, so Enter takes it."""
        self.edited = customer
        self.save_button.setEnabled(True)
        self._back()
        self.results = [customer]
        self._show(self._query_serial, [customer])
        self.message.setText(self.tr("Saved: {name}.").format(name=customer.name))

    def _created(self, customer: CustomerInfo) -> None:
        self.chosen = customer
        self.accept()

    def _create_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(error_text(error))
        if isinstance(error, Conflict) and "phone" in error.details:
            # flagged, not forbidden: the cashier may confirm it is a different customer
            self.save_button.setText(self.tr("Save anyway (same phone)"))
            self.save_button.clicked.disconnect()
            self.save_button.clicked.connect(lambda: self.save(allow_duplicate_phone=True))
        elif self.approval is not None and isinstance(error, (AuthError, PermissionDenied)):
            self.approval = None  # a wrong PIN, or not a manager: ask again rather than resend it
            self._enable_contract()

    def _error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))


def _qdate(value) -> QDate | None:  # noqa: ANN001 - datetime.date or None
    return QDate(value.year, value.month, value.day) if value is not None else None
