"""Carers on a real store: caring roles between records, the offer of a conversation, plans and
reviews, and the privacy rule: a carer's conversation reaches the person cared for only when the
carer agreed to share it."""

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
from assessor.person_file import AsCarer, PersonFile
from assessor.record import Contact, ConversationKind, Entry, Person, PersonWhoMatters, Relationship
from assessor.validation import InvalidInput
from db.rows import NotFound
from db.store import Store
from tests.kit.raw_sql import StoreSQL

WORKER = "Test Worker"
TODAY = date.today()
PRIVATE = "Some nights I sit in the car outside hers before I go in. Don't tell her."
SHARED = "Wednesday evenings are mine now; the befriender comes."


def _person(store: Store, name: str, family: str, *named: PersonWhoMatters) -> str:
    person = Person(name, "Help at home", family_name=family, people_who_matter=list(named))
    return store.add_person(person).id


@pytest.fixture
def people(store: Store) -> dict[str, str]:
    """Bernie and two people she could care for; Peggy's page one names Grace as a carer."""
    return {
        "bernie": _person(store, "Bernie", "Kelly"),
        "eileen": _person(store, "Eileen", "Brannigan"),
        "peggy": _person(
            store,
            "Peggy",
            "Okafor",
            PersonWhoMatters(
                "Grace Okafor",
                Relationship.FAMILY,
                "Daughter",
                phone="07700 900101",
                email="grace@example.org",
                is_carer=True,
            ),
        ),
    }


def _role(store: Store, carer: str, cared_for: str, **kw: object) -> CaringRole:
    return store.add_caring_role(CaringRole(carer, cared_for, **kw))  # type: ignore[arg-type]


def _carer_conversation(store: Store, carer: str, text: str, shared: bool) -> Contact:
    contact = store.add_contact(
        Contact(carer, TODAY, kind=ConversationKind.CARER, shared_with_cared_for=shared)
    )
    topic = "carer_what_would_help" if shared else "carer_feelings"
    store.set_entry(contact.id, topic, Entry(text, own_words=True))
    return contact


# --- caring roles -------------------------------------------------------------------------------


def test_one_carer_caring_for_two_people(store: Store, people: dict[str, str]) -> None:
    """Each pair is its own role; the carer's record lists both, each person their carer."""
    eileen = _role(
        store,
        people["bernie"],
        people["eileen"],
        what_they_do="Signs for her",
        hours_a_week=15,
        since=date(2024, 9, 1),
        live_together=False,
    )
    peggy = _role(store, people["bernie"], people["peggy"], hours_a_week=4)
    assert eileen.id and eileen.stamp is not None and eileen.stamp.updated_by == WORKER
    assert (eileen.what_they_do, eileen.hours_a_week, eileen.since, eileen.live_together) == (
        "Signs for her",
        15,
        date(2024, 9, 1),
        False,
    )
    assert store.roles_as_carer(people["bernie"]) == [eileen, peggy]
    assert store.carers_of(people["eileen"]) == [eileen]
    assert store.carers_of(people["peggy"]) == [peggy]
    assert store.person_file(people["bernie"]).as_carer.roles == [eileen, peggy]
    assert store.person_file(people["peggy"]).carers == [peggy]


def test_one_person_with_two_carers(store: Store, people: dict[str, str]) -> None:
    ray = _person(store, "Ray", "Hartley")
    first = _role(store, people["bernie"], people["eileen"])
    second = _role(store, ray, people["eileen"])
    assert store.carers_of(people["eileen"]) == [first, second]
    assert store.roles_as_carer(ray) == [second]


def test_a_pair_is_linked_once_with_a_plain_message(
    store: Store, raw: StoreSQL, people: dict[str, str]
) -> None:
    _role(store, people["bernie"], people["eileen"])
    with pytest.raises(InvalidInput) as refused:
        _role(store, people["bernie"], people["eileen"], hours_a_week=3)
    assert str(refused.value) == "Bernie Kelly is already recorded as a carer for Eileen Brannigan."
    assert raw.rows("SELECT count(*) FROM caring_roles") == [(1,)]


def test_roles_are_checked_and_need_live_people(store: Store, people: dict[str, str]) -> None:
    with pytest.raises(InvalidInput, match="their own carer"):
        _role(store, people["bernie"], people["bernie"])
    with pytest.raises(InvalidInput, match="between 0 and 168"):
        _role(store, people["bernie"], people["eileen"], hours_a_week=200)
    with pytest.raises(NotFound):
        _role(store, people["bernie"], "no-such-person")
    assert store.roles_as_carer(people["bernie"]) == []


