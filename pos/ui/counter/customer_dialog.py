"""F2: find the customer as you type (phone, number, name, pinyin), or create the record."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from pos.domain.customers import customer_problems
from pos.domain.errors import Conflict
from pos.domain.money import Money
from pos.services import customers
from pos.services.customers import CustomerInfo
from pos.ui.i18n import error_text


class CustomerDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(parent)
        self.window_ = window
        self.chosen: CustomerInfo | None = None
        self.results: list[CustomerInfo] = []
        self.setWindowTitle(self.tr("Customer"))
        self.resize(720, 560)
        self._query_serial = 0

        # find
        self.search = QLineEdit(objectName="customer_search")
        self.search.setPlaceholderText(self.tr("Phone, name, pinyin (zs, zhang) or customer number"))
        self.search.setMaxLength(40)
        self.list = QListWidget(objectName="customer_results")
        self.new_button = QPushButton(self.tr("New customer (Ctrl+N)"))
        self.new_button.setShortcut("Ctrl+N")
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        find = QWidget()
        find_layout = QVBoxLayout(find)
        find_layout.addWidget(self.search)
        find_layout.addWidget(self.list)
        find_layout.addWidget(self.new_button)

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
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.save_button.clicked.connect(self.save)
        # Enter in the form saves it (or points at what is missing); no button is the dialog's
        # default, so the same Enter never also presses "New customer" or "Back"
        for button in (self.new_button, self.save_button, self.back_button):
            button.setAutoDefault(False)
        for field in (self.name, self.phone, self.address):
            field.returnPressed.connect(self._save_from_form)
        self.search.setFocus()

    # find ----------------------------------------------------------------------------------------
    def _run_search(self) -> None:
        self._query_serial += 1
        serial, text, db = self._query_serial, self.search.text(), self.window_.db
        self.window_.worker.submit(lambda: customers.search(db, text), lambda found: self._show(serial, found),
                                   self._error)

    def _show(self, serial: int, found: list[CustomerInfo]) -> None:
        if serial != self._query_serial:
            return  # a newer search is on its way
        self.results = found
        self.list.clear()
        kinds = {"wholesale": self.tr("Wholesale"), "franchise": self.tr("Franchise")}
        for customer in found:
            text = f"{customer.name}    {customer.phone}    {customer.number}    {kinds.get(customer.customer_type, '')}"
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
        text = self.search.text().strip()
        digits = text.replace(" ", "").replace("-", "")
        if digits.isdigit():
            self.phone.setText(text)
        elif text and not text.isascii():
            self.name.setText(text)
        self.pages.setCurrentIndex(1)
        self.message.clear()
        self.name.setFocus()

    def _save_from_form(self) -> None:
        if self.save_button.isEnabled():
            self.save_button.click()  # the same act as the button, duplicate-phone confirmation included

    def save(self, allow_duplicate_phone: bool = False) -> None:
        """Send a complete form; an incomplete one is not sent: the first field at fault gets the
        focus and the message line says why."""
        db, actor = self.window_.db, self.window_.staff
        values = dict(name=self.name.text(), phone=self.phone.text(), address=self.address.text(),
                      customer_type=self.kind.currentData())
        problems = customer_problems(**values)
        if problems:
            fields = {"name": self.name, "phone": self.phone, "address": self.address, "customer_type": self.kind}
            field, problem = next(iter(problems.items()))
            self.message.setText(error_text(problem))
            fields[field].setFocus()
            return
        self.save_button.setEnabled(False)
        self.window_.worker.submit(
            lambda: customers.create_customer(db, actor, allow_duplicate_phone=allow_duplicate_phone, **values),
            self._created, self._create_failed)

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

    def _error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
