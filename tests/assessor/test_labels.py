"""Each choice keeps its own wording, even where two kinds of choice share a stored code."""

from __future__ import annotations

from assessor.record import (
    ContactPreference,
    ConversationKind,
    InformationFormat,
    Place,
    Relationship,
    Route,
)
from assessor.short_term import HelpKind, HelpOutcome


def test_choices_sharing_a_code_keep_their_own_labels() -> None:
    assert ContactPreference.PHONE.label == "Phone"
    assert Place.PHONE.label == "Phone call"
    assert Route.HOSPITAL.label == "Hospital"
    assert HelpOutcome.HOSPITAL.label == "Admitted to hospital"
    assert Place.HOSPITAL.label == "Hospital"
    assert HelpKind.OTHER.label == "Other short-term help"
    assert Route.OTHER.label == Place.OTHER.label == Relationship.OTHER.label == "Other"
    assert Relationship.CARER.label == "Carer"
    assert ConversationKind.CARER.label == "Carer’s conversation"


def test_a_choice_keeps_its_code_as_its_value_and_declares_its_label() -> None:
    assert ContactPreference("text_message") is ContactPreference.TEXT_MESSAGE
    assert ContactPreference.TEXT_MESSAGE.value == str(ContactPreference.TEXT_MESSAGE)
    assert ContactPreference.TEXT_MESSAGE == "text_message"
    assert ContactPreference.TEXT_MESSAGE.label == "Text message"
    assert InformationFormat.LARGE_PRINT.label == "Large print"