def test_a_carer_named_on_page_one_gets_a_record_of_their_own(
    store: Store, people: dict[str, str]
) -> None:
    """The new record takes the name, phone and email page one gave, and the role says which
    entry named them."""
    (grace_named,) = store.person(people["peggy"]).people_who_matter
    grace_id, role = store.add_carer_record(
        grace_named.id, CaringRole("", "", what_they_do="The big shop", hours_a_week=6)
    )
    grace = store.person(grace_id)
    assert (grace.preferred_name, grace.first_names, grace.family_name) == (
        "Grace",
        "Grace",
        "Okafor",
    )
    assert (grace.phone, grace.email) == ("07700 900101", "grace@example.org")
    assert (role.carer_id, role.cared_for_id, role.named_as_id) == (
        grace_id,
        people["peggy"],
        grace_named.id,
    )
    assert (role.what_they_do, role.hours_a_week) == ("The big shop", 6)
    assert store.carers_of(people["peggy"]) == [role]


def test_a_carer_record_that_fails_its_checks_leaves_nothing_behind(
    store: Store, people: dict[str, str]
) -> None:
    (grace_named,) = store.person(people["peggy"]).people_who_matter
    before = len(store.findable_people())
    with pytest.raises(InvalidInput, match="between 0 and 168"):
        store.add_carer_record(grace_named.id, CaringRole("", "", hours_a_week=-2))
    assert len(store.findable_people()) == before
    assert store.carers_of(people["peggy"]) == []


def test_a_single_name_on_page_one_becomes_the_name_they_go_by(store: Store) -> None:
    win = _person(store, "Win", "Ashby", PersonWhoMatters("Dot", is_carer=True))
    (dot_named,) = store.person(win).people_who_matter
    dot_id, _ = store.add_carer_record(dot_named.id, CaringRole("", ""))
    dot = store.person(dot_id)
    assert (dot.preferred_name, dot.first_names, dot.family_name) == ("Dot", "", "")


def test_a_role_can_be_changed_and_checked_as_a_whole(store: Store, people: dict[str, str]) -> None:
    role = _role(store, people["bernie"], people["eileen"], hours_a_week=15)
    store.update_caring_role(role.id, {"hours_a_week": 20, "live_together": True})
    (changed,) = store.carers_of(people["eileen"])
    assert (changed.hours_a_week, changed.live_together) == (20, True)
    assert changed.stamp is not None and changed.stamp.revision == 2
    with pytest.raises(InvalidInput, match="between 0 and 168"):
        store.update_caring_role(role.id, {"hours_a_week": 169})
    with pytest.raises(ValueError, match="cared_for_id"):
        store.update_caring_role(role.id, {"cared_for_id": people["peggy"]})
    assert store.carers_of(people["eileen"]) == [changed]


def test_ending_a_role_leaves_a_tombstone_and_the_pair_can_be_linked_again(
    store: Store, raw: StoreSQL, people: dict[str, str]
) -> None:
    role = _role(store, people["bernie"], people["eileen"])
    store.end_caring_role(role.id)
    assert store.carers_of(people["eileen"]) == []
    assert store.roles_as_carer(people["bernie"]) == []
    assert raw.rows("SELECT deleted FROM caring_roles WHERE id = :id", id=role.id) == [(1,)]
    with pytest.raises(NotFound):
        store.end_caring_role(role.id)
    with pytest.raises(NotFound):
        store.update_caring_role(role.id, {"hours_a_week": 2})
    again = _role(store, people["bernie"], people["eileen"])
    assert store.carers_of(people["eileen"]) == [again]


def test_add_files_writes_a_carers_roles_with_the_people_they_care_for(store: Store) -> None:
    """In one batch: roles come from the carer's file, naming the page-one entry by its id."""
    named = PersonWhoMatters(
        "Bernie Kelly", is_carer=True, id="a0000000-0000-4000-8000-000000000001"
    )
    eileen = Person("Eileen", "Lonely", id="a0000000-0000-4000-8000-000000000002")
    eileen.people_who_matter = [named]
    bernie = Person("Bernie", "Tired", id="a0000000-0000-4000-8000-000000000003")
    role = CaringRole(bernie.id, eileen.id, hours_a_week=15, named_as_id=named.id)
    store.add_files(
        [PersonFile(bernie, [], {}, as_carer=AsCarer(roles=[role])), PersonFile(eileen, [], {})]
    )
    assert [w.id for w in store.person(eileen.id).people_who_matter] == [named.id]
    (held,) = store.carers_of(eileen.id)
    assert (held.carer_id, held.named_as_id, held.hours_a_week) == (bernie.id, named.id, 15)
    assert store.carers_to_offer()[0].carer_id == bernie.id


