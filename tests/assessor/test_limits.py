"""Limits on typed text, as the interface asks for them, and the message when text is too long."""

from __future__ import annotations

import pytest

from assessor.limits import RecordKind, check_length, limit_for
from assessor.validation import InvalidInput


def test_names_are_short_and_what_people_tell_us_is_long() -> None:
    assert limit_for(RecordKind.PERSON, "family_name") == 100
    assert limit_for(RecordKind.PERSON, "postcode") == len("SW1A 2AA")
    assert limit_for(RecordKind.PERSON, "presenting_problem") == 20_000
    assert limit_for(RecordKind.CONVERSATION_ENTRY, "text") == 20_000
    with pytest.raises(KeyError):
        limit_for(RecordKind.PERSON, "date_of_birth")


def test_the_message_says_how_long_it_may_be_how_long_it_is_and_what_to_do() -> None:
    check_length(RecordKind.PERSON, "phone", "07700 900123, after 2pm, ask for Jo")
    with pytest.raises(InvalidInput) as short:
        check_length(RecordKind.PERSON, "phone", "0" * 32_767)
    assert str(short.value) == (
        "A phone number can be at most 100 characters; this has 32,767. Shorten it."
    )
    with pytest.raises(InvalidInput) as long:
        check_length(RecordKind.PERSON, "presenting_problem", "x" * 5_000_000)
    assert str(long.value) == (
        "What brought them to us can be at most 20,000 characters; this has 5,000,000. "
        "Shorten it, or keep the full text in the council’s case record and a summary here."
    )


def test_characters_are_counted_as_people_see_them() -> None:
    """An accented letter or an emoji is one character, whatever its bytes."""
    check_length(RecordKind.PERSON, "family_name", "é" * 100)
    check_length(RecordKind.PERSON, "family_name", "🙂" * 100)
    with pytest.raises(InvalidInput):
        check_length(RecordKind.PERSON, "family_name", "é" * 101)
