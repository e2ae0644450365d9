"""Touch targets at least 40 px, from the one app stylesheet."""

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.ui.style import TOUCH_PX


@pytest.fixture
def panel(qtbot, app_style):
    widget = QWidget()
    layout = QVBoxLayout(widget)
    parts = {
        "radio": QRadioButton("现场提货"),
        "check": QCheckBox("声音"),
        "combo": QComboBox(),
        "push": QPushButton("确定"),
        "spin": QSpinBox(),
        "money": QDoubleSpinBox(),
    }
    parts["combo"].addItems(["结算台", "打包台"])
    for part in parts.values():
        layout.addWidget(part)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield parts
    widget.close()  # the panel owns the controls: it lives as long as the test


@pytest.mark.parametrize("name", ["radio", "check", "combo", "push", "spin", "money"])
def test_every_control_is_at_least_40_px_tall(panel, name):
    assert panel[name].sizeHint().height() >= TOUCH_PX
    assert panel[name].height() >= TOUCH_PX


@pytest.mark.parametrize(
    "name, kind, element",
    [
        ("radio", QStyleOptionButton, QStyle.SubElement.SE_RadioButtonIndicator),
        ("check", QStyleOptionButton, QStyle.SubElement.SE_CheckBoxIndicator),
    ],
)
def test_the_marks_of_check_boxes_and_radio_buttons_are_big_enough_to_see(panel, name, kind, element):
    widget = panel[name]
    option = kind()
    option.initFrom(widget)
    mark = widget.style().subElementRect(element, option, widget)
    assert mark.height() >= 28 and mark.width() >= 28


@pytest.mark.parametrize("name", ["spin", "money"])
def test_both_spin_box_arrows_are_finger_sized(panel, name):
    spin = panel[name]
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option) if hasattr(spin, "initStyleOption") else option.initFrom(spin)
    option.rect = spin.rect()
    option.subControls = QStyle.SubControl.SC_SpinBoxUp | QStyle.SubControl.SC_SpinBoxDown
    for control in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, control, spin)
        assert rect.height() >= TOUCH_PX and rect.width() >= TOUCH_PX, (control, rect)
