"""Carriers and their rates (a manager's setting): by weight (first kg, each further kg begun) or
per box, with a minimum, and the usual days to arrive. Anyone may look; saving asks a manager's
PIN unless a manager is signed in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import PosError
from pos.domain.freight import Basis, Rate
from pos.domain.money import Money
from pos.domain.roles import Role
from pos.services import carriers, staff
from pos.services.carriers import CarrierInfo
from pos.ui.approval import ApprovalDialog
from pos.ui.host import Host
from pos.ui.i18n import error_text
from pos.ui.scan_filter import mark_typed_only
from pos.ui.shipping.tables import fill, table


class CarriersDialog(QDialog):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.carriers: list[CarrierInfo] = []
        self.setWindowTitle(self.tr("Carriers and rates"))
        self.resize(860, 520)
        self.list = table(
            "carriers_table",
            [
                self.tr("Carrier"),
                self.tr("Charged"),
                self.tr("First kg"),
                self.tr("Each further kg"),
                self.tr("Per box"),
                self.tr("Minimum"),
                self.tr("Days"),
                self.tr("Offered"),
            ],
            0,
        )
        self.name = QLineEdit(objectName="carrier_name")
        self.basis = QComboBox(objectName="carrier_basis")
        self.basis.addItem(self.tr("By weight"), Basis.WEIGHT.value)
        self.basis.addItem(self.tr("Per box"), Basis.BOX.value)
        self.first_kg, self.further_kg = (
            QLineEdit(objectName="carrier_first_kg"),
            QLineEdit(objectName="carrier_further"),
        )
        self.per_box, self.minimum = QLineEdit(objectName="carrier_per_box"), QLineEdit(objectName="carrier_minimum")
        mark_typed_only(self.first_kg, self.further_kg, self.per_box, self.minimum)
        self.days = QSpinBox(objectName="carrier_days", minimum=0, maximum=carriers.MAX_DAYS, value=3)
        self.active = QCheckBox(self.tr("Offered to customers"), checked=True)
        self.message = QLabel("", objectName="error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Carrier"), self.name)
        form.addRow(self.tr("Charged"), self.basis)
        form.addRow(self.tr("First kg (¥)"), self.first_kg)
        form.addRow(self.tr("Each further kg (¥)"), self.further_kg)
        form.addRow(self.tr("Per box (¥)"), self.per_box)
        form.addRow(self.tr("Minimum (¥)"), self.minimum)
        form.addRow(self.tr("Days to arrive"), self.days)
        form.addRow("", self.active)
        save = QPushButton(self.tr("Save carrier"), objectName="carrier_save")
        new = QPushButton(self.tr("New carrier"))
        close = QPushButton(self.tr("Close"))
        for button in (save, new, close):
            button.setAutoDefault(False)
        save.clicked.connect(self.save)
        new.clicked.connect(lambda: self._edit(None))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(save)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.message)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 3)
        middle.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self.list.itemSelectionChanged.connect(self._chosen)
        self.refresh()

    def refresh(self) -> None:
        db = self.host.db
        self.host.worker.submit(lambda: carriers.list_carriers(db, include_inactive=True), self._show, self._error)

    def _show(self, found: list[CarrierInfo]) -> None:
        self.carriers = found
        bases = {Basis.WEIGHT: self.tr("By weight"), Basis.BOX: self.tr("Per box")}

        def amount(fen: int) -> str:
            return Money(fen).format() if fen else ""

        fill(
            self.list,
            [
                [
                    c.name,
                    bases[c.rate.basis],
                    amount(c.rate.first_kg_fen),
                    amount(c.rate.further_kg_fen),
                    amount(c.rate.per_box_fen),
                    amount(c.rate.minimum_fen),
                    str(c.days_to_arrive),
                    self.tr("yes") if c.active else self.tr("no"),
                ]
                for c in found
            ],
        )

    def _chosen(self) -> None:
        row = self.list.currentRow()
        self._edit(self.carriers[row] if 0 <= row < len(self.carriers) else None)

    def _edit(self, carrier: CarrierInfo | None) -> None:
        self.message.clear()
        if carrier is None:
            self.list.clearSelection()
            for field in (self.name, self.first_kg, self.further_kg, self.per_box, self.minimum):
                field.clear()
            self.name.setFocus()
            return
        rate = carrier.rate
        self.name.setText(carrier.name)
        self.basis.setCurrentIndex(self.basis.findData(rate.basis.value))
        for field, fen in (
            (self.first_kg, rate.first_kg_fen),
            (self.further_kg, rate.further_kg_fen),
            (self.per_box, rate.per_box_fen),
            (self.minimum, rate.minimum_fen),
        ):
            field.setText(Money(fen).plain() if fen else "")
        self.days.setValue(carrier.days_to_arrive)
        self.active.setChecked(carrier.active)

    def _rate(self) -> Rate:
        def fen(field: QLineEdit) -> int:
            return Money.from_yuan(field.text().strip()).fen if field.text().strip() else 0

        return Rate(
            Basis(self.basis.currentData()),
            first_kg_fen=fen(self.first_kg),
            further_kg_fen=fen(self.further_kg),
            per_box_fen=fen(self.per_box),
            minimum_fen=fen(self.minimum),
        )

    def save(self) -> None:
        try:
            rate = self._rate()
        except PosError as error:  # a bad amount or rate, said in the UI language
            self.message.setText(error_text(error))
            return
        name, days, active, db = self.name.text(), self.days.value(), self.active.isChecked(), self.host.db
        signed_in = self.host.staff
        approval: tuple[str, str] | None = None
        if signed_in is None or not signed_in.has(Role.MANAGER):
            dialog = ApprovalDialog(
                self.tr("Manager approval"), self.tr("Carriers and rates are a manager's setting."), parent=self
            )
            if not self.run_dialog(dialog):
                return
            approval = dialog.values()[:2]

        def act() -> CarrierInfo:
            actor = staff.require_role(staff.sign_in(db, *approval), Role.MANAGER) if approval else signed_in
            return carriers.save_carrier(db, actor, name, rate, days, active=active)

        self.host.worker.submit(act, self._saved, self._error)

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _saved(self, carrier: CarrierInfo) -> None:
        self.message.setText(self.tr("Saved: {name}.").format(name=carrier.name))
        self.refresh()

    def _error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
