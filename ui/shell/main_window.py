"""The main window: caseload and search on the left, the chosen person's workspace on the right."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QSplitter, QStackedWidget

from assessor.drafts import Draft
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.operations.people import add_person
from assessor.search import Findable, PeopleIndex
from assessor.unsaved_journal import JOURNAL_FILE_NAME
from db.failures import explain
from db.problems import NotFound
from ui.carers.carers_list import CarersToOffer
from ui.kit.autosave import Autosaver
from ui.kit.clock import Now, Today
from ui.kit.runner import Runner
from ui.kit.wheel_guard import guard_the_wheel
from ui.shell.caseload import CaseloadPanel
from ui.shell.clock_check import ClockCheck
from ui.shell.due import DueList
from ui.shell.left_panel import LeftPanel
from ui.shell.menus import add_menus
from ui.shell.save_state import SaveState
from ui.shell.start_pages import ChoosePage, WelcomePage
from ui.shell.unsaved_questions import UnsavedQuestion, closing_text, leaving_text, waiting_text
from ui.shell.window_memory import WindowMemory

# The workspace, the New person dialog, printing and the example caseload are imported where
# first used: none is needed to show the caseload, and leaving them out shortens the wait to it.

if TYPE_CHECKING:
    from db.store import Store
    from ui.printing.batch_print import BatchPrintDialog
    from ui.printing.print_source import PrintSource
    from ui.printing.print_window import PrintDialog
    from ui.record.new_person import NewPersonDialog
    from ui.shell.workspace import PersonWorkspace


class MainWindow(QMainWindow):
    """The caseload and the chosen person's workspace.

    The store may arrive after the window is shown (`attach_store`; see `ui.app`): until then
    search works on the caseload it was given, and a person chosen meanwhile opens as soon as
    the store is ready.
    """

    store_ready = Signal()
    brought_forward = Signal()  # a second start of the app asked for this window

    def __init__(
        self,
        store: Store | None,
        worker: str,
        runner: Runner,
        people: list[Findable] | None = None,
        today: Today = date.today,
        data_dir: Path | None = None,
        now: Now = lambda: datetime.now().astimezone(),
    ) -> None:
        super().__init__()
        QTimer.singleShot(0, lambda: guard_the_wheel(QApplication.instance()))
        self.setWindowTitle("Assessor: strengths-based conversations")
        self.store: Store | None = None
        self.workspace: PersonWorkspace | None = None
        self.runner = runner
        runner.changes_applied.connect(self._changes_applied)
        runner.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self._worker = worker
        self.today = today
        self.now = now
        self._waiting_for: str | None = None
        self.autosaver = Autosaver(lambda: now().astimezone(UTC), self)
        self._unsaved: UnsavedQuestion | None = None  # made when first needed: it slows a start
        self._close_confirmed = False
        self._new_person_dialog: NewPersonDialog | None = None
        self._data_dir = data_dir  # where team.toml says how people reach the team
        self.print_dialog: PrintDialog | None = None
        self.batch_print: BatchPrintDialog | None = None
        self.index = PeopleIndex(people if people is not None else store.findable_people())
        self.index.everyone()
        # The caseload lives as long as the window: keep Python's cycle collector from walking
        # tens of thousands of its objects in the middle of a keystroke.
        gc.freeze()

        self.caseload = CaseloadPanel(self.index)
        self.caseload.person_chosen.connect(self.open_person)
        self.caseload.new_person_asked.connect(self.new_person)
        self.welcome = WelcomePage(self.new_person, self.load_example_caseload)
        self.choose = ChoosePage()
        self.pages = QStackedWidget()
        for page in (self.welcome, self.choose):
            self.pages.addWidget(page)

        self.due = DueList(self.index)
        self.due.goal_chosen.connect(self.open_goal)
        self.due.episode_chosen.connect(self.open_episode)
        self.due.contact_chosen.connect(self.open_contact)
        self.due.carer_review_chosen.connect(self.open_carer_support)
        self.carers = CarersToOffer(self.index, data_dir)
        self.carers.carer_chosen.connect(self.open_carer_support)
        self.carers.named_carer_chosen.connect(self.open_page_one)
        self.left = LeftPanel(self.caseload, self.due, self.carers, today)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)

        self.save_state = SaveState(self.autosaver, self.statusBar())
        add_menus(self)
        self.clock_check = ClockCheck(self, now)
        self.pages.currentChanged.connect(self._page_changed)
        self.pages.setCurrentWidget(self.welcome if len(self.index) == 0 else self.choose)
        self.caseload.search.setFocus()
        self.memory = WindowMemory(self, self.splitter, data_dir)
        self.memory.restore()
        if store is not None:
            self.attach_store(store)
        else:
            self._enable_store_actions(False)
            self.statusBar().showMessage("Opening your records…")

    def attach_store(self, store: Store) -> None:
        """Take the opened store: the workspace is built and adding people is allowed."""
        from ui.shell.workspace import PersonWorkspace

        self.store = store
        journal = self._data_dir / JOURNAL_FILE_NAME if self._data_dir is not None else None
        self.autosaver.use_drafts(store, journal)
        self.clock_check.run(store.newest_stamp, self.runner)
        self.workspace = PersonWorkspace(
            store, self.runner, self.autosaver, self._worker, self.index, self.today, self.now
        )
        self.workspace.person_chosen.connect(self.show_in_caseload)
        self.pages.addWidget(self.workspace)
        from ui.sync.screens import SyncScreens  # made once the store is open, like the above

        self.sync = SyncScreens(self, store)
        self._enable_store_actions(True)
        self.left.read_from(self.runner, store)
        self.statusBar().clearMessage()
        self.store_ready.emit()
        if self._waiting_for is not None:
            self.open_person(self._waiting_for)

    @property
    def data_dir(self) -> Path | None:
        """The data folder: the store's, and the settings beside it."""
        return self._data_dir

    @property
    def unsaved(self) -> UnsavedQuestion:
        """The question asked before leaving or closing with something typed not saved."""
        if self._unsaved is None:
            self._unsaved = UnsavedQuestion(self)
        return self._unsaved

    def bring_forward(self) -> None:
        """Another start of the app on this store: show this window instead."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.brought_forward.emit()

    def store_failed(self, problem: Exception) -> None:
        QMessageBox.critical(self, "Assessor cannot open your records", explain(problem))
        self.close()

    def _enable_store_actions(self, enabled: bool) -> None:
        for control in (
            self.new_person_action,
            self.new_contact_action,
            self.example_action,
            self.print_today_action,
            self.caseload.new_button,
            self.welcome.new_button,
            self.welcome.example_button,
        ):
            control.setEnabled(enabled)

    # --- actions ------------------------------------------------------------------------------

    def _page_changed(self, _index: int) -> None:
        for action in (self.print_action, self.mark_person_action):
            action.setEnabled(self.pages.currentWidget() is self.workspace)

    def _print_source(self) -> PrintSource:
        from ui.printing.print_source import PrintSource

        return PrintSource(self.store, self._worker, self._data_dir, self.today)

    def print_person(self) -> None:
        """Preview, print or save a document for the person shown; one dialog, reused."""
        if self.pages.currentWidget() is not self.workspace:
            return
        self.autosaver.flush()
        if self.print_dialog is None:
            from ui.printing.print_window import PrintDialog

            self.print_dialog = PrintDialog(self._print_source(), self.runner, self)
            self.print_dialog.details_warning.asked.connect(self.your_details_action.trigger)
            # Page one shows what was arranged, and must write on from the revision it made.
            self.print_dialog.arranged.connect(self._read_person_again)
        self.print_dialog.show_for(self.workspace.person_id)

    def _read_person_again(self, person_id: str) -> None:
        if self.workspace.person_id == person_id:
            self.workspace.show_person(person_id)

    def print_plans_today(self) -> None:
        """Print the plan of everyone with a contact today, in the background."""
        self.autosaver.flush()
        if self.batch_print is None:
            from ui.printing.batch_print import BatchPrintDialog

            self.batch_print = BatchPrintDialog(self._print_source(), self.runner, self)
        self.batch_print.start()

    def focus_search(self) -> None:
        self.left.focus_search()

    def show_due(self) -> None:
        """What is due across the caseload, freshly read."""
        self.left.show_list(self.due)

    def show_carers(self) -> None:
        """Carers not yet offered a conversation of their own, freshly read."""
        self.left.show_list(self.carers)

    def open_goal(self, person_id: str, goal_id: str) -> None:
        """Open the person at their goals, with this goal chosen, ready to review."""
        if self.open_person(person_id):
            self.workspace.tabs.setCurrentWidget(self.workspace.goals)
            self.workspace.goals.select_goal(goal_id)

    def open_episode(self, person_id: str, episode_id: str) -> None:
        """Open the person at their short-term help, with this episode chosen."""
        if self.open_person(person_id):
            self.workspace.tabs.setCurrentWidget(self.workspace.short_term)
            self.workspace.short_term.select_episode(episode_id)

    def open_contact(self, person_id: str, contact_id: str) -> None:
        """Open the person at their contacts, with this contact chosen."""
        if self.open_person(person_id):
            self.workspace.tabs.setCurrentWidget(self.workspace.contacts)
            self.workspace.contacts.select_contact(contact_id)

    def open_carer_support(self, person_id: str) -> None:
        """Open a carer at what is theirs as a carer: the offer, their plan and reviews."""
        if self.open_person(person_id):
            self.workspace.tabs.setCurrentWidget(self.workspace.carer_support)

    def open_page_one(self, person_id: str) -> None:
        """Open a person at page one, where the people who matter to them are."""
        if self.open_person(person_id):
            self.workspace.tabs.setCurrentWidget(self.workspace.page_one)

    def new_person(self) -> None:
        """Open the New person dialog, empty; one dialog is made and reused."""
        self.autosaver.flush()
        if self._new_person_dialog is None:
            from ui.record.new_person import NewPersonDialog

            self._new_person_dialog = NewPersonDialog(self.index, self.today, self)
            self._new_person_dialog.open_existing.connect(self.show_in_caseload)
            self._new_person_dialog.accepted.connect(self._add_person)
        self._new_person_dialog.start()

    def _add_person(self) -> None:
        dialog = self._new_person_dialog
        if dialog is None or dialog.person is None:
            return
        added = dialog.person
        person = self.runner.write_now(lambda: add_person(self.store, added), source=self)
        self.show_in_caseload(person.id)
        self.workspace.tabs.setCurrentWidget(self.workspace.page_one)
        self.workspace.page_one.first_names.setFocus()

    def new_contact(self) -> None:
        if self.pages.currentWidget() is not self.workspace:
            QMessageBox.information(
                self, "New contact", "Choose a person first; the contact is recorded with them."
            )
            return
        self.workspace.tabs.setCurrentWidget(self.workspace.contacts)
        self.workspace.contacts.new_contact()

    def open_person(self, person_id: str) -> bool:
        """Show a person's record; False when it waits for the store or for the worker to
        say whether to leave what the person shown now has not saved."""
        if self.workspace is None:
            self._waiting_for = person_id
            return False
        self._waiting_for = None
        self.autosaver.flush()
        shown = self.workspace.person_id if self.pages.currentWidget() is self.workspace else ""
        drafts = self.autosaver.drafts(shown) if shown and shown != person_id else []
        if drafts:
            self.unsaved.ask(
                leaving_text(self.index.name_of(shown), drafts),
                "Leave it as a draft",
                lambda: self._show_person(person_id),
                lambda: self.go_to_draft(drafts[0]),
            )
            return False
        self._show_person(person_id)
        return True

    def _show_person(self, person_id: str) -> None:
        self.workspace.show_person(person_id)
        self.sync.person_shown(person_id)
        self.pages.setCurrentWidget(self.workspace)

    def go_to_draft(self, draft: Draft) -> None:
        """Back to a field whose text is kept as a draft, with the cursor in it."""
        self.caseload.select(draft.person_id, quietly=True)
        if self.pages.currentWidget() is not self.workspace or (
            self.workspace.person_id != draft.person_id
        ):
            self._show_person(draft.person_id)
        self.workspace.show_draft(draft)

    def show_in_caseload(self, person_id: str) -> None:
        self.caseload.refresh()
        self.caseload.select(person_id)
        self.open_person(person_id)

    def load_example_caseload(self) -> None:
        """Adds the fictional people in the background; running it twice adds nothing."""
        from ui.shell.example_loading import load_example_caseload

        load_example_caseload(self)

    def _changes_applied(self, changes: OpChanges, _source: object) -> None:
        """Search learns of people added or renamed (first: the lists name people as search
        knows them); the Due and Carers tabs are read again where the change touches them."""
        if changes.touches(RecordKind.PERSON):
            self._people_changed(changes.people)
        self.left.refresh(changes)

    def _people_changed(self, person_ids: frozenset[str]) -> None:
        """Search and the list in step with the store: a record made (such as a carer's) is
        findable at once; the person shown stays chosen."""
        found, gone = [], []
        for person_id in person_ids:
            try:
                found.append(self.store.findable(person_id))
            except NotFound:  # entered in error: they leave the caseload
                gone.append(person_id)
                self.index.remove(person_id)
        changed = [one for one in found if one != self.index.get(one.id)]
        for one in changed:
            self.index.put(one)
        if changed or gone:
            self.caseload.refresh()
        if changed and self.workspace is not None and self.workspace.person_id in person_ids:
            self.caseload.select(self.workspace.person_id, quietly=True)

    def close_now(self) -> None:
        """Close without asking (a shutdown or logout): everything is written or kept first."""
        self._close_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Write anything pending before the window goes; if something typed is not saved,
        say so and offer to go back to it."""
        written = self.autosaver.flush()
        drafts = self.autosaver.drafts()
        if not self._close_confirmed and (not written or drafts):
            event.ignore()
            if not written:
                text, carry_on = waiting_text(self.autosaver.problem()), "Close anyway"
            else:
                text, carry_on = closing_text(drafts), "Close, and keep the drafts"
            self.unsaved.ask(
                text, carry_on, self.close_now, lambda: drafts and self.go_to_draft(drafts[0])
            )
            return
        if self.batch_print is not None:
            self.batch_print.stop()
        self.memory.remember()
        self.runner.close()
        event.accept()
