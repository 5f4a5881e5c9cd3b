"""Which follow-up is still to come: the newest conversation's, unless it was entered in error."""

from __future__ import annotations

from datetime import date

from assessor.follow_up import FollowUp, follow_ups_due, latest_follow_up, newest_follow_ups
from assessor.record import Contact

TODAY = date(2026, 11, 23)


def _contact(person: str, on: date, follow_up: date | None, order: int, **more: str) -> Contact:
    return Contact(
        person, on, follow_up_on=follow_up, id=f"{person}-{order}", recorded_order=order, **more
    )


def test_the_newest_conversation_sets_the_follow_up_and_a_later_one_closes_it() -> None:
    peggy = [
        _contact("peggy", date(2026, 11, 1), date(2026, 11, 20), 1),
        _contact("peggy", date(2026, 11, 10), date(2026, 11, 25), 2),
    ]
    reg = [
        _contact("reg", date(2026, 11, 1), date(2026, 11, 20), 3),
        _contact("reg", date(2026, 11, 21), None, 4),  # the follow-up happened
    ]
    assert newest_follow_ups([*peggy, *reg]) == [FollowUp("peggy", "peggy-2", date(2026, 11, 25))]
    assert latest_follow_up(peggy) == date(2026, 11, 25)
    assert latest_follow_up(reg) is None


def test_of_two_on_one_day_the_one_recorded_later_counts() -> None:
    contacts = [
        _contact("win", TODAY, date(2026, 12, 1), 7),
        _contact("win", TODAY, date(2026, 11, 28), 5),
    ]
    assert latest_follow_up(contacts) == date(2026, 12, 1)


def test_a_contact_entered_in_error_neither_sets_nor_closes_a_follow_up() -> None:
    contacts = [
        _contact("des", date(2026, 11, 1), date(2026, 11, 24), 1),
        _contact("des", date(2026, 11, 5), date(2027, 1, 1), 2, in_error_reason="Wrong person"),
    ]
    assert latest_follow_up(contacts) == date(2026, 11, 24)


def test_due_within_a_week_or_overdue_soonest_first() -> None:
    contacts = [
        _contact("a", date(2026, 11, 1), date(2026, 11, 30), 1),  # in a week: due
        _contact("b", date(2026, 11, 1), date(2026, 12, 1), 2),  # eight days: not yet
        _contact("c", date(2026, 11, 1), date(2026, 11, 2), 3),  # overdue
    ]
    assert [item.person_id for item in follow_ups_due(contacts, TODAY)] == ["c", "a"]
