"""One model of saving, said on screen in one sentence: what is written saves as it is typed; a
review, an outcome or an offer is a record kept as it was, recorded on purpose with its button
(named Record…, never Save…, so the two are not confused)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from tests.ui.helpers import open_person


def texts(root: QWidget) -> list[str]:
    return [label.text() for label in root.findChildren(QLabel)]


def buttons(root: QWidget) -> list[str]:
    return [button.text() for button in root.findChildren(QPushButton)]


def test_a_goal_review_says_it_is_kept_and_is_recorded_on_purpose(window):
    open_person(window, "Peggy")
    window.workspace.tabs.setCurrentWidget(window.workspace.goals)
    panel = window.workspace.goals.panel
    assert "A review is kept as it is once recorded: check it, then Record review." in texts(panel)
    assert panel.save_button.text() == panel.save_button.accessibleName() == "Record review"


def test_an_outcome_says_it_is_kept_and_is_recorded_on_purpose(window):
    open_person(window, "Des")
    window.workspace.tabs.setCurrentWidget(window.workspace.short_term)
    for weeks, box in window.workspace.short_term.outcomes.items():
        record = f"Record {weeks}-week outcome"
        assert f"An outcome is kept as it is once recorded: check it, then {record}." in texts(box)
        assert box.save_button.text() == record


def test_a_carers_support_says_which_saves_as_typed_and_which_is_recorded(window):
    open_person(window, "Bernie")
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.carer_support)
    support = workspace.carer_support
    assert support.saves_as_you_type.text() == "Everything here saves as you type."
    assert support.saves_as_you_type.isVisible(), "shown with her plan"
    review, offer = support.review_dialog, support.offer_dialog
    assert "A review is kept as it is once recorded: check it, then Record review." in texts(review)
    assert "An offer is kept as it is once recorded: check it, then Record the offer." in (
        texts(offer)
    )
    assert "Record review" in buttons(review) and "Record the offer" in buttons(offer)
    assert not [text for text in buttons(review) + buttons(offer) if text.startswith("Save")]
