"""Carriers and rates from the shipping screen: a cashier may look, a change needs a manager's PIN,
a bad amount is explained and saves nothing."""

from pos.domain.freight import Basis
from pos.domain.money import Money
from pos.services import carriers, staff
from pos.ui.shipping.carriers_dialog import CarriersDialog


def _dialog(qtbot, ui_db, window):
    dialog = CarriersDialog(window, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 4, timeout=5000)
    return dialog


def test_a_rate_changed_with_a_managers_pin(qtbot, zh, ui_db, open_window):
    admin = staff.sign_in(ui_db, "9001", "9999")
    staff.add_staff(ui_db, admin, login_code="3001", name="陈经理", roles="manager", pin="3333")
    window = open_window(ui_db, staff.sign_in(ui_db, "1001", "1111"))
    dialog = _dialog(qtbot, ui_db, window)
    row = [dialog.list.item(r, 0).text() for r in range(4)].index("申通")
    dialog.list.selectRow(row)
    assert dialog.name.text() == "申通"
    asked = []

    def approve(approval):
        asked.append(approval.prompt.text())
        approval.login.setText("3001")
        approval.pin.setText("3333")
        return True

    dialog.run_dialog = approve
    dialog.first_kg.setText("abc")
    dialog.save()
    assert "abc" in dialog.message.text() and asked == []  # explained, nothing asked or saved
    dialog.first_kg.setText("12")
    dialog.further_kg.setText("2.5")
    dialog.days.setValue(4)
    dialog.save()
    qtbot.waitUntil(lambda: "申通" in dialog.message.text(), timeout=5000)
    assert asked == ["承运方和运价由经理设置。"]
    (saved,) = [c for c in carriers.list_carriers(ui_db) if c.name == "申通"]
    assert saved.rate.basis is Basis.WEIGHT and saved.days_to_arrive == 4
    assert carriers.quote(ui_db, "申通", boxes=1, grams=3100) == Money(1200 + 3 * 250)


def test_a_new_carrier_needs_a_manager_and_a_wrong_pin_saves_nothing(qtbot, zh, ui_db, open_window):
    window = open_window(ui_db, staff.sign_in(ui_db, "1001", "1111"))
    dialog = _dialog(qtbot, ui_db, window)

    def wrong(approval):
        approval.login.setText("1001")  # the cashier herself
        approval.pin.setText("1111")
        return True

    dialog.run_dialog = wrong
    dialog._edit(None)
    dialog.name.setText("德邦物流")
    dialog.basis.setCurrentIndex(dialog.basis.findData("box"))
    dialog.per_box.setText("15")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=5000)
    assert "德邦物流" not in [c.name for c in carriers.list_carriers(ui_db, include_inactive=True)]
    dialog.run_dialog = lambda approval: False  # cancelled
    dialog.message.clear()
    dialog.save()
    assert window.worker.pending == 0 and dialog.message.text() == ""
