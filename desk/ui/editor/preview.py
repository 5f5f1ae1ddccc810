"""The live preview: the document as PDF, re-rendered off the UI thread shortly after each change.

Changes within ``DELAY_MS`` of each other render once; a rendering overtaken by a newer change is dropped.
A value the renderer refuses is shown above the preview (the form shows it beside the field as well).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QBuffer, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.errors import UserError
from desk.ui.errors import show_error
from desk.ui.printing import open_pdf
from desk.ui.runner import Latest, Op, Runner
from desk.ui.signals import emit
from desk.ui.text import _

DELAY_MS = 300


class PreviewPane(QWidget):
    rendered = Signal()

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("preview")
        self._latest = Latest(runner)
        self._make: Callable[[], Op] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._render)
        self.renders = 0
        self.document: QPdfDocument | None = None
        self.pdf: bytes | None = None  # the PDF shown (what Ctrl+P prints)
        self._buffer: QBuffer | None = None
        self.status = QLabel(_("Preparing the preview…"))
        self.status.setWordWrap(True)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

    @property
    def pending(self) -> bool:
        """A change waits for its rendering."""
        return self._timer.isActive()

    def schedule(self, make: Callable[[], Op], *, at_once: bool = False) -> None:
        """Render what ``make()`` gives once the changes pause (``at_once``: now — the first view of a document)."""
        self._make = make
        if at_once:
            self._timer.stop()
            self._render()
        else:
            self._timer.start()

    def _render(self) -> None:
        if self._make is not None:
            self.status.setText(_("Updating the preview…"))
            self._latest.submit(self._make(), self.show_pdf, self._refused)

    def show_pdf(self, pdf: bytes) -> None:
        if not shiboken6.isValid(self):
            return  # the editor was closed while its preview was rendering
        document, buffer = open_pdf(pdf)
        document.setParent(self)
        self.view.setDocument(document)
        if self.document is not None:
            self.document.deleteLater()
        self.document, self._buffer, self.pdf = document, buffer, pdf
        self.renders += 1
        self.status.setText(_("{pages} page(s)").format(pages=document.pageCount()))
        emit(self.rendered)

    def _refused(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if not isinstance(error, UserError):
            show_error(self, error)
            return
        self.status.setText(_("The preview waits for valid values: {problem}").format(problem=error.render()))

    def text(self) -> str:
        """The words of every page shown (what a test reads)."""
        if self.document is None:
            return ""
        return "\n".join(self.document.getAllText(page).text() for page in range(self.document.pageCount()))
