"""The Carers tab: a person's carers, what those carers agreed to share, and whom the person
cares for; changing, ending and adding caring roles; and the privacy rule."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QMessageBox, QPlainTextEdit, QWidget

from assessor.carers import CaringRole
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.record import Contact, ConversationKind, Entry, Person
from assessor.search import PeopleIndex
from tests.ui.test_keyboard_and_names import unnamed_controls
from ui.carers.tab import CarersTab

SHARED = "I manage the mornings but the nights wear me down"
PRIVATE = "Some nights I could scream, and I cannot tell him that"


@pytest.fixture
def people(store) -> dict[str, str]:
    """Jo Wren cares for Ada Lark and Bob Finch; Bob's other carer is Kit Moss."""
    ada = store.add_person(Person("Ada", "Help at home", family_name="Lark"))
    bob = store.add_person(Person("Bob", "Getting out", family_name="Finch"))
    jo = store.add_person(Person("Jo", "", family_name="Wren"))
    kit = store.add_person(Person("Kit", "", family_name="Moss"))
    store.add_caring_role(
        CaringRole(
            jo.id,
            ada.id,
            what_they_do="Meals and medicines",
            hours_a_week=20,
            since=date(2024, 3, 1),
            live_together=True,
        )
    )
    store.add_caring_role(CaringRole(jo.id, bob.id, hours_a_week=1, live_together=False))
    store.add_caring_role(CaringRole(kit.id, bob.id, what_they_do="Shopping"))
    return {"ada": ada.id, "bob": bob.id, "jo": jo.id, "kit": kit.id}


@pytest.fixture
def tab(qtbot, store, runner, people) -> CarersTab:
    """The tab as the workspace holds it; a record made here is put in search, as the main
    window does when the runner reports people changed."""
    index = PeopleIndex(store.findable_people())
    shown = CarersTab(store, runner, index)

    def learn(changes: OpChanges, _source: object) -> None:
        if changes.touches(RecordKind.PERSON):
            for person_id in changes.people:
                index.put(store.findable(person_id))

    runner.changes_applied.connect(learn)
    qtbot.addWidget(shown)
    shown.resize(900, 700)
    shown.show()
    return shown


def lines(shown: QListWidget) -> list[str]:
    return [shown.item(row).text() for row in range(shown.count())]


def every_text(root: QWidget) -> str:
    """Everything a worker could read in the tab and its dialogs, shown or not."""
    texts = [label.text() for label in root.findChildren(QLabel)]
    texts += [line.text() for line in root.findChildren(QLineEdit)]
    texts += [text.toPlainText() for text in root.findChildren(QPlainTextEdit)]
    for shown in root.findChildren(QListWidget):
        texts += lines(shown)
    return "\n".join(texts)


def test_a_carer_of_two_and_a_person_with_two_carers(tab, people):
    tab.show_person(people["jo"])
    assert lines(tab.carers.list) == ["No carers recorded."]
    assert lines(tab.cared_for.list) == [
        "Ada Lark\nMeals and medicines · about 20 hours a week · since Mar 2024 · lives with them",
        "Bob Finch\nabout 1 hour a week · does not live with them",
    ]

    tab.show_person(people["bob"])
    assert lines(tab.carers.list) == [
        "Jo Wren\nabout 1 hour a week · does not live with them",
        "Kit Moss\nShopping",
    ]
    assert lines(tab.cared_for.list) == ["They care for no one recorded."]
    assert "Nothing shared by their carers." in every_text(tab.shared)


def test_open_their_record_names_the_other_person(qtbot, tab, people):
    tab.show_person(people["bob"])
    assert not tab.carers.open_button.isEnabled(), "nothing chosen yet"
    tab.carers.list.setCurrentRow(1)
    with qtbot.waitSignal(tab.person_chosen) as opened:
        tab.carers.open_button.click()
    assert opened.args == [people["kit"]]


def test_change_with_bad_hours_keeps_the_dialog_then_saves(qtbot, tab, store, people, runner):
    tab.show_person(people["ada"])
    tab.carers.list.setCurrentRow(0)
    tab.carers.change_button.click()
    dialog = tab.role_dialog
    assert dialog.isVisible()
    assert dialog.fields.hours.text() == "20", "the dialog opens with what is held"

    dialog.fields.hours.setText("lots")
    dialog.accept()
    assert dialog.isVisible()
    assert "whole number" in dialog.fields.hours_error.text()
    dialog.fields.hours.setText("200")
    dialog.accept()
    assert dialog.isVisible()
    assert "between 0 and 168; 200 is not" in dialog.fields.hours_error.text()
    assert store.carers_of(people["ada"])[0].hours_a_week == 20, "nothing half-written"

    dialog.fields.hours.setText("35")
    dialog.fields.live_together.setCurrentIndex(0)
    with qtbot.waitSignal(runner.changes_applied):
        dialog.accept()
    assert not dialog.isVisible()
    (role,) = store.carers_of(people["ada"])
    assert (role.hours_a_week, role.live_together) == (35, None)
    assert lines(tab.carers.list) == [
        "Jo Wren\nMeals and medicines · about 35 hours a week · since Mar 2024"
    ]
    assert tab.carers.confirmation.text() == "Saved the changes: Jo Wren caring for Ada Lark."


