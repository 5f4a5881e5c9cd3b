"""Plans for everyone with a contact today, printed in one go.

Each plan is built in the format the person's page one records, as one job of the runner, off
the GUI thread, with progress shown and a Cancel that stops before the next person. Then one
print dialog, and the pages are painted one per turn of the event loop (Qt paints on the GUI
thread), so the window stays responsive throughout.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.validation import format_date
from db.failures import explain
from ui.kit.forms import named
from ui.kit.screen_fit import refit_on_show
from ui.printing.print_run import PrintRun, new_printer, print_dialog_for
from ui.printing.print_source import PrintSource

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog

    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Job, Runner


def people_seen_on(store: StorePort, day: date) -> list[str]:
    """The ids of everyone with a contact dated `day`, in caseload order."""
    return [
        person.id
        for person in store.findable_people()
        if any(contact.on == day for contact in store.contacts(person.id))
    ]


class BatchPrintDialog(QDialog):
    """Finds who had a contact today, prepares their plans, asks for a printer and prints.

    Made once and reused; it does not block the main window. `prepared` is emitted when the
    plans are ready and the print dialog opens; `outcome` with what happened, in words.
    """

    prepared = Signal()
    outcome = Signal(str)

    def __init__(self, source: PrintSource, runner: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print plans for everyone with a contact today")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self._source = source
        self._runner = runner
        self._stage = ""  # finding, preparing, asking or printing; empty when nothing runs
        self._cancelled = False
        self._people = 0
        self.plans: list[tuple[str, bytes]] = []
        self.printer = new_printer()
        self.print_dialog: QPrintDialog | None = None
        self.job: Job | None = None  # preparing the plans
        self.run: PrintRun | None = None

        self.message = named(QLabel(), "What is happening")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.bar = named(QProgressBar(), "Progress")
        self.button = named(QPushButton("Cancel"), "Cancel")
        self.button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        refit_on_show(self)

    @property
    def busy(self) -> bool:
        return bool(self._stage)

    def start(self) -> None:
        """Begin, or bring the running batch to the front."""
        self.show()
        self.activateWindow()
        if self.busy:
            return
        self._stage, self._cancelled, self.plans = "finding", False, []
        self._set_button("Cancel")
        self._say("Finding the people with a contact today…")
        self.bar.show()
        self.bar.setRange(0, 0)
        today = self._source.today()
        store = self._source.store
        self._runner.read(
            lambda: people_seen_on(store, today),
            self._found,
            lambda problem: self._finish(f"Your records could not be read: {explain(problem)}"),
        )

    def _found(self, people: list[str]) -> None:
        if self._cancelled:
            self._finish("Cancelled: nothing was printed.")
            return
        if not people:
            day = format_date(self._source.today())
            self._finish(
                f"No one has a contact dated today ({day}), so there are no plans to print."
            )
            return
        self._stage, self._people = "preparing", len(people)
        self.bar.setRange(0, len(people))
        self.bar.setFormat("%v of %m plans")
        self._preparing(0, len(people))
        source = self._source

        def prepare(job: Job) -> list[tuple[str, bytes]]:
            plans: list[tuple[str, bytes]] = []
            for person_id in people:
                if job.cancelled:
                    break
                plans.append(source.plan(person_id))
                job.progress(len(plans), len(people))
            return plans

        self.job = self._runner.job(
            prepare,
            self._prepared,
            lambda problem: self._finish(f"The plans could not be prepared: {explain(problem)}"),
            self._preparing,
        )

    def _preparing(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        if not self._cancelled:
            self._say(f"Preparing plans: {done} of {total} ready…")

    def _prepared(self, plans: list[tuple[str, bytes]]) -> None:
        self.job = None
        if len(plans) < self._people:
            self._finish(
                f"Cancelled after preparing {len(plans)} of {self._people} plans: nothing was "
                "printed."
            )
            return
        self.plans = plans
        self._stage = "asking"
        self._say(f"{_count(len(plans), 'plan')} ready: {_names(plans)}. Choose a printer.")
        if self.print_dialog is None:
            self.print_dialog = print_dialog_for(self.printer, self, self.print_plans)
            self.print_dialog.rejected.connect(
                lambda: self._finish("Not printed: the print dialog was closed.")
            )
        self.printer.setDocName(f"Plans for {format_date(self._source.today())}")
        self.prepared.emit()
        QDialog.open(self.print_dialog)  # QPrintDialog's own open() wants a slot to call

    def print_plans(self) -> None:
        """Print the plans prepared on `printer` as it is set, page by page."""
        if not self.plans or self.run is not None:
            return
        self._stage = "printing"
        self._set_button("Cancel")
        self.run = PrintRun(self.printer, [pdf for _name, pdf in self.plans], self)
        self.bar.setRange(0, self.run.total)
        self.bar.setFormat("%v of %m pages")
        self.run.progress.connect(self._printing)
        self.run.finished.connect(self._printed)
        self.run.failed.connect(self._finish)
        self.run.start()

    def _printing(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        self._say(f"Printing page {done} of {total}…")

    def _printed(self, pages: int) -> None:
        total = self.run.total if self.run is not None else pages
        if pages < total:
            self._finish(f"Printing stopped after {pages} of {total} pages.")
        else:
            self._finish(
                f"Printed {_count(len(self.plans), 'plan')}, {_count(pages, 'page')}: "
                f"{_names(self.plans)}."
            )

    def _finish(self, message: str) -> None:
        self.job = None
        if self.run is not None:
            self.run.deleteLater()
            self.run = None
        self._stage = ""
        # A full bar reading "Done" looked like a button to press: once finished, the message
        # alone says what happened, and the button beneath it closes.
        self.bar.hide()
        self._say(message)
        self._set_button("Close")
        self.outcome.emit(message)

    def reject(self) -> None:
        """Cancel (or Escape) stops what is running, before the next person or page; once
        nothing runs it closes."""
        if not self.busy:
            super().reject()
            return
        self._cancelled = True
        self.stop()
        self._say("Stopping…")

    def stop(self) -> None:
        """Stop what is running before the next person or page (the app may be closing: the
        window then waits for the runner)."""
        if self.job is not None:
            self.job.cancel()
        if self.run is not None:
            self.run.cancel()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _set_button(self, text: str) -> None:
        self.button.setText(text)
        self.button.setAccessibleName(text)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def _names(plans: Sequence[tuple[str, bytes]], most: int = 4) -> str:
    """The people's names, the first few only when there are many, so the message stays short."""
    names = [name for name, _pdf in plans]
    if len(names) > most:
        names = [*names[: most - 1], f"{len(names) - most + 1} others"]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
