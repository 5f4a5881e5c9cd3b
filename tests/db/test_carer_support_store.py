"""What only carers have, on a real store: the offer of a conversation, their plans and reviews."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assessor.carers import (
    CarerOffer,
    CarerPlan,
    CarerReview,
    CaringRole,
    OfferResponse,
    Supported,
)
from assessor.record import (
    Person,
)
from assessor.validation import InvalidInput
from db.rows import NotFound
from db.store import Store
from tests.db.carer_kit import (
    add_carer_conversation,
    add_person,
    add_role,
    bernie_eileen_and_peggy,
)
from tests.kit.raw_sql import StoreSQL

WORKER = "Test Worker"
TODAY = date.today()


@pytest.fixture
def people(store: Store) -> dict[str, str]:
    """Bernie and two people she could care for; Peggy's page one names Grace as a carer."""
    return bernie_eileen_and_peggy(store)


# --- carers still to be offered a conversation --------------------------------------------------


def test_carers_to_offer_before_and_after_an_offer_and_a_conversation(
    store: Store, people: dict[str, str]
) -> None:
    add_role(store, people["bernie"], people["eileen"])
    add_role(store, people["bernie"], people["peggy"])
    ray = add_person(store, "Ray", "Hartley")
    add_role(store, ray, people["eileen"])
    found = store.carers_to_offer()
    assert [(c.name, c.cared_for_ids, bool(c.carer_id)) for c in found] == [
        ("Bernie Kelly", (people["eileen"], people["peggy"]), True),
        ("Grace Okafor", (people["peggy"],), False),
        ("Ray Hartley", (people["eileen"],), True),
    ]

    offer = store.add_carer_offer(CarerOffer(people["bernie"], TODAY, OfferResponse.NOT_NOW))
    assert offer.id and offer.response is OfferResponse.NOT_NOW
    add_carer_conversation(store, ray, "Ray's words", shared=False)
    assert [c.name for c in store.carers_to_offer()] == ["Grace Okafor"]

    (grace_named,) = store.person(people["peggy"]).people_who_matter
    grace_id, _ = store.add_carer_record(grace_named.id, CaringRole("", ""))
    (grace,) = store.carers_to_offer()
    assert (grace.name, grace.carer_id, grace.named_as_id) == ("Grace Okafor", grace_id, "")


