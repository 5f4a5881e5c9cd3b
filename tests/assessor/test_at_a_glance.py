"""What the top of a record says: alerts line by line, and the conversation going on now."""

from __future__ import annotations

from datetime import date

from assessor.at_a_glance import alert_lines, current_kind
from assessor.record import Contact, ConversationKind, Person

ON = date(2026, 11, 23)


def test_alerts_are_the_lines_typed_without_blank_ones() -> None:
    person = Person("Ada", "", alerts="  Do not visit alone \n\n Dog\n")
    assert alert_lines(person) == ["Do not visit alone", "Dog"]
    assert alert_lines(Person("Ada", "")) == []


def test_the_current_kind_is_the_newest_chosen_and_not_entered_in_error() -> None:
    newest_first = [
        Contact("p", ON),  # just started, its kind not chosen yet
        Contact("p", ON, kind=ConversationKind.LONG_TERM, in_error_reason="Wrong person"),
        Contact("p", ON, kind=ConversationKind.AT_RISK),
        Contact("p", ON, kind=ConversationKind.CONNECT),
    ]
    assert current_kind(newest_first) is ConversationKind.AT_RISK
    assert current_kind([Contact("p", ON)]) is None
    assert current_kind([]) is None
