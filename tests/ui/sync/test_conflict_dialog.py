"""Two versions of a person's page one, on a real store: the banner on their record, each field
as it was, yours and theirs with who and when, no choice made for the worker, and the choice
stored as a new change that clears the banner and the count."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QRadioButton

from assessor.record import Person
from db.sync.laptop_side import LaptopSync
from db.sync.resolve import open_conflicts
from tests.ui.helpers import open_person
from tests.ui.sync.kit import add_conflict, connect_offline
from ui.sync.conflict_dialog import ConflictDialog

PHONES = ("01632 960001", "01632 960002", "01632 960003")
WORDS = tuple(
    f"{start} She says the stairs frighten her since the fall. " * 12
    for start in ("As it was.", "Yours.", "Bob's.")
)


def with_conflict(store) -> str:
    ann = store.add_person(Person("Ann", WORDS[0], family_name="Example", phone=PHONES[0]))
    add_conflict(store, ann.id, {"phone": PHONES, "presenting_problem": WORDS})
    return ann.id


def opened_from_the_banner(qtbot, window) -> ConflictDialog:
    open_person(window, "Ann")
    banner = window.sync.banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.text.text() == "Two versions of page one need your choice."
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    dialog = window.sync.conflict_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def radios(dialog: ConflictDialog, field: str) -> list[QRadioButton]:
    return dialog.fields[field].choices.buttons()


def test_keep_these_stays_off_until_every_field_has_a_choice(qtbot, make_window, store):
    with_conflict(store)
    dialog = opened_from_the_banner(qtbot, make_window(store))
    every = radios(dialog, "phone") + radios(dialog, "presenting_problem")
    assert every and not any(radio.isChecked() for radio in every)
    assert not dialog.keep.isEnabled()
    assert dialog.progress.text() == "Choose a version of 2 more fields."

    yours, bobs, _own_words = radios(dialog, "phone")
    assert re.fullmatch(r"Yours, \d\d:\d\d 23 Nov 2026", yours.text())
    assert re.fullmatch(r"Bob Example’s, \d\d:\d\d 23 Nov 2026", bobs.text())
    bobs.click()
    assert not dialog.keep.isEnabled()
    assert dialog.progress.text() == "Choose a version of 1 more field."

    own_words = dialog.fields["presenting_problem"].own
    assert own_words.isReadOnly()
    radios(dialog, "presenting_problem")[-1].click()
    assert not own_words.isReadOnly() and dialog.focusWidget() is own_words
    assert dialog.keep.isEnabled()


def test_long_text_is_shown_whole_and_read_only(qtbot, make_window, store):
    with_conflict(store)
    dialog = opened_from_the_banner(qtbot, make_window(store))
    shown = {
        box.toPlainText(): box.isReadOnly()
        for box in dialog.fields["presenting_problem"].findChildren(QPlainTextEdit)
        if box is not dialog.fields["presenting_problem"].own
    }
    assert shown == dict.fromkeys(WORDS, True)


def test_the_choice_is_stored_and_clears_the_banner_and_the_count(qtbot, make_window, store):
    ann = with_conflict(store)
    connect_offline(store)
    window = make_window(store)
    attention = window.sync.indicator.attention
    qtbot.waitUntil(lambda: attention.text() == "Needs attention (1)")
    dialog = opened_from_the_banner(qtbot, window)
    radios(dialog, "phone")[1].click()  # Bob Example's
    radios(dialog, "presenting_problem")[-1].click()
    own_words = dialog.fields["presenting_problem"].own
    own_words.selectAll()
    qtbot.keyClicks(own_words, "The stairs, and going out alone.")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)

    person = store.person(ann)
    assert (person.phone, person.presenting_problem) == (
        PHONES[2],
        "The stairs, and going out alone.",
    )
    assert open_conflicts(store) == []
    assert LaptopSync(store).status().waiting >= 1  # the choice goes with the next sync
    qtbot.waitUntil(lambda: not window.sync.banner.isVisible())
    qtbot.waitUntil(lambda: not attention.isVisible())
    assert window.workspace.page_one.phone.text() == PHONES[2]
