"""Carers: a caring role changes both people's records; what is the carer's own changes theirs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from assessor.carers import CarerOffer, CarerPlan, CarerReview, CaringRole, OfferResponse, Supported
from assessor.operations.carers import (
    add_carer_record,
    add_linked_person,
    change_caring_role,
    end_caring_role,
    link_carer,
    make_carer_plan,
    record_carer_offer,
    review_carer,
    update_carer_plan,
)
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.operations.people import add_person, add_person_who_matters
from assessor.record import Person, PersonWhoMatters, Relationship
from db.store import Store

TODAY = date.today()


def _carer(store: Store) -> str:
    return add_person(store, Person("Bernie", "Caring for her aunt")).value.id


def test_linking_changing_and_ending_a_role_report_both_people(
    store: Store, person_id: str
) -> None:
    carer_id = _carer(store)
    both = OpChanges.of([carer_id, person_id], RecordKind.CARER)
    linked = link_carer(store, CaringRole(carer_id, person_id))
    assert linked.changes == both
    changed = change_caring_role(store, replace(linked.value, hours_a_week=20))
    assert store.carers_of(person_id)[0].hours_a_week == 20
    assert changed.changes == both
    ended = end_caring_role(store, changed.value)
    assert store.carers_of(person_id) == []
    assert ended.changes == both


def test_a_record_made_for_a_carer_is_reported_as_a_new_person(
    store: Store, person_id: str
) -> None:
    named = add_person_who_matters(
        store, person_id, PersonWhoMatters("Des", Relationship.CARER, is_carer=True)
    ).value
    made = add_carer_record(store, named.id, CaringRole("", person_id, named_as_id=named.id))
    made_id, role = made.value
    assert store.person(made_id).preferred_name == "Des"
    assert role.carer_id == made_id
    assert made.changes == OpChanges.of([made_id, person_id], RecordKind.CARER, RecordKind.PERSON)
    linked = add_linked_person(store, Person("Peggy", ""), CaringRole(made_id, ""))
    peggy_id, _ = linked.value
    assert [r.cared_for_id for r in store.roles_as_carer(made_id)] == [person_id, peggy_id]
    assert linked.changes.people == {made_id, peggy_id}


def test_what_is_the_carers_own_reports_only_them(store: Store) -> None:
    carer_id = _carer(store)
    theirs = OpChanges.of([carer_id], RecordKind.CARER)
    offer = record_carer_offer(store, CarerOffer(carer_id, TODAY, OfferResponse.WANTS_ONE))
    plan = make_carer_plan(store, CarerPlan(carer_id, TODAY))
    written = update_carer_plan(store, carer_id, plan.value.id, {"what_will_help": "A break"}, None)
    next_review = TODAY + timedelta(days=90)
    review = review_carer(store, CarerReview(carer_id, TODAY, Supported.PARTLY), next_review)
    assert [offer.changes, plan.changes, written.changes, review.changes] == [theirs] * 4
    held = store.as_carer(carer_id)
    assert held.plans[0].what_will_help == "A break"
    assert held.plans[0].review_on == next_review
    assert [r.supported for r in held.reviews] == [Supported.PARTLY]
