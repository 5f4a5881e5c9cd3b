"""Marking what was entered by mistake: it leaves every list, stays in the file and the change
log with its reason, and one without a reason is refused with nothing stored."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from assessor.carers import CaringRole
from assessor.goals import Goal, GoalStatus, Review, status
from assessor.operations.contacts import add_contact
from assessor.operations.goals import add_goal, review_goal
from assessor.operations.in_error import (
    mark_contact,
    mark_episode_review,
    mark_goal_review,
    mark_outcome,
    mark_person,
)
from assessor.operations.op_changes import RecordKind
from assessor.operations.short_term import add_episode, record_outcome, review_episode
from assessor.record import Contact, ConversationKind, Person, PersonWhoMatters
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome, outcomes_due
from assessor.validation import InvalidInput
from db.store import Store

SET_ON = date(2026, 3, 2)
LATER = date(2026, 6, 1)


def _history_reasons(store: Store, row_id: str) -> list[object]:
    return [change.changes.get("in_error_reason") for change in store.history([row_id])]


def test_a_person_leaves_every_list_but_not_their_file(store: Store, person_id: str) -> None:
    person = store.person(person_id)
    add_goal(store, Goal(person_id, "Walk to the shop", SET_ON))
    add_episode(store, Episode(person_id, HelpKind.REABLEMENT, datetime(2026, 3, 2, 9)))
    store.add_person_who_matters(person_id, PersonWhoMatters("Ada Lowe", is_carer=True))
    marked = mark_person(store, person, "Added twice; the record is under Reginald Lowe")
    assert marked.changes.touches_person(person_id)
    assert marked.changes.touches(RecordKind.PERSON, RecordKind.GOAL, RecordKind.CARER)
    assert person_id not in {found.id for found in store.findable_people()}
    assert store.goals_to_date() == []
    assert store.episodes_awaiting_outcome() == []
    assert store.carers_to_offer() == []
    kept = store.person_file(person_id).person
    assert kept.in_error_reason == "Added twice; the record is under Reginald Lowe"
    assert "Added twice; the record is under Reginald Lowe" in _history_reasons(store, person_id)


def test_a_reason_is_required_and_nothing_is_stored_without_one(
    store: Store, person_id: str
) -> None:
    person = store.person(person_id)
    with pytest.raises(InvalidInput, match="Say why"):
        mark_person(store, person, "   ")
    assert store.person(person_id).in_error_reason == ""
    assert store.person(person_id).stamp == person.stamp


def test_a_contact_leaves_the_timeline_and_the_plan_but_stays_in_the_file(
    store: Store, person_id: str
) -> None:
    kept = add_contact(store, Contact(person_id, SET_ON, worker="Test Worker")).value
    wrong = add_contact(
        store, Contact(person_id, LATER, kind=ConversationKind.CONNECT, worker="Test Worker")
    ).value
    changes = mark_contact(store, wrong, "Recorded for the wrong person").changes
    assert changes.touches(RecordKind.CONTACT)
    assert changes.touches(RecordKind.FOLLOW_UP), "the Due list's follow-ups are read again"
    assert [c.id for c in store.contacts(person_id)] == [kept.id]
    file = store.person_file(person_id)
    assert {c.id: c.in_error_reason for c in file.contacts} == {
        wrong.id: "Recorded for the wrong person",
        kept.id: "",
    }
    assert [c.id for c in file.counted().contacts] == [kept.id]
    assert "Recorded for the wrong person" in _history_reasons(store, wrong.id)


def test_a_marked_carers_conversation_puts_the_carer_back_on_the_carers_list(
    store: Store, person_id: str
) -> None:
    carer_id, _role = store.add_linked_person(
        Person("Ada", "", family_name="Lowe"), CaringRole(carer_id="", cared_for_id=person_id)
    )
    talk = add_contact(store, Contact(carer_id, SET_ON, kind=ConversationKind.CARER)).value
    assert store.carers_to_offer() == []
    changes = mark_contact(store, talk, "It was Reg's conversation").changes
    assert changes.touches(RecordKind.CARER)
    assert [carer.carer_id for carer in store.carers_to_offer()] == [carer_id]


def test_a_goal_review_no_longer_counts_towards_status_or_due(store: Store, person_id: str) -> None:
    goal = add_goal(store, Goal(person_id, "Walk to the shop", SET_ON)).value
    review_goal(store, person_id, Review(goal.id, -1, date(2026, 4, 1)))
    wrong = review_goal(store, person_id, Review(goal.id, 2, date(2026, 4, 2))).value
    assert status(goal, store.reviews([goal.id])[goal.id]) is GoalStatus.ACHIEVED
    changes = mark_goal_review(store, person_id, wrong, "Rated the wrong goal").changes
    assert changes.touches(RecordKind.GOAL)
    reviews = store.reviews([goal.id])[goal.id]
    assert [r.in_error_reason for r in reviews] == ["", "Rated the wrong goal"]
    assert status(goal, reviews) is GoalStatus.NO_CHANGE
    (to_date,) = store.goals_to_date()
    assert (to_date.latest_rating, to_date.latest_on) == (-1, date(2026, 4, 1))
    assert "Rated the wrong goal" in _history_reasons(store, wrong.id)


def test_a_weekly_review_is_marked_and_left_out_of_what_is_printed(
    store: Store, person_id: str
) -> None:
    episode = add_episode(
        store, Episode(person_id, HelpKind.REABLEMENT, datetime(2026, 3, 2, 9))
    ).value
    wrong = review_episode(
        store, episode, EpisodeReview(episode.id, date(2026, 3, 9)), date(2026, 3, 9)
    ).value
    mark_episode_review(store, person_id, wrong, "Typed on the wrong episode")
    (kept,) = store.episode_reviews([episode.id])[episode.id]
    assert kept.in_error_reason == "Typed on the wrong episode"
    assert store.person_file(person_id).counted().episode_reviews == {episode.id: []}


def test_an_outcome_in_error_is_due_again_and_a_new_one_clears_the_mark(
    store: Store, person_id: str
) -> None:
    episode = add_episode(
        store, Episode(person_id, HelpKind.REABLEMENT, datetime(2026, 3, 2, 9))
    ).value
    today = date(2026, 4, 20)
    episode = record_outcome(
        store, episode, 2, HelpOutcome.DIED, date(2026, 3, 16), "", today
    ).value
    assert [d.weeks for d in outcomes_due(store.episodes_awaiting_outcome(), today)] == [6]
    mark_outcome(store, episode, 2, "Chose the wrong outcome")
    (marked,) = store.episodes(person_id)
    assert marked.outcome(2) == (None, None, "")
    assert marked.outcome_2_weeks is HelpOutcome.DIED  # still held, marked
    assert [d.weeks for d in outcomes_due(store.episodes_awaiting_outcome(), today)] == [2, 6]
    again = record_outcome(
        store, marked, 2, HelpOutcome.NO_FURTHER_HELP, date(2026, 3, 16), "", today
    ).value
    assert again.outcome(2)[0] is HelpOutcome.NO_FURTHER_HELP
    assert store.episodes(person_id)[0].outcome_2_weeks_in_error == ""
    logged = [c.changes.get("outcome_2_weeks_in_error") for c in store.history([episode.id])]
    assert "Chose the wrong outcome" in logged
