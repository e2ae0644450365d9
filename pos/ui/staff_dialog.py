"""Staff (Ctrl+Shift+S, admin): who works here, and deactivating, PINs and roles. Anyone signed in
may change their own PIN (Ctrl+Shift+P)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.domain.roles import Role
from pos.services import staff, staff_admin
from pos.services.staff_admin import StaffRecord
from pos.ui.host import Host
from pos.ui.i18n import error_text

ROLES = (Role.CASHIER, Role.PACKER, Role.MANAGER, Role.ADMIN)


def role_names() -> dict[Role, str]:
    return {
        Role.CASHIER: QCoreApplication.translate("StaffDialog", "cashier"),
        Role.PACKER: QCoreApplication.translate("StaffDialog", "packer"),
        Role.MANAGER: QCoreApplication.translate("StaffDialog", "manager"),
        Role.ADMIN: QCoreApplication.translate("StaffDialog", "admin"),
    }


class PersonDialog(QDialog):
    """One form for adding a person, a new PIN or new roles: only the fields the act needs."""

    def __init__(
        self,
        title: str,
        *,
        person: bool = False,
        pin: bool = False,
        current: bool = False,
        roles: frozenset[Role] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.login = QLineEdit(objectName="person_login")
        self.name = QLineEdit(objectName="person_name")
        self.pin = QLineEdit(objectName="person_pin")
        self.pin_again = QLineEdit(objectName="person_pin_again")
        self.current_pin = QLineEdit(objectName="person_current_pin")
        for field in (self.pin, self.pin_again, self.current_pin):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        names = role_names()
        self.role_boxes = {role: QCheckBox(names[role], objectName=f"role_{role.value}") for role in ROLES}
        self.message = QLabel("", objectName="error")
        form = QFormLayout()
        if person:
            form.addRow(self.tr("Login code"), self.login)
            form.addRow(self.tr("Name"), self.name)
        if roles is not None or person:
            row = QHBoxLayout()
            for role, box in self.role_boxes.items():
                box.setChecked(role in (roles or frozenset()))
                row.addWidget(box)
            form.addRow(self.tr("Roles"), row)
        if current:  # a station left signed in must not let a passer-by take over the login
            form.addRow(self.tr("Current PIN"), self.current_pin)
        if pin:
            form.addRow(self.tr("New PIN"), self.pin)
            form.addRow(self.tr("New PIN again"), self.pin_again)
        self.asks_pin = pin
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.asks_pin and self.pin.text() != self.pin_again.text():
            self.message.setText(self.tr("The two PINs differ; type the new PIN twice."))
            self.pin_again.clear()
            self.pin_again.setFocus()
            return
        self.accept()

    def roles(self) -> str:
        return ",".join(role.value for role, box in self.role_boxes.items() if box.isChecked())


class StaffDialog(QDialog):
    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.setWindowTitle(self.tr("Staff"))
        self.resize(820, 460)
        self.records: list[StaffRecord] = []
        self.table = QTableWidget(0, 4, objectName="staff")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login code"), self.tr("Name"), self.tr("Roles"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add…"))
        self.pin_button = QPushButton(self.tr("New PIN…"))
        self.roles_button = QPushButton(self.tr("Roles…"))
        self.active_button = QPushButton(self.tr("Deactivate…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.pin_button, self.roles_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.pin_button.clicked.connect(self.new_pin)
        self.roles_button.clicked.connect(self.change_roles)
        self.active_button.clicked.connect(self.toggle_active)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.refresh()

    def run_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.StandardButton.Yes

    # data ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor = self.window_.db, self.window_.staff
        self.window_.worker.submit(lambda: staff_admin.list_records(db, actor), self._show, self._error)

    def _show(self, records: list[StaffRecord]) -> None:
        selected = self.selected()
        self.records = records
        names = role_names()
        self.table.setRowCount(len(records))
        for row, person in enumerate(records):
            if not person.active:
                state = self.tr("deactivated")
            elif person.locked_until is not None:
                state = self.tr("locked until {time} UTC").format(time=f"{person.locked_until:%H:%M:%S}")
            else:
                state = self.tr("active")
            roles = "、".join(names[role] for role in ROLES if role in person.roles)
            for column, value in enumerate((person.login_code, person.name, roles, state)):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if selected is not None and person.login_code == selected.login_code:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> StaffRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) else None

    def _update_buttons(self) -> None:
        person = self.selected()
        for button in (self.pin_button, self.roles_button, self.active_button):
            button.setEnabled(person is not None)
        self.active_button.setText(
            self.tr("Reactivate…") if person is not None and not person.active else self.tr("Deactivate…")
        )

    def _error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def _act(self, call: Callable[[], object]) -> None:
        def done(_result: object) -> None:
            self.message.clear()
            self.refresh()

        self.window_.worker.submit(call, done, self._error)

    # acts ----------------------------------------------------------------------------------------
    def add(self) -> None:
        form = PersonDialog(self.tr("Add a staff member"), person=True, pin=True, roles=frozenset(), parent=self)
        if self.run_dialog(form) != QDialog.DialogCode.Accepted:
            return
        db, actor = self.window_.db, self.window_.staff
        login, name, roles, pin = form.login.text(), form.name.text(), form.roles(), form.pin.text()
        self._act(lambda: staff.add_staff(db, actor, login_code=login, name=name, roles=roles, pin=pin))

    def new_pin(self) -> None:
        if (person := self.selected()) is None:
            return
        form = PersonDialog(self.tr("New PIN for {name}").format(name=person.name), pin=True, parent=self)
        if self.run_dialog(form) != QDialog.DialogCode.Accepted:
            return
        db, actor, pin = self.window_.db, self.window_.staff, form.pin.text()
        self._act(lambda: staff_admin.change_pin(db, actor, person.login_code, pin))

    def change_roles(self) -> None:
        if (person := self.selected()) is None:
            return
        form = PersonDialog(self.tr("Roles of {name}").format(name=person.name), roles=person.roles, parent=self)
        if self.run_dialog(form) != QDialog.DialogCode.Accepted:
            return
        db, actor, roles = self.window_.db, self.window_.staff, form.roles()
        self._act(lambda: staff_admin.change_roles(db, actor, person.login_code, roles))

    def toggle_active(self) -> None:
        if (person := self.selected()) is None:
            return
        active = not person.active
        if not active and not self.confirm(
            self.tr("Deactivate {name} ({login})? They can no longer sign in or approve.").format(
                name=person.name, login=person.login_code
            )
        ):
            return
        db, actor = self.window_.db, self.window_.staff
        self._act(lambda: staff_admin.set_active(db, actor, person.login_code, active))


def change_own_pin(
    window: Host, parent: QWidget, run_dialog: Callable[[QDialog], int], done: Callable[[str], None]
) -> None:
    """The signed-in person sets a new PIN for themselves, with their current one; `done` gets the
    sentence to show."""
    person = window.staff
    if person is None:
        return
    form = PersonDialog(QCoreApplication.translate("StaffDialog", "My new PIN"), pin=True, current=True, parent=parent)
    if run_dialog(form) != QDialog.DialogCode.Accepted:
        return
    db, current, pin = window.db, form.current_pin.text(), form.pin.text()

    def change() -> object:
        me = staff.sign_in(db, person.login_code, current)  # a wrong one counts towards the lockout
        return staff_admin.change_pin(db, me, person.login_code, pin)

    window.worker.submit(
        change,
        lambda _info: done(QCoreApplication.translate("StaffDialog", "Your new PIN is set.")),
        lambda error: done(error_text(error)),
    )
