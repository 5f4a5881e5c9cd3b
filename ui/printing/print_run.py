"""Sending PDF documents to a printer: the printer and its system dialog, and a run that paints
each page as a picture at up to 300 dots per inch, one page per turn of the event loop, so the
window stays responsive.

Both the print dialog for one person and printing for many people use it, so it lives apart
from either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

MAX_PRINT_DPI = 300  # sharper than any print needs; a page at 1200 would take 140 MB
POINTS_PER_INCH = 72


class LoadedPdf:
    """A PDF read by Qt from memory. Qt reads the bytes as it needs them, so the buffer and its
    array live as long as the document."""

    def __init__(self, data: bytes, document: QPdfDocument) -> None:
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = document
        document.load(self._buffer)


def new_printer() -> QPrinter:
    """A printer set for A4, painted from the paper's corner: the documents bring margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def print_dialog_for(
    printer: QPrinter, parent: QWidget, on_accepted: Callable[[], None]
) -> QPrintDialog:
    """The system print dialog for this printer, made once by its caller and opened without
    blocking; `on_accepted` runs when the worker presses Print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.finished.connect(
        lambda result: on_accepted() if result == QDialog.DialogCode.Accepted else None
    )
    return dialog


class PrintRun(QObject):
    """Paints PDF documents onto a printer, one page per turn of the event loop.

    A page range chosen in the print dialog applies to each document. `cancel` stops before
    the next page.
    """

    progress = Signal(int, int)  # pages painted, pages to paint
    finished = Signal(int)  # pages painted
    failed = Signal(str)

    def __init__(self, printer: QPrinter, documents: Sequence[bytes], parent: QObject) -> None:
        super().__init__(parent)
        self._printer = printer
        self._pdfs = [LoadedPdf(data, QPdfDocument(self)) for data in documents]
        self._pages = [(pdf, page) for pdf in self._pdfs for page in self._chosen_pages(pdf)]
        self._done = 0
        self._cancelled = False
        self._painter = QPainter()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_page)

    @property
    def total(self) -> int:
        return len(self._pages)

    def _chosen_pages(self, pdf: LoadedPdf) -> range:
        count = pdf.document.pageCount()
        if self._printer.printRange() != QPrinter.PrintRange.PageRange:
            return range(count)
        first = max(self._printer.fromPage(), 1)
        last = min(self._printer.toPage() or count, count)
        return range(first - 1, last)

    def start(self) -> None:
        if not self._pages:
            self.failed.emit("There is nothing to print: no page is in the range chosen.")
            return
        if not self._painter.begin(self._printer):
            self.failed.emit(
                "The printer could not be started. Check it is switched on and connected, or "
                "choose another in the print dialog."
            )
            return
        self.progress.emit(0, self.total)
        self._timer.start()

    def cancel(self) -> None:
        self._cancelled = True

    def _next_page(self) -> None:
        if self._cancelled or self._done == self.total:
            self._timer.stop()
            self._painter.end()
            self.finished.emit(self._done)
            return
        if self._done:
            self._printer.newPage()
        pdf, page = self._pages[self._done]
        paint_page(self._painter, self._printer.resolution(), pdf.document, page)
        self._done += 1
        self.progress.emit(self._done, self.total)


def paint_page(painter: QPainter, resolution: int, document: QPdfDocument, page: int) -> None:
    """One PDF page as a picture filling the painter's page, keeping its shape."""
    points = document.pagePointSize(page)
    dpi = min(resolution, MAX_PRINT_DPI)
    pixels = points * dpi / POINTS_PER_INCH
    image = document.render(page, QSize(round(pixels.width()), round(pixels.height())))
    area = painter.viewport()
    scale = min(area.width() / points.width(), area.height() / points.height())
    painter.drawImage(QRectF(0, 0, points.width() * scale, points.height() * scale), image)
