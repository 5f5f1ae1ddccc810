"""Printing: the user picks a printer (QPrintDialog); the PDF pages of one document, a selection or a dossier
volume are drawn onto it with ``QPdfDocument.render``. Drawing runs as an op: QPainter may paint a QPrinter
off the UI thread, and the window stays responsive through a long volume."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from desk.ui.runner import Progress, Runner
from desk.ui.text import _

MAX_DPI = 300  # a raster printer gets its own resolution up to this (a 600-dpi page would take 140 MB)


def choose_printer(parent: QWidget | None) -> QPrinter | None:
    """Ask which printer and how; ``None`` when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A PDF document over ``data`` (keep the buffer alive as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def print_pdfs(printer: QPrinter, pdfs: Sequence[bytes], progress: Progress) -> int:
    """Every page of every PDF onto ``printer``. Returns the pages printed.

    Printing to a PDF file sends the pages themselves (vector text and fonts, no picture of them); a printer
    that needs raster gets each page rendered at its own resolution (``QPdfDocument``), fitted to the page."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return _copy_pages(pdfs, printer.outputFileName(), progress)
    opened = [open_pdf(data) for data in pdfs]
    total = sum(doc.pageCount() for doc, _buffer in opened) or 1
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot print to {printer.printerName() or printer.outputFileName()}")
    dpi = min(printer.resolution(), MAX_DPI)
    done = 0
    try:
        for document, _buffer in opened:
            for page in range(document.pageCount()):
                progress.check()
                if done:
                    printer.newPage()
                points = document.pagePointSize(page)
                image = document.render(page, QSize(round(points.width() * dpi / 72),
                                                    round(points.height() * dpi / 72)))
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
                done += 1
                progress(100 * done // total)
    finally:
        painter.end()
    return done


def _copy_pages(pdfs: Sequence[bytes], out: str, progress: Progress) -> int:
    import io

    import pikepdf

    merged = pikepdf.new()
    for data in pdfs:
        progress.check()
        with pikepdf.open(io.BytesIO(data)) as source:
            merged.pages.extend(source.pages)
    merged.save(out)
    progress(100)
    return len(merged.pages)


def print_with_dialog(parent: QWidget, runner: Runner, pdfs: Sequence[bytes]) -> None:
    """Ask for a printer, then print ``pdfs`` behind a progress dialog with Cancel."""
    printer = choose_printer(parent)
    if printer is not None:
        runner.with_dialog(lambda p: print_pdfs(printer, pdfs, p), title=_("Printing…"),
                           done=lambda pages: _printed(parent, printer, pages))


def _printed(parent: QWidget, printer: QPrinter, pages: int) -> None:
    """Say in the status bar what was printed, and where."""
    window = parent.window()
    where = printer.outputFileName() or printer.printerName()
    text = _("{pages} page(s) sent to {printer}.").format(pages=pages, printer=where)
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10000)