def test_an_offer_needs_a_live_carer(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_carer_offer(CarerOffer("no-such-person", TODAY, OfferResponse.DECLINED))


# --- plans and reviews --------------------------------------------------------------------------


def test_a_carers_plan_is_checked_on_adding_and_changing(
    store: Store, people: dict[str, str], raw: StoreSQL
) -> None:
    bernie = people["bernie"]
    made = TODAY - timedelta(days=10)
    with pytest.raises(InvalidInput, match="would come before the plan was made"):
        store.add_carer_plan(CarerPlan(bernie, made, review_on=made - timedelta(days=1)))
    assert raw.rows("SELECT count(*) FROM carer_plans") == [(0,)]

    plan = store.add_carer_plan(CarerPlan(bernie, made, breaks="Wednesdays", review_on=TODAY))
    store.update_carer_plan(plan.id, {"what_will_help": "A befriender", "review_on": None})
    (held,) = store.as_carer(bernie).plans
    assert (held.what_will_help, held.breaks, held.review_on) == (
        "A befriender",
        "Wednesdays",
        None,
    )
    with pytest.raises(InvalidInput, match="would come before the plan was made"):
        store.update_carer_plan(plan.id, {"review_on": made - timedelta(days=3)})
    with pytest.raises(ValueError, match="made_on"):
        store.update_carer_plan(plan.id, {"made_on": TODAY})
    assert store.as_carer(bernie).plans == [held]


def test_plans_are_newest_first_and_the_due_list_takes_each_carers_newest(
    store: Store, people: dict[str, str]
) -> None:
    bernie, ray = people["bernie"], add_person(store, "Ray", "Hartley")
    old = store.add_carer_plan(CarerPlan(bernie, TODAY - timedelta(days=90)))
    new = store.add_carer_plan(CarerPlan(bernie, TODAY - timedelta(days=5)))
    rays = store.add_carer_plan(CarerPlan(ray, TODAY))
    assert store.as_carer(bernie).plans == [new, old]
    assert sorted(p.id for p in store.all_carer_plans()) == sorted([new.id, rays.id])


def test_reviews_are_appended_oldest_first_and_never_for_a_day_to_come(
    store: Store, people: dict[str, str]
) -> None:
    bernie = people["bernie"]
    with pytest.raises(InvalidInput, match="a day still to come"):
        store.add_carer_review(CarerReview(bernie, TODAY + timedelta(days=1), Supported.YES))
    later = store.add_carer_review(CarerReview(bernie, TODAY, Supported.YES, words="Yes."))
    earlier = store.add_carer_review(
        CarerReview(bernie, TODAY - timedelta(days=14), Supported.PARTLY, words="Partly.")
    )
    assert store.as_carer(bernie).reviews == [earlier, later]
    assert store.all_carer_reviews() == [earlier, later]
    assert (later.supported, later.words) == (Supported.YES, "Yes.")


def test_a_next_review_date_moves_the_newest_plan_with_the_review_or_not_at_all(
    store: Store, people: dict[str, str], raw: StoreSQL
) -> None:
    bernie = people["bernie"]
    review = CarerReview(bernie, TODAY, Supported.PARTLY, words="Some days.")
    with pytest.raises(InvalidInput, match="needs a plan"):
        store.add_carer_review(review, next_review_on=TODAY + timedelta(weeks=6))
    made = TODAY - timedelta(days=30)
    plan = store.add_carer_plan(CarerPlan(bernie, made, review_on=TODAY))
    with pytest.raises(InvalidInput, match="would come before the plan was made"):
        store.add_carer_review(review, next_review_on=made - timedelta(days=1))
    assert raw.rows("SELECT count(*) FROM carer_reviews") == [(0,)], "nothing half-written"

    store.add_carer_review(review, next_review_on=TODAY + timedelta(weeks=6))
    (held,) = store.as_carer(bernie).plans
    assert (held.id, held.review_on) == (plan.id, TODAY + timedelta(weeks=6))
    assert [r.words for r in store.as_carer(bernie).reviews] == ["Some days."]


def test_an_offer_cannot_be_recorded_for_a_day_to_come(
    store: Store, people: dict[str, str]
) -> None:
    offer = CarerOffer(people["bernie"], TODAY + timedelta(days=1), OfferResponse.WANTS_ONE)
    with pytest.raises(InvalidInput, match="a day still to come"):
        store.add_carer_offer(offer)
    assert store.as_carer(people["bernie"]).offers == []


def test_a_new_person_and_their_link_are_made_together(
    store: Store, people: dict[str, str], raw: StoreSQL
) -> None:
    eileen = people["eileen"]
    carer_id, role = store.add_linked_person(
        Person("Sol", "", family_name="Brannigan"), CaringRole("", eileen, hours_a_week=6)
    )
    assert (role.carer_id, role.cared_for_id) == (carer_id, eileen)
    assert store.person(carer_id).display_name == "Sol Brannigan"
    cared_id, role = store.add_linked_person(Person("Tam", ""), CaringRole(carer_id, ""))
    assert [r.cared_for_id for r in store.roles_as_carer(carer_id)] == [eileen, cared_id]

    people_before = raw.rows("SELECT count(*) FROM people")
    with pytest.raises(InvalidInput, match="168"):
        store.add_linked_person(Person("Ugo", ""), CaringRole("", eileen, hours_a_week=200))
    assert raw.rows("SELECT count(*) FROM people") == people_before, "no record without link"


# --- the change log -----------------------------------------------------------------------------


def test_every_carer_row_is_logged(store: Store, people: dict[str, str]) -> None:
    """Roles, offers, plans and reviews each have their inserts, changes and ending logged,
    for sync and for the person's export."""
    bernie = people["bernie"]
    role = add_role(store, bernie, people["eileen"], hours_a_week=15)
    offer = store.add_carer_offer(CarerOffer(bernie, TODAY, OfferResponse.WANTS_ONE))
    plan = store.add_carer_plan(CarerPlan(bernie, TODAY))
    review = store.add_carer_review(CarerReview(bernie, TODAY, Supported.PARTLY))
    store.update_caring_role(role.id, {"hours_a_week": 12})
    store.update_carer_plan(plan.id, {"breaks": "Wednesdays"})
    store.end_caring_role(role.id)

    logged = [
        (c.table, c.row_id, c.operation, c.revision)
        for c in store.history([role.id, offer.id, plan.id, review.id])
    ]
    assert logged == [
        ("caring_roles", role.id, "insert", 1),
        ("carer_offers", offer.id, "insert", 1),
        ("carer_plans", plan.id, "insert", 1),
        ("carer_reviews", review.id, "insert", 1),
        ("caring_roles", role.id, "update", 2),
        ("carer_plans", plan.id, "update", 2),
        ("caring_roles", role.id, "delete", 3),
    ]
    changes = {(c.table, c.operation): c for c in store.history([role.id, plan.id])}
    assert changes["caring_roles", "update"].changes == {"hours_a_week": 12}
    assert changes["carer_plans", "update"].changes == {"breaks": "Wednesdays"}
    assert changes["caring_roles", "insert"].changes["carer_id"] == bernie
    assert {c.changed_by for c in changes.values()} == {WORKER}
