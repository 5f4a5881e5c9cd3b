"""People who matter: added, changed and removed from page one, each stored at once."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from assessor.record import Relationship
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
