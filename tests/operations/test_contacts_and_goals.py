"""Contacts, conversations, goals and reviews: the effect in the store and the report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from assessor.conflicts import EditConflict
from assessor.goals import Goal, GoalKind, Review
from assessor.operations.contacts import add_contact, set_entry, update_contact
from assessor.operations.goals import add_goal, change_goal, review_goal
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.record import Contact, ConversationKind, Entry, Place
from assessor.validation import InvalidInput
from db.store import Store

TODAY = date.today()


def test_a_contact_and_its_conversation_report_the_person(store: Store, person_id: str) -> None:
    started = add_contact(store, Contact(person_id, TODAY, worker="Test Worker"))
    # A newer contact closes the follow-up the last one agreed.
    assert started.changes == OpChanges.of([person_id], RecordKind.CONTACT, RecordKind.FOLLOW_UP)
    contact_id = started.value.id
    moved = update_contact(store, person_id, contact_id, {"place": Place.HOME_VISIT}, None)
    assert store.contacts(person_id)[0].place is Place.HOME_VISIT
    assert moved.changes == OpChanges.of([person_id], RecordKind.CONTACT)
    said = set_entry(store, person_id, contact_id, "good_life", Entry("My garden"), 0)
    assert store.conversation(contact_id).entries["good_life"].text == "My garden"
    assert said.value == 1
    assert said.changes == OpChanges.of([person_id], RecordKind.CONTACT)


def test_a_carers_conversation_also_changes_what_is_theirs_as_a_carer(
    store: Store, person_id: str
) -> None:
    started = add_contact(store, Contact(person_id, TODAY, kind=ConversationKind.CARER))
    assert started.changes.touches(RecordKind.CONTACT, RecordKind.CARER)
    assert started.changes.kinds == {RecordKind.CONTACT, RecordKind.CARER, RecordKind.FOLLOW_UP}


def test_goals_are_added_changed_and_reviewed(store: Store, person_id: str) -> None:
    added = add_goal(store, Goal(person_id, "Walk to the shop", TODAY))
    assert added.changes == OpChanges.of([person_id], RecordKind.GOAL)
    goal = added.value
    wanted = replace(goal, words="Walk to the shop and back", kind=GoalKind.REABLEMENT)
    changed = change_goal(store, goal, replace(wanted, set_on=TODAY - timedelta(days=9)))
    (stored,) = store.goals(person_id)
    assert (stored.words, stored.kind, stored.set_on) == (wanted.words, wanted.kind, TODAY)
    assert changed.value.stamp.revision == stored.stamp.revision
    reviewed = review_goal(store, person_id, Review(goal.id, 1, TODAY))
    assert [review.rating for review in store.reviews([goal.id])[goal.id]] == [1]
    assert reviewed.changes == OpChanges.of([person_id], RecordKind.GOAL)


def test_a_goal_changed_elsewhere_is_not_overwritten(store: Store, person_id: str) -> None:
    goal = add_goal(store, Goal(person_id, "Cook a meal", TODAY)).value
    change_goal(store, goal, replace(goal, words="Cook a hot meal"))
    with pytest.raises(EditConflict):
        change_goal(store, goal, replace(goal, words="Cook"))
    assert store.goals(person_id)[0].words == "Cook a hot meal"


def test_a_review_in_the_future_is_refused(store: Store, person_id: str) -> None:
    goal = add_goal(store, Goal(person_id, "Sleep through", TODAY)).value
    with pytest.raises(InvalidInput, match="future"):
        review_goal(store, person_id, Review(goal.id, 0, TODAY + timedelta(days=1)))
    assert store.reviews([goal.id])[goal.id] == []
