"""Dialogs at the bench: starting a check, the customer's signature, return slip signatures."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.remote import is_remote
from pos.domain.shipping import PICKUP
from pos.ui.signature_pad import SigningDialog
from pos.ui.style import text_size


class StartCheckDialog(QDialog):
    """The customer's name, very large, to confirm; customer present or absent (then the second
    packer signs in with their own PIN)."""

    NAME_WRONG = 2

    def __init__(
        self,
        number: str,
        customer_name: str,
        parent: QWidget | None = None,
        carriers: tuple[str, ...] = (),
        send_by: str = "",
        *,
        source: str = "counter",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start check: {number}").format(number=number))
        # the way of sending, asked at the latest now (the standard: 按照客户的要求方式发送); the
        # customer's choice last time comes first, so Enter keeps it
        self.send_by = QComboBox(objectName="check_send_by")
        self.send_by.addItem(self.tr("Pickup (自提)"), PICKUP)
        for name in carriers:
            self.send_by.addItem(name, name)
        self.send_by.setCurrentIndex(max(0, self.send_by.findData(send_by)))
        text_size(self.send_by, "large")
        self.name = QLabel(customer_name, alignment=Qt.AlignmentFlag.AlignCenter, objectName="check_customer_name")
        text_size(self.name, "giant", strong=True)
        self.present = QRadioButton(self.tr("Customer present"), objectName="mode_present")
        self.absent = QRadioButton(self.tr("Customer absent (two packers)"), objectName="mode_absent")
        self.present.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.present)
        group.addButton(self.absent)
        self.second_login = QLineEdit(objectName="second_login")
        self.second_pin = QLineEdit(objectName="second_pin")
        self.second_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QWidget()
        form = QFormLayout(self.second)
        form.addRow(self.tr("Second packer's login code"), self.second_login)
        form.addRow(self.tr("PIN"), self.second_pin)
        self.second.setVisible(False)
        self.absent.toggled.connect(self.second.setVisible)
        self.remote_note = QLabel(
            self.tr("A remote order, paid by transfer: the customer is not here, so two packers check it."),
            objectName="remote_note",
            wordWrap=True,
        )
        remote = is_remote(source)
        self.remote_note.setVisible(remote)
        if remote:  # the customer cannot be present: the service refuses it too
            self.absent.setChecked(True)
            self.present.setEnabled(False)
        self.message = QLabel("", objectName="error")
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Name is right: start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.wrong = buttons.addButton(self.tr("Name is wrong"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.wrong.clicked.connect(lambda: self.done(self.NAME_WRONG))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Is this the customer's name, spelled right?")))
        layout.addWidget(self.name)
        row = QHBoxLayout()
        row.addWidget(self.present)
        row.addWidget(self.absent)
        layout.addLayout(row)
        layout.addWidget(self.remote_note)
        layout.addWidget(self.second)
        sending = QFormLayout()
        sending.addRow(self.tr("Send by"), self.send_by)
        layout.addLayout(sending)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # never smaller than what it holds: the wrapped note made it squeeze the PIN field
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    @property
    def way_of_sending(self) -> str:
        return str(self.send_by.currentData())

    @property
    def mode(self) -> str:
        return "absent" if self.absent.isChecked() else "present"

    def _check(self) -> None:
        if self.mode == "absent" and (not self.second_login.text().strip() or not self.second_pin.text()):
            self.message.setText(self.tr("Customer absent: the second packer signs in too."))
            return
        self.accept()


class SecondPackerDialog(QDialog):
    """Customer absent, but the check began with one packer: the second packer signs in with their
    own PIN, or a manager sends the slip back to the queue."""

    RESET = 2

    def __init__(self, number: str, first_packer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Second packer: {number}").format(number=number))
        prompt = QLabel(
            self.tr(
                "The customer is absent and only {name} has signed. The second packer signs in "
                "with their own login and PIN, or a manager sends the slip back to the queue."
            ).format(name=first_packer)
        )
        prompt.setWordWrap(True)
        self.login = QLineEdit(objectName="second_login")
        self.pin = QLineEdit(objectName="second_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Second packer's login code"), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        self.message = QLabel("", objectName="error")
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Second packer signs"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.reset = buttons.addButton(self.tr("Manager: back to the queue"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.reset.clicked.connect(lambda: self.done(self.RESET))
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if not self.login.text().strip() or not self.pin.text():
            self.message.setText(self.tr("Enter the login code and PIN."))
            return
        self.accept()


class Copy3Dialog(QDialog):
    """Customer absent, last box: both packers confirm copy 3 is in the clear bag inside its lid;
    the one at this station ticks the box, the other signs in with their own PIN."""

    def __init__(
        self, box: int, here: str, other: str, parent: QWidget | None = None, *, revised: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy 3 in box {box}").format(box=box))
        text = (
            self.tr(
                "The customer is absent and items were crossed out: a revised copy 3 with the net lines "
                "prints when you confirm. It goes in the clear bag inside the lid of box {box} instead of "
                "the copy printed for checking; both packers confirm it is there before the box is closed."
            )
            if revised
            else self.tr(
                "The customer is absent: copy 3 goes in the clear bag inside the lid of box {box} "
                "before it is sealed. Both packers confirm it is there."
            )
        )
        prompt = QLabel(text.format(box=box), objectName="copy3_prompt")
        prompt.setWordWrap(True)
        self.here = QCheckBox(
            self.tr("{name}: copy 3 is in box {box}").format(name=here, box=box), objectName="copy3_here"
        )
        self.login = QLineEdit(objectName="copy3_login")
        self.pin = QLineEdit(objectName="copy3_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("{name}'s login code").format(name=other or self.tr("Other packer")), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        self.message = QLabel("", objectName="error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.here)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if not self.here.isChecked():
            self.message.setText(self.tr("Tick that copy 3 is in the box."))
            return
        if not self.login.text().strip() or not self.pin.text():
            self.message.setText(self.tr("Enter the login code and PIN."))
            return
        self.accept()


class CustomerSignatureDialog(SigningDialog):
    """The customer confirms everything is in the boxes and signs: on the pad, or on paper."""

    def __init__(self, customer_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Customer signature"))
        self.lay_out(QLabel(self.tr("{name}: everything is in the boxes. Please sign.").format(name=customer_name)))


def remote_mark(source: str) -> str:
    """After the order number in the bench's header: a remote order, paid first."""
    return "    " + QCoreApplication.translate("BenchPage", "Remote order, paid") if is_remote(source) else ""
