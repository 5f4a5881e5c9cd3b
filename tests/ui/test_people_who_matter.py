"""People who matter: added, changed and removed from page one, each stored at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListWidget, QMessageBox

from assessor.carers import CaringRole
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.record import Person, Relationship
from tests.ui.helpers import open_person


def test_add_change_and_remove_someone(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    section = window.workspace.page_one.people_who_matter
    assert section.list.item(0).text() == "No one recorded yet."

    section.add_button.click()
    dialog = section.dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Agnieszka Nowak")
    dialog.relationship.setCurrentIndex(dialog.relationship.findData(Relationship.FAMILY))
    qtbot.keyClicks(dialog.detail, "Sister")
    dialog.is_carer.click()
    qtbot.keyClicks(dialog.phone, "07700 900303")
    dialog.accept()
    assert section.offer.isVisible(), "a carer is offered a record of their own"
    section.offer.not_now_button.click()
    (stored,) = example_store.person(person_id).people_who_matter
    assert (stored.name, stored.relationship, stored.is_carer) == (
        "Agnieszka Nowak",
        Relationship.FAMILY,
        True,
    )
    assert section.list.item(0).text() == "Agnieszka Nowak · Sister · carer · 07700 900303"

    section.list.setCurrentRow(0)
    section.change_button.click()
    assert dialog.name.text() == "Agnieszka Nowak", "the dialog opens with what is held"
    dialog.detail.setText("Older sister")
    dialog.accept()
    section.offer.reject()
    assert example_store.person(person_id).people_who_matter[0].relationship_detail == (
        "Older sister"
    )

    section.list.setCurrentRow(0)
    section.remove_button.click()
    question = section.findChild(QMessageBox)
    question.button(QMessageBox.StandardButton.Yes).click()
    assert example_store.person(person_id).people_who_matter == []
    assert section.list.item(0).text() == "No one recorded yet."


def test_a_wrong_phone_number_keeps_the_dialog_open(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    section = window.workspace.page_one.people_who_matter
    section.add_button.click()
    qtbot.keyClicks(section.dialog.name, "Dr Okoro")
    qtbot.keyClicks(section.dialog.phone, "0113 496")
    section.dialog.accept()
    assert section.dialog.isVisible()
    assert "10 or 11 digits" in section.dialog.message.text()
    assert section.dialog.name.text() == "Dr Okoro"
    assert example_store.person(person_id).people_who_matter == []


# --- a carer named here, offered a record of their own ---------------------------------------


def lines(shown: QListWidget) -> list[str]:
    return [shown.item(row).text() for row in range(shown.count())]


def name_a_carer(qtbot, section, name: str) -> None:
    section.add_button.click()
    qtbot.keyClicks(section.dialog.name, name)
    section.dialog.is_carer.click()
    section.dialog.accept()


@pytest.fixture
def ada(store) -> str:
    """Ada Lark, with Jo Wren already on the caseload caring for someone else."""
    ada = store.add_person(Person("Ada", "Help at home", family_name="Lark"))
    bob = store.add_person(Person("Bob", "Getting out", family_name="Finch"))
    jo = store.add_person(Person("Jo", "", family_name="Wren"))
    store.add_caring_role(CaringRole(jo.id, bob.id))
    return ada.id


def test_naming_a_carer_offers_a_record_and_not_now_makes_nothing(qtbot, make_window, store, ada):
    window = make_window(store)
    open_person(window, "Ada")
    section = window.workspace.page_one.people_who_matter
    name_a_carer(qtbot, section, "Sam Reed")
    offer = section.offer
    assert offer.isVisible()
    assert offer.intro.text() == (
        "Sam Reed is a carer for Ada Lark. Carers are people in their own right: a record of "
        "their own lets them have a conversation, goals and a plan of their own."
    )
    assert offer.make_button.text() == "Make a record for Sam Reed"
    assert not offer.maybe.isVisibleTo(offer), "no one on the caseload is called Sam Reed"
    people = len(store.findable_people())

    offer.not_now_button.click()
    assert not offer.isVisible()
    assert len(store.findable_people()) == people
    assert store.carers_of(ada) == []
    assert lines(section.list) == ["Sam Reed · carer"]

    section.list.setCurrentRow(0)
    assert section.record_button.isEnabled()
    section.record_button.click()
    assert offer.isVisible(), "Carer’s record… offers again while they have none"
    offer.reject()


def test_make_a_record_creates_the_carer_and_links_them(qtbot, make_window, store, ada):
    window = make_window(store)
    open_person(window, "Ada")
    section = window.workspace.page_one.people_who_matter
    name_a_carer(qtbot, section, "Sam Reed")
    offer = section.offer
    qtbot.keyClicks(offer.fields.what_they_do, "Evening meals")
    offer.fields.hours.setText("10")
    with qtbot.waitSignal(window.runner.changes_applied) as applied:
        offer.make_button.click()
    assert not offer.isVisible()
    changes, source = applied.args
    assert changes.kinds == {RecordKind.PERSON, RecordKind.CARER} and source is section
    (sam_id,) = changes.people - {ada}
    sam = store.person(sam_id)
    assert (sam.preferred_name, sam.family_name, sam.presenting_problem) == ("Sam", "Reed", "")
    (role,) = store.carers_of(ada)
    (named,) = store.person(ada).people_who_matter
    assert (role.carer_id, role.named_as_id) == (sam.id, named.id)
    assert (role.what_they_do, role.hours_a_week) == ("Evening meals", 10)
    assert lines(section.list) == ["Sam Reed · carer, has their own record"]
    assert window.index.get(sam.id) is not None, "search has heard of them"

    section.list.setCurrentRow(0)
    section.change_button.click()
    section.dialog.accept()
    assert not offer.isVisible(), "someone with a record is not offered another"

    section.list.setCurrentRow(0)
    with qtbot.waitSignal(section.person_chosen) as chosen:
        section.record_button.click()
    assert chosen.args == [sam.id]
    assert not offer.isVisible()


def test_a_carer_already_on_the_caseload_can_be_linked_instead(qtbot, make_window, store, ada):
    window = make_window(store)
    open_person(window, "Ada")
    section = window.workspace.page_one.people_who_matter
    name_a_carer(qtbot, section, "Jo Wren")
    offer = section.offer
    assert offer.maybe.isVisibleTo(offer)
    assert lines(offer.matches) == ["Wren, Jo\nNo date of birth, postcode or NHS number yet"]
    offer.fields.hours.setText("a lot")
    offer.matches.setCurrentRow(0)
    people = len(store.findable_people())
    offer.link_button.click()
    assert offer.isVisible()
    assert "whole number" in offer.fields.hours_error.text()

    offer.fields.hours.setText("")
    with qtbot.waitSignal(window.runner.changes_applied) as applied:
        offer.link_button.click()
    (role,) = store.carers_of(ada)
    assert applied.args == [OpChanges.of([role.carer_id, ada], RecordKind.CARER), section]
    assert window.index.get(role.carer_id).display_name == "Jo Wren"
    assert len(store.findable_people()) == people
    assert lines(section.list) == ["Jo Wren · carer, has their own record"]


def test_someone_not_a_carer_is_not_offered_a_record(qtbot, make_window, store, ada):
    window = make_window(store)
    open_person(window, "Ada")
    section = window.workspace.page_one.people_who_matter
    section.add_button.click()
    qtbot.keyClicks(section.dialog.name, "Dr Okoro")
    section.dialog.accept()
    assert not section.offer.isVisible()
    section.list.setCurrentRow(0)
    assert not section.record_button.isEnabled()
