"""Sign-in page: login code (工号) and PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class SignInPage(QWidget):
    # emitted by the page when the person asks to sign in; the window runs the check off-thread
    sign_in_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Counter & Bench"), objectName="title", alignment=Qt.AlignmentFlag.AlignCenter)
        self.login = QLineEdit(objectName="login")
        self.login.setMaxLength(20)
        self.pin = QLineEdit(objectName="pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.button = QPushButton(self.tr("Sign in"), objectName="primary")
        self.message = QLabel("", objectName="error", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Login code"), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        box = QWidget()
        box.setFixedWidth(480)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

        self.login.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)

    def _submit(self) -> None:
        login, pin = self.login.text().strip(), self.pin.text()
        if not login:
            self.show_error(self.tr("Enter your login code."))
            self.login.setFocus()
            return
        if not pin:
            self.show_error(self.tr("Enter your PIN."))
            self.pin.setFocus()
            return
        self.set_busy(True)
        self.message.clear()
        self.sign_in_requested.emit(login, pin)

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.login.setEnabled(not busy)
        self.pin.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """Keep the login code, clear the PIN for the next try."""
        self.set_busy(False)
        self.message.setText(text)
        self.pin.clear()
        self.pin.setFocus()

    def reset(self) -> None:
        self.set_busy(False)
        self.login.clear()
        self.pin.clear()
        self.message.clear()
        self.login.setFocus()