def test_no_longer_caring_asks_first_then_ends_the_role(qtbot, tab, store, people, runner):
    tab.show_person(people["jo"])
    tab.cared_for.list.setCurrentRow(1)
    tab.cared_for.end_button.click()
    assert tab.ask_end.isVisible()
    assert tab.ask_end.text() == "Jo Wren no longer cares for Bob Finch?"
    tab.ask_end.button(QMessageBox.StandardButton.No).click()
    assert len(store.roles_as_carer(people["jo"])) == 2

    tab.cared_for.end_button.click()
    with qtbot.waitSignal(runner.changes_applied):
        tab.ask_end.button(QMessageBox.StandardButton.Yes).click()
    assert [role.cared_for_id for role in store.roles_as_carer(people["jo"])] == [people["ada"]]
    assert [role.carer_id for role in store.carers_of(people["bob"])] == [people["kit"]]
    assert lines(tab.cared_for.list)[0].startswith("Ada Lark")
    assert tab.cared_for.confirmation.text() == "Ended: Jo Wren caring for Bob Finch."


def test_link_dialog_finds_people_and_leaves_out_those_already_linked(qtbot, tab, people):
    tab.show_person(people["bob"])
    tab.carers.add_button.click()
    dialog = tab.link_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Ada")
    assert lines(dialog.matches)[0] == "Make a new record for Ada"
    assert lines(dialog.matches)[1].startswith("Lark, Ada")
    dialog.name.setText("Jo Wren")
    assert lines(dialog.matches) == ["Make a new record for Jo Wren"], "Jo already cares for Bob"
    dialog.name.setText("Bob")
    assert lines(dialog.matches) == ["Make a new record for Bob"], "not their own carer"


def test_link_an_existing_person_as_someone_they_care_for(qtbot, tab, store, people, runner):
    tab.show_person(people["kit"])
    tab.cared_for.add_button.click()
    dialog = tab.link_dialog
    qtbot.keyClicks(dialog.name, "Lark")
    dialog.accept()
    assert dialog.isVisible(), "who they are must be chosen"
    assert "Choose who they are" in dialog.message.text()
    dialog.matches.setCurrentRow(1)
    qtbot.keyClicks(dialog.fields.what_they_do, "Visits on Sundays")
    with qtbot.waitSignal(runner.changes_applied) as applied:
        dialog.accept()
    assert applied.args == [OpChanges.of([people["kit"], people["ada"]], RecordKind.CARER), tab]
    (role,) = [r for r in store.roles_as_carer(people["kit"]) if r.cared_for_id == people["ada"]]
    assert role.what_they_do == "Visits on Sundays"
    assert "Ada Lark\nVisits on Sundays" in lines(tab.cared_for.list)


def test_link_dialog_makes_a_new_record_and_says_so(qtbot, tab, store, people, runner):
    tab.show_person(people["ada"])
    tab.carers.add_button.click()
    dialog = tab.link_dialog
    qtbot.keyClicks(dialog.name, "Sam  van Reed")
    dialog.matches.setCurrentRow(0)
    dialog.fields.hours.setText("500")
    dialog.accept()
    assert dialog.isVisible()
    assert "500 is not" in dialog.fields.hours_error.text()
    assert len(store.findable_people()) == 4, "no record is made until the role is right"

    dialog.fields.hours.setText("6")
    with qtbot.waitSignal(runner.changes_applied) as applied:
        dialog.accept()
    changes, source = applied.args
    assert changes.kinds == {RecordKind.PERSON, RecordKind.CARER} and source is tab
    (sam_id,) = changes.people - {people["ada"]}
    sam = store.person(sam_id)
    assert (sam.preferred_name, sam.first_names, sam.family_name) == ("Sam", "Sam van", "Reed")
    assert [role.carer_id for role in store.carers_of(people["ada"])] == [
        people["jo"],
        sam.id,
    ]
    assert lines(tab.carers.list)[1] == "Sam Reed\nabout 6 hours a week"


def test_already_linked_is_said_in_the_dialog_which_keeps_what_was_typed(qtbot, tab, store, people):
    tab.show_person(people["ada"])
    tab.carers.add_button.click()
    dialog = tab.link_dialog
    qtbot.keyClicks(dialog.name, "Kit")
    dialog.matches.setCurrentRow(1)
    store.add_caring_role(CaringRole(people["kit"], people["ada"]))  # meanwhile, elsewhere
    qtbot.keyClicks(dialog.fields.what_they_do, "Laundry")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message.text() == "Kit Moss is already recorded as a carer for Ada Lark."
    assert (dialog.name.text(), dialog.fields.what_they_do.text()) == ("Kit", "Laundry")


def test_only_what_carers_share_reaches_the_person_they_care_for(tab, store, people):
    private = store.add_contact(
        Contact(people["jo"], date(2026, 1, 5), kind=ConversationKind.CARER)
    )
    store.set_entry(private.id, "carer_feelings", Entry(PRIVATE, own_words=True))
    shared = store.add_contact(
        Contact(
            people["jo"],
            date(2026, 2, 9),
            kind=ConversationKind.CARER,
            shared_with_cared_for=True,
        )
    )
    store.set_entry(shared.id, "carer_time", Entry(SHARED, own_words=True))
    store.set_entry(shared.id, "carer_what_would_help", Entry("A sitter one night a week"))

    tab.show_person(people["ada"])
    text = every_text(tab)
    assert "9 Feb 2026 · Jo Wren’s conversation, shared with them" in text
    assert "Time and breaks" in text
    assert "In Jo Wren’s own words:" in text
    assert f"“{SHARED}”" in text
    assert "What would help" in text
    assert "A sitter one night a week" in text
    assert PRIVATE not in text
    assert "Feelings and stress" not in text
    assert "Nothing shared by their carers." not in text


def test_every_control_has_an_accessible_name(tab, people):
    tab.show_person(people["bob"])
    tab.carers.list.setCurrentRow(0)
    tab.carers.change_button.click()
    tab.role_dialog.reject()
    tab.carers.add_button.click()
    assert unnamed_controls(tab) == []
