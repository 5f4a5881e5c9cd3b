"""The print window acts on the format page one records: Easy Read is chosen for a person who
reads it, and can be chosen for anyone; for braille, audio, BSL or an interpreter it says what
must be arranged, and the worker records that it was."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from assessor.documents import DocumentKind
from db.store import Store
from tests.ui.helpers import open_person
from tests.ui.test_keyboard_and_names import unnamed_controls
from tests.ui.test_printing import open_print, pdf_text, rebuilt
from ui.kit.runner import Runner
from ui.printing.print_window import PrintDialog
from ui.shell.main_window import MainWindow

PRINTED_ON = date(2026, 11, 23)


@pytest.fixture
def dated_window(qtbot, example_store: Store) -> MainWindow:
    """The main window on the example caseload, with the day fixed."""
    window = MainWindow(example_store, "Test Worker", Runner(), today=lambda: PRINTED_ON)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_a_person_who_reads_easy_read_is_offered_it_first(qtbot, window):
    dialog = open_print(qtbot, window, "Des")
    assert dialog.easy_read.isChecked() and dialog.size.currentText() == "16 point"
    assert "Easy Read" in dialog.recorded.text()
    assert "This is my plan in Easy Read." in pdf_text(dialog.pdf)
    assert "Easy Read, 16 point" in dialog.state.text()
    assert not dialog.arrangement.isVisible(), "Easy Read is printed here: nothing to arrange"
    # Easy Read is made of My plan only: the record keeps clear print at its size.
    rebuilt(qtbot, dialog, lambda: dialog.kind.setCurrentIndex(dialog.kind.count() - 1))
    assert dialog.chosen_kind is DocumentKind.RECORD
    assert "Record of our conversation" in pdf_text(dialog.pdf)
    assert "Large print, 16 point" in dialog.state.text()
    assert "Easy Read is made of My plan only" in dialog.state.text()


def test_easy_read_can_be_chosen_for_anyone_by_keyboard(qtbot, window):
    dialog = open_print(qtbot, window, "Priya")
    assert dialog.standard.isChecked()
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        QTest.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert dialog.easy_read.isChecked()
    sizes = [dialog.size.itemText(i) for i in range(dialog.size.count())]
    assert sizes[0] == "14 point" and sizes[-1] == "24 point" and "12 point" not in sizes
    assert "This is my plan in Easy Read." in pdf_text(dialog.pdf)
    assert unnamed_controls(dialog) == []


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("Win", "Win needs this as audio: print it, then arrange an audio recording"),
        ("Eileen", "Eileen uses British Sign Language: arrange a BSL interpreter"),
        ("Tomek", "Tomek needs an interpreter (Polish): arrange one"),
    ],
)
def test_the_window_says_what_must_be_arranged(qtbot, window, name, says):
    dialog = open_print(qtbot, window, name)
    assert dialog.arrangement.isVisible()
    assert dialog.arrangement.note.text().startswith(says)
    assert dialog.arrangement.done.text() == "Not yet recorded as arranged."
    dialog.reject()
    dialog = open_print(qtbot, window, "Priya")
    assert not dialog.arrangement.isVisible()


def test_braille_is_to_be_arranged_as_page_one_records_it(qtbot, window, example_store):
    """Page one's choice, made as a worker makes it, is what the print window reads."""
    person_id = open_person(window, "Priya")
    choice = window.workspace.page_one.information_format
    choice.setCurrentIndex(choice.findText("Braille"))
    choice.activated.emit(choice.currentIndex())
    qtbot.waitUntil(lambda: example_store.person(person_id).information_format is not None)
    dialog = open_print(qtbot, window, "Priya")
    assert dialog.arrangement.note.text() == (
        "Priya needs this in braille: print it, then arrange a braille copy through the "
        "council's accessible formats service."
    )


def test_the_worker_records_that_it_was_arranged(qtbot, dated_window, example_store):
    window = dated_window
    dialog: PrintDialog = open_print(qtbot, window, "Win")
    panel = dialog.arrangement
    # Nothing said: nothing stored, and the worker is told what to write.
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.problem.isVisible)
    assert "Say how it was arranged" in panel.problem.text()

    qtbot.keyClicks(panel.how, "Audio CD ordered from the accessible formats service")
    with qtbot.waitSignal(dialog.arranged, timeout=10000):
        qtbot.keyClick(panel.how, Qt.Key.Key_Return)
    stored = example_store.person(window.workspace.person_id)
    assert stored.format_arranged == "Audio CD ordered from the accessible formats service"
    assert stored.format_arranged_on == PRINTED_ON
    assert panel.done.text() == (
        "Recorded as arranged on 23 Nov 2026: Audio CD ordered from the accessible formats service"
    )
    assert panel.how.text() == "" and not panel.problem.isVisible()
    # Page one was read again: it goes on saving from the revision just made.
    dialog.reject()
    page_one = window.workspace.page_one
    page_one.communication_needs.setFocus()
    qtbot.keyClicks(page_one.communication_needs, " Prefers mornings.")
    assert window.autosaver.flush()
    assert "Prefers mornings." in example_store.person(stored.id).communication_needs
    assert example_store.person(stored.id).format_arranged_on == PRINTED_ON
