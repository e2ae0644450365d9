"""Cell editors for the new-return table: a bounded quantity, a reason from the list, a note.
Enter in an open editor commits the cell and nothing more; Enter again submits the form."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

MAX_ROLE = Qt.ItemDataRole.UserRole + 1  # the most units a line can return
CODE_ROLE = Qt.ItemDataRole.UserRole  # the reason's code behind its label
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CommitOnEnter(QStyledItemDelegate):
    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # without this the editor ignores Enter, the dialog takes it as "OK" and submits before
        # the cell being typed into is committed
        if event.type() == QEvent.Type.KeyPress and event.key() in _ENTER:  # type: ignore[attr-defined]
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class QuantityDelegate(CommitOnEnter):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        spin = QSpinBox(parent)
        spin.setRange(0, int(index.data(MAX_ROLE) or 0))
        spin.setFrame(False)
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        editor.interpretText()  # type: ignore[attr-defined]
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


class ReasonDelegate(CommitOnEnter):
    def __init__(self, labels: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = labels

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for code, label in self.labels.items():
            combo.addItem(label, code)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        code = editor.currentData()  # type: ignore[attr-defined]
        model.setData(index, code, CODE_ROLE)
        model.setData(index, self.labels[code], Qt.ItemDataRole.DisplayRole)
