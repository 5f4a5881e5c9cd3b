"""A huge paste gets the field's limit in plain words; nothing is cut and nothing half-stored."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_person

HUGE = "All about the allotment. " * 200_000  # 5,000,000 characters


def test_a_five_megabyte_paste_into_page_two_is_refused_with_its_length(
    qtbot, window, example_store
):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    field = window.workspace.contacts.conversation.fields["what_matters"]
    field.text.setFocus()
    QApplication.clipboard().setText(HUGE)
    field.text.paste()
    window.autosaver.flush()
    contact_id = example_store.contacts(person_id)[0].id  # stored by the paste, for the draft
    assert field.error.isVisible()
    assert "at most 20,000 characters; this has 5,000,000" in field.error.text()
    assert example_store.conversation(contact_id).text("what_matters") == ""
    (draft,) = example_store.drafts()
    assert len(draft.text) == len(HUGE), "kept whole as a draft, not cut"
    assert "Not saved: What matters to them" in window.save_state.text()


def test_a_paste_into_a_one_line_field_is_not_cut_silently(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    name = window.workspace.page_one.first_names
    name.setFocus()
    name.selectAll()
    QApplication.clipboard().setText("Tomasz " * 10_000)
    name.paste()
    window.autosaver.flush()
    message = window.workspace.page_one.binder.message("first_names")
    assert "First names can be at most 100 characters; this has 70,000" in message.text()
    assert example_store.person(person_id).first_names == "Tomasz"
