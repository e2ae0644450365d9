"""A signature pad: mouse, touch screen or stylus draws; the strokes are kept as a PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPainterPath, QPen, QTabletEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class SignaturePad(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(480, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setObjectName("signature_pad")
        self.paths: list[QPainterPath] = []
        self._drawing = False

    @property
    def is_empty(self) -> bool:
        return not any(path.elementCount() > 1 for path in self.paths)

    def clear(self) -> None:
        self.paths.clear()
        self.update()

    def _begin(self, point: QPointF) -> None:
        path = QPainterPath(point)
        self.paths.append(path)
        self._drawing = True

    def _extend(self, point: QPointF) -> None:
        if self._drawing and self.paths:
            self.paths[-1].lineTo(point)
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override (touch arrives as mouse too)
        self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position())
        self._drawing = False

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - stylus
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._drawing = False
        event.accept()

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        self._draw(painter)

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(Qt.GlobalColor.black, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        for path in self.paths:
            painter.drawPath(path)

    def to_png(self) -> bytes:
        image = QImage(self.size(), QImage.Format.Format_Grayscale8)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        self._draw(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data.data())


class SigningDialog(QDialog):
    """The customer signs under what they confirm: on the pad, or on paper (`on_paper`). Subclasses
    give what is confirmed to `lay_out`; OK with an empty pad is refused with the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_paper = False
        self.pad = SignaturePad()
        self.message = QLabel("", objectName="error")

    def lay_out(self, *above: QWidget, pad_stretch: int = 0) -> None:
        clear = QPushButton(self.tr("Clear"))
        paper = QPushButton(self.tr("Signed on paper"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        clear.clicked.connect(self.pad.clear)
        paper.clicked.connect(self._paper)
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addWidget(self.pad, pad_stretch)
        row = QHBoxLayout()
        row.addWidget(clear)
        row.addWidget(paper)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _paper(self) -> None:
        self.on_paper = True
        self.accept()

    def _check(self) -> None:
        if self.pad.is_empty:
            self.message.setText(self.tr("The pad is empty: sign it, or choose 'Signed on paper'."))
            return
        self.accept()
