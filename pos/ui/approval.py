"""Asking a second person: a manager's login code and PIN (and a reason where one is required)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class ApprovalDialog(QDialog):
    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        ask_reason: bool = False,
        parent: QWidget | None = None,
        login_label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.login = QLineEdit(objectName="approval_login")
        self.pin = QLineEdit(objectName="approval_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(objectName="approval_reason")
        self.message = QLabel("", objectName="error")
        form = QFormLayout()
        form.addRow(login_label or self.tr("Manager login code"), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        if ask_reason:
            form.addRow(self.tr("Reason"), self.reason)
        else:
            self.reason.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.ask_reason = ask_reason

    def _check(self) -> None:
        if not self.login.text().strip() or not self.pin.text():
            self.message.setText(self.tr("Enter the login code and PIN."))
            return
        if self.ask_reason and not self.reason.text().strip():
            self.message.setText(self.tr("Enter a reason."))
            return
        self.accept()

    def values(self) -> tuple[str, str, str]:
        return self.login.text().strip(), self.pin.text(), self.reason.text().strip()
