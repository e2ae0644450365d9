"""Cell editors for the new-return table: a bounded quantity, a reason from the list, a note.
Enter in an open editor commits the cell and nothing more; Enter again submits the form."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

MAX_ROLE = Qt.ItemDataRole.UserRole + 1  # the most units a line can return
CODE_ROLE = Qt.ItemDataRole.UserRole  # the reason's code behind its label
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ROW_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down)


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
        # typed, not clicked: a spin box's finger-sized arrows filled the cell and hid the number
        field = QLineEdit(parent, objectName="cell_editor")
        field.setValidator(QIntValidator(0, int(index.data(MAX_ROLE) or 0), field))
        field.setFrame(False)
        return field

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # ↑/↓ while typing a quantity: keep it and go to the next line, as the dialog's hint says
        if event.type() == QEvent.Type.KeyPress and event.key() in _ROW_KEYS:  # type: ignore[attr-defined]
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            view = editor.parent().parent() if editor.parent() is not None else None
            if view is not None:
                QApplication.postEvent(
                    view,
                    QKeyEvent(
                        QEvent.Type.KeyPress,
                        event.key(),  # type: ignore[attr-defined]
                        Qt.KeyboardModifier.NoModifier,
                    ),
                )
            return True
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if not editor.text():  # type: ignore[attr-defined] - the key that opened the editor may be in it
            editor.setText(str(int(index.data(Qt.ItemDataRole.EditRole) or 0)))  # type: ignore[attr-defined]
            editor.selectAll()  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        text = editor.text().strip()  # type: ignore[attr-defined]
        most = int(index.data(MAX_ROLE) or 0)
        model.setData(index, min(int(text), most) if text.isdigit() else 0, Qt.ItemDataRole.EditRole)


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
