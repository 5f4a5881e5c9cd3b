"""Printing for the chosen person: choose a document and its format (standard or large print,
or Easy Read) and size, see it, print or save it; and, for a format a printer cannot make, see
what to arrange and record that it was (arrangement.py).

A document takes up to a few hundred milliseconds to build, so the record is read and the
document built through the runner, off the GUI thread, and shown with Qt's PDF viewer when it
arrives; a newer choice overtakes an older one, which is never shown. Sending it to the
printer is print_run's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QSize, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assessor.documents import (
    DocumentKind,
    PrintContext,
    build,
    format_of,
    kinds_for,
)
from assessor.documents.formats import EASY_READ, LARGE, STANDARD, PrintFormat, format_for
from assessor.documents.unprintable import warning as unprintable_warning
from assessor.files import CannotWrite, write_whole
from assessor.person_file import PersonFile
from db.failures import explain
from ui.kit.forms import hint_label, named, problem_label
from ui.kit.screen_fit import refit_on_show, scroll_body
from ui.printing.arrangement import ArrangementPanel
from ui.printing.details_warning import DetailsWarning
from ui.printing.print_run import LoadedPdf, PrintRun, new_printer, print_dialog_for
from ui.printing.print_source import PrintSource, file_name

if TYPE_CHECKING:
    from ui.kit.runner import Runner

NAME = "print preview"  # reads and builds for the preview: only the newest choice is shown


class PrintDialog(QDialog):
    """Print or save a document for one person, previewed as it will print.

    Made once and reused: `show_for` reads the person in the background and opens the dialog.
    `ready` is emitted when a preview is shown; `printed` with the pages sent to the printer;
    `arranged` with the person's id when the worker records that their format was arranged.
    """

    ready = Signal()
    printed = Signal(int)
    arranged = Signal(str)

    def __init__(self, source: PrintSource, runner: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print")
        refit_on_show(self, QSize(1100, 820))
        self._source = source
        self._runner = runner
        self._file: PersonFile | None = None
        self._context: PrintContext | None = None
        self.pdf: bytes = b""
        self._loaded: LoadedPdf | None = None
        self.run: PrintRun | None = None
        self.printer = new_printer()
        self._print_dialog: QPrintDialog | None = None

        self.kind = named(QComboBox(), "Document")
        self.kind.currentIndexChanged.connect(lambda _index: self._build())
        self.standard = named(QRadioButton("&Standard print"), "Standard print, 12 to 14 point")
        self.large = named(QRadioButton("&Large print"), "Large print, 16 to 24 point")
        self.easy_read = named(
            QRadioButton("&Easy Read"), "Easy Read: My plan in short sentences with pictures"
        )
        self._formats = QButtonGroup(self)
        for button in (self.standard, self.large, self.easy_read):
            self._formats.addButton(button)
        self.standard.setChecked(True)
        self._formats.buttonToggled.connect(self._format_chosen)
        self.size = named(QComboBox(), "Text size")
        self.size.currentIndexChanged.connect(lambda _index: self._build())
        self.recorded = hint_label("")
        self.arrangement = ArrangementPanel(source.store, runner, source.today, self)
        self.arrangement.arranged.connect(self.arranged)
        self.state = named(QLabel(), "Preview state")
        self.state.setWordWrap(True)
        self.problem = problem_label()
        self.details_warning = DetailsWarning()  # MainWindow answers its `asked`
        self._person_id = ""

        self.print_button = named(QPushButton("&Print…"), "Print…")
        self.print_button.clicked.connect(self.ask_printer)
        self.save_button = named(QPushButton("Save &as…"), "Save as…")
        self.save_button.clicked.connect(self.ask_file)
        self.close_button = named(QPushButton("Close"), "Close")
        self.close_button.clicked.connect(self.reject)
        self.save_dialog: QFileDialog | None = None

        self.document = QPdfDocument(self)
        self.preview = named(QPdfView(), "Preview of the document")
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setDocument(self.document)

        formats = QHBoxLayout()
        formats.addWidget(self.standard)
        formats.addWidget(self.large)
        formats.addWidget(self.easy_read)
        formats.addStretch(1)
        form = QFormLayout()
        document_label = QLabel("&Document")
        document_label.setBuddy(self.kind)
        form.addRow(document_label, self.kind)
        form.addRow("Print", formats)
        size_label = QLabel("Text si&ze")
        size_label.setBuddy(self.size)
        form.addRow(size_label, self.size)
        form.addRow("", self.recorded)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        choices = QWidget()
        column = QVBoxLayout(choices)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.details_warning)
        column.addWidget(self.arrangement)
        column.addWidget(self.state)
        column.addWidget(self.problem)
        column.addStretch(1)
        column.addLayout(buttons)
        scroll_body(choices)
        choices.setFixedWidth(self.fontMetrics().averageCharWidth() * 54)
        layout = QHBoxLayout(self)
        layout.addWidget(choices)
        layout.addWidget(self.preview, 1)
        self._set_ready(False)

    # --- choosing -----------------------------------------------------------------------------

    def show_for(self, person_id: str) -> None:
        """Open for this person, reading their record afresh in the background."""
        self._person_id = person_id
        self._file = None
        self._show_pdf(b"")
        self._set_ready(False)
        self.kind.clear()
        self._say("Reading the record…")
        source = self._source
        self._runner.read(
            lambda: source.read(person_id),
            lambda read: self._read(*read),
            self._failed,
            latest_of=NAME,
        )
        self.open()
        self.kind.setFocus()

    def read_again(self) -> None:
        """Read the record and who prints it again, keeping the document and size chosen: the
        worker has just changed their details."""
        source, person_id = self._source, self._person_id
        self._runner.read(
            lambda: source.read(person_id),
            lambda read: self._read_again(*read),
            self._failed,
            latest_of=NAME,
        )

    def _read_again(self, file: PersonFile, context: PrintContext) -> None:
        self._file, self._context = file, context
        self.details_warning.show_for(context)
        self._build()

    def _read(self, file: PersonFile, context: PrintContext) -> None:
        self._file, self._context = file, context
        self.details_warning.show_for(context)
        self.setWindowTitle(f"Print for {file.person.display_name}")
        recorded = format_for(file.person)
        self.recorded.setText(
            "Page one records that they read Easy Read."
            if recorded.easy_read
            else "Page one records that they need large print."
            if recorded.large
            else "Page one does not ask for large print or Easy Read."
        )
        self.arrangement.show_person(file.person)
        self.kind.blockSignals(True)
        for kind in kinds_for(file):
            self.kind.addItem(kind.label, kind)
        self.kind.blockSignals(False)
        self.choose_format(recorded)

    def choose_format(self, fmt: PrintFormat) -> None:
        """Show this format as chosen and build the document in it."""
        button = self.easy_read if fmt.easy_read else self.large if fmt.large else self.standard
        self._formats.blockSignals(True)
        button.setChecked(True)
        self._formats.blockSignals(False)
        self._fill_sizes(fmt)

    def _format_chosen(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            formats = {self.easy_read: EASY_READ, self.large: LARGE}
            self._fill_sizes(formats.get(button, STANDARD))

    def _fill_sizes(self, fmt: PrintFormat) -> None:
        self.size.blockSignals(True)
        self.size.clear()
        for size in fmt.sizes:
            self.size.addItem(f"{size} point", size)
        self.size.setCurrentIndex(self.size.findData(fmt.size))
        self.size.blockSignals(False)
        self._build()

    @property
    def chosen_kind(self) -> DocumentKind | None:
        kind = self.kind.currentData()  # Qt hands the choice back as its plain text
        return None if kind is None else DocumentKind(kind)

    @property
    def chosen_format(self) -> PrintFormat:
        """The format chosen, as the chosen document is made in it."""
        fmt = PrintFormat(self.size.currentData(), self.easy_read.isChecked())
        kind = self.chosen_kind
        return fmt if kind is None else format_of(kind, fmt)

    # --- building and showing -----------------------------------------------------------------

    def _build(self) -> None:
        file, context, kind = self._file, self._context, self.chosen_kind
        if file is None or context is None or kind is None:
            return
        fmt = self.chosen_format
        self._set_ready(False)
        self._say("Preparing…")
        self._runner.read(
            lambda: build(kind, file, context, fmt), self._built, self._failed, latest_of=NAME
        )

    def _built(self, pdf: bytes) -> None:
        self._show_pdf(pdf)
        if self.document.status() != QPdfDocument.Status.Ready:
            self._say("The document was made but cannot be shown. Save it and open it instead.")
            self.save_button.setEnabled(True)
            return
        pages = self.document.pageCount()
        said = f"{self.chosen_format.label}: {pages} page{'s' if pages != 1 else ''}."
        if self.easy_read.isChecked() and not self.chosen_format.easy_read:
            said += " Easy Read is made of My plan only; this is in clear print."
        self._say(said)
        self.state.setText(f"{self.state.text()} {unprintable_warning(self._file)}".strip())
        self._set_ready(True)
        self.ready.emit()

    def _failed(self, problem: Exception) -> None:
        self._say("")
        self.problem.setText(f"The document could not be made: {explain(problem)}")
        self.problem.show()

    def _show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        if not pdf:
            self.document.close()
            self._loaded = None
            return
        self._loaded = LoadedPdf(pdf, self.document)
        self.preview.pageNavigator().jump(0, QPointF(0, 0))

    def _say(self, text: str) -> None:
        self.state.setText(text)
        self.problem.hide()

    def _set_ready(self, ready: bool) -> None:
        printing = self.run is not None
        self.print_button.setEnabled(ready and not printing)
        self.save_button.setEnabled(ready)

    # --- saving -------------------------------------------------------------------------------

    def suggested_name(self) -> str:
        kind = self.chosen_kind
        if self._file is None or kind is None:
            return "Document.pdf"
        return file_name(kind, self._file.person.display_name)

    def ask_file(self) -> None:
        """Ask where to save, suggesting a name such as "My plan - Ada Lark.pdf"."""
        if self.save_dialog is None:
            self.save_dialog = QFileDialog(self, "Save the document as a PDF")
            self.save_dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            self.save_dialog.setNameFilter("PDF documents (*.pdf)")
            self.save_dialog.setDefaultSuffix("pdf")
            self.save_dialog.setDirectory(str(Path.home()))
            self.save_dialog.fileSelected.connect(self.save_to)
        self.save_dialog.selectFile(self.suggested_name())
        self.save_dialog.open()

    def save_to(self, path: str) -> bool:
        """Write the document shown to `path`; False, with a message saying why, if it cannot
        be written there."""
        try:
            write_whole(path, self.pdf)
        except CannotWrite as problem:
            self.problem.setText(
                f"The document was not saved to {path}: {problem.why}. "
                "Choose another folder or name."
            )
            self.problem.show()
            return False
        self._say(f"Saved to {path}.")
        return True

    # --- printing -----------------------------------------------------------------------------

    def ask_printer(self) -> None:
        """The system print dialog, for the document shown."""
        if self._print_dialog is None:
            self._print_dialog = print_dialog_for(self.printer, self, self.print_document)
        self._print_dialog.setMinMax(1, max(self.document.pageCount(), 1))
        self._print_dialog.setFromTo(0, 0)
        self.printer.setDocName(self.suggested_name().removesuffix(".pdf"))
        QDialog.open(self._print_dialog)  # QPrintDialog's own open() wants a slot to call

    def print_document(self) -> None:
        """Send the document shown to `printer` as it is set, page by page."""
        if not self.pdf or self.run is not None:
            return
        self.run = PrintRun(self.printer, [self.pdf], self)
        self.run.progress.connect(
            lambda done, total: self._say(f"Printing page {done} of {total}…")
        )
        self.run.finished.connect(self._printed)
        self.run.failed.connect(self._print_failed)
        self._set_ready(True)
        self.run.start()

    def _printed(self, pages: int) -> None:
        self._end_run()
        self._say(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")
        self.printed.emit(pages)

    def _print_failed(self, message: str) -> None:
        self._end_run()
        self.problem.setText(message)
        self.problem.show()

    def _end_run(self) -> None:
        if self.run is not None:
            self.run.deleteLater()
        self.run = None
        self._set_ready(bool(self.pdf))
