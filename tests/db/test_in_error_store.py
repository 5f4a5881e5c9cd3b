"""Entered in error on the store, on both backends: what lists read leaves marked rows out, the
whole file keeps them, a mark is refused on a stale revision, and a mark made elsewhere arrives
as a change like any other."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from assessor.carers import CaringRole
from assessor.conflicts import EditConflict
from assessor.goals import Goal, Review
from assessor.record import Contact, Person
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from db.store import Store

SET_ON = date(2026, 3, 2)


@pytest.fixture
def reg(store: Store) -> Person:
    return store.add_person(Person("Reg", "Getting upstairs", family_name="Lowe"))


def test_a_marked_person_leaves_search_and_other_peoples_carers(store: Store, reg: Person) -> None:
    carer_id, _ = store.add_linked_person(
        Person("Ada", "Caring for her brother"), CaringRole(carer_id="", cared_for_id=reg.id)
    )
    assert [role.carer_id for role in store.carers_of(reg.id)] == [carer_id]
    store.update_person(carer_id, {"in_error_reason": "Added twice"}, 1)
    assert {one.id for one in store.findable_people()} == {reg.id}
    assert store.carers_of(reg.id) == []
    assert store.person_file(carer_id).person.in_error_reason == "Added twice"


def test_a_review_mark_is_refused_on_a_stale_revision(store: Store, reg: Person) -> None:
    goal = store.add_goal(Goal(reg.id, "Walk to the shop", SET_ON))
    review = store.add_review(Review(goal.id, 1, date(2026, 4, 1)))
    assert store.mark_review_in_error(review.id, "Wrong goal", 1) == 2
    with pytest.raises(EditConflict):
        store.mark_review_in_error(review.id, "Changed my mind", 1)
    episode = store.add_episode(Episode(reg.id, HelpKind.REABLEMENT, datetime(2026, 3, 2, 9)))
    weekly = store.add_episode_review(EpisodeReview(episode.id, date(2026, 3, 9)))
    assert store.mark_episode_review_in_error(weekly.id, "Wrong episode", 1) == 2
    (kept,) = store.episode_reviews([episode.id])[episode.id]
    assert (kept.in_error_reason, kept.stamp.revision) == ("Wrong episode", 2)


def test_the_due_reads_leave_out_marked_reviews_and_bring_back_marked_outcomes(
    store: Store, reg: Person
) -> None:
    goal = store.add_goal(Goal(reg.id, "Walk to the shop", SET_ON))
    store.add_review(Review(goal.id, -1, date(2026, 4, 1)))
    wrong = store.add_review(Review(goal.id, 2, date(2026, 4, 2)))
    store.mark_review_in_error(wrong.id, "Wrong goal", 1)
    (to_date,) = store.goals_to_date()
    assert (to_date.latest_rating, to_date.closed) == (-1, False)
    episode = store.add_episode(Episode(reg.id, HelpKind.REABLEMENT, datetime(2026, 3, 2, 9)))
    both = {
        "outcome_2_weeks": HelpOutcome.NO_FURTHER_HELP,
        "outcome_2_weeks_on": date(2026, 3, 16),
        "outcome_6_weeks": HelpOutcome.NO_FURTHER_HELP,
        "outcome_6_weeks_on": date(2026, 4, 13),
    }
    store.update_episode(episode.id, both, 1)
    assert store.episodes_awaiting_outcome() == []
    store.update_episode(episode.id, {"outcome_6_weeks_in_error": "Wrong outcome"}, 2)
    assert [e.id for e in store.episodes_awaiting_outcome()] == [episode.id]


def test_a_mark_made_elsewhere_arrives_as_a_change(store: Store, reg: Person) -> None:
    contact = store.add_contact(Contact(reg.id, SET_ON))
    held = store.record_state("contacts", contact.id)
    marked = replace(
        held,
        fields={**held.fields, "in_error_reason": "Recorded for the wrong person"},
        updated_at=held.updated_at + timedelta(hours=1),
        updated_by="Jo Hart (hub)",
        revision=held.revision + 1,
        based_on=held.revision,
    )
    assert store.apply_change(marked)
    assert store.contacts(reg.id) == []
    (kept,) = store.person_file(reg.id).contacts
    assert kept.in_error_reason == "Recorded for the wrong person"
