"""On-screen preview of what the `preview:` printer printed (PDF pages).

One window holds the documents printed since it was opened, newest shown, the others a choice
away: a three-copy slip is one window, not three stacked on top of the work. Opened by the
spooler, it does not take the keyboard, so a scan right after printing still reaches the station.

A preview never blocks and is never blocked: it is not modal, and the station's preview is a
window of its own rather than the main window's child, so a dialog modal to the main window
(the day end, which prints while it is open) leaves it usable and cannot trap it behind itself.
A preview opened from inside a modal dialog (the print queue) belongs to that dialog, the only
window usable while it is open.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QSize, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

KEEP = 30  # documents a preview window holds; older ones drop off


class PreviewDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None, *, activate: bool = True) -> None:
        inside_modal = parent is not None and parent.window().isModal()
        super().__init__(parent if inside_modal else None)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._owner_window = parent.window() if parent is not None and not inside_modal else None
        if self._owner_window is not None:
            self._owner_window.installEventFilter(self)  # closes with the window it was opened for
        # printed by the spooler while someone works: leave the keyboard where it is
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.resize(QSize(520, 860).boundedTo(self.screen().availableSize()))
        self.documents = QComboBox(objectName="preview_documents")
        self.documents.currentIndexChanged.connect(self._show_document)
        self._pdfs: list[QPdfDocument] = []
        self.view = self._new_view()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.documents)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.add(pdf, title)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close and watched == self._owner_window:
            self.close()
        return False

    def add(self, pdf: bytes, title: str) -> None:
        """Another printed document: listed, and shown."""
        if len(self._pdfs) == KEEP:
            self._pdfs.pop(0).deleteLater()
            self.documents.removeItem(0)
        # a document each: QPdfView keeps showing the first one if a document is reloaded
        document = QPdfDocument(self)
        buffer = QBuffer(document)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        self._pdfs.append(document)
        self.documents.addItem(title)
        self.documents.setCurrentIndex(self.documents.count() - 1)
        self.documents.setVisible(self.documents.count() > 1)

    def _new_view(self) -> QPdfView:
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        return view

    def _show_document(self, index: int) -> None:
        """Each document in a view of its own: a QPdfView given another document keeps the pages it
        rendered, and a page of the last one still being rendered lands among the new one's (a
        walkthrough saw copy 2 under the title 第3联 when the copies came in quick succession)."""
        if not 0 <= index < len(self._pdfs):
            return
        view = self._new_view()
        view.setDocument(self._pdfs[index])
        self.layout().replaceWidget(self.view, view)
        self.view.deleteLater()
        self.view = view
        self.setWindowTitle(self.tr("Print preview: {title}").format(title=self.documents.itemText(index)))

    @property
    def document(self) -> QPdfDocument:
        return self._pdfs[self.documents.currentIndex()]

    @property
    def page_count(self) -> int:
        return self.document.pageCount()