# --- what reaches the person cared for ----------------------------------------------------------


@pytest.fixture
def conversations(store: Store, people: dict[str, str]) -> dict[str, Contact]:
    """Bernie cares for Eileen; she has a private and a shared carer's conversation, and an
    ordinary contact wrongly marked shared. Ray, who cares for someone else, shared one too."""
    _role(store, people["bernie"], people["eileen"])
    ray, dot = _person(store, "Ray", "Hartley"), _person(store, "Dot", "Hale")
    _role(store, ray, dot)
    connect = store.add_contact(
        Contact(people["bernie"], TODAY, kind=ConversationKind.CONNECT, shared_with_cared_for=True)
    )
    store.set_entry(connect.id, "what_matters", Entry("My own worries."))
    return {
        "private": _carer_conversation(store, people["bernie"], PRIVATE, shared=False),
        "shared": _carer_conversation(store, people["bernie"], SHARED, shared=True),
        "connect": connect,
        "ray": _carer_conversation(store, ray, "Ray's words", shared=True),
    }


def test_only_carers_conversations_they_agreed_to_share_reach_the_person(
    store: Store, people: dict[str, str], conversations: dict[str, Contact]
) -> None:
    (shared,) = store.shared_by_carers(people["eileen"])
    assert (shared.carer_id, shared.carer_name) == (people["bernie"], "Bernie Kelly")
    assert shared.contact == conversations["shared"]
    assert shared.conversation.text("carer_what_would_help") == SHARED
    assert store.shared_by_carers(people["peggy"]) == []


def test_unsharing_or_ending_the_role_takes_it_away(
    store: Store, people: dict[str, str], conversations: dict[str, Contact]
) -> None:
    store.update_contact(conversations["shared"].id, {"shared_with_cared_for": False})
    assert store.shared_by_carers(people["eileen"]) == []
    store.update_contact(conversations["shared"].id, {"shared_with_cared_for": True})
    (role,) = store.carers_of(people["eileen"])
    store.end_caring_role(role.id)
    assert store.shared_by_carers(people["eileen"]) == []


def test_the_file_of_the_person_cared_for_holds_nothing_private(
    store: Store, people: dict[str, str], conversations: dict[str, Contact]
) -> None:
    eileen = store.person_file(people["eileen"])
    held = repr(eileen)
    for words in (PRIVATE, "My own worries.", "Ray's words"):
        assert words not in held
    assert SHARED in held
    assert eileen.contacts == [] and eileen.conversations == {}
    assert [c.contact.id for c in eileen.shared_by_carers] == [conversations["shared"].id]
    bernie = store.person_file(people["bernie"])
    assert PRIVATE in repr(bernie)
    assert {c.id for c in bernie.contacts} == {
        conversations[key].id for key in ("private", "shared", "connect")
    }


# --- carers still to be offered a conversation --------------------------------------------------


def test_carers_to_offer_before_and_after_an_offer_and_a_conversation(
    store: Store, people: dict[str, str]
) -> None:
    _role(store, people["bernie"], people["eileen"])
    _role(store, people["bernie"], people["peggy"])
    ray = _person(store, "Ray", "Hartley")
    _role(store, ray, people["eileen"])
    found = store.carers_to_offer()
    assert [(c.name, c.cared_for_ids, bool(c.carer_id)) for c in found] == [
        ("Bernie Kelly", (people["eileen"], people["peggy"]), True),
        ("Grace Okafor", (people["peggy"],), False),
        ("Ray Hartley", (people["eileen"],), True),
    ]

    offer = store.add_carer_offer(CarerOffer(people["bernie"], TODAY, OfferResponse.NOT_NOW))
    assert offer.id and offer.response is OfferResponse.NOT_NOW
    _carer_conversation(store, ray, "Ray's words", shared=False)
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
    store: Store, raw: StoreSQL, people: dict[str, str]
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
    bernie, ray = people["bernie"], _person(store, "Ray", "Hartley")
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
    store: Store, raw: StoreSQL, people: dict[str, str]
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
    store: Store, raw: StoreSQL, people: dict[str, str]
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
    role = _role(store, bernie, people["eileen"], hours_a_week=15)
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
