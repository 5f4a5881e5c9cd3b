"""Caring roles between records on a real store, and the privacy rule: a carer's conversation
reaches the person cared for only when the carer agreed to share it."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.carers import (
    CaringRole,
)
from assessor.person_file import AsCarer, PersonFile
from assessor.record import (
    Contact,
    ConversationKind,
    Entry,
    Person,
    PersonWhoMatters,
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
PRIVATE = "Some nights I sit in the car outside hers before I go in. Don't tell her."
SHARED = "Wednesday evenings are mine now; the befriender comes."


@pytest.fixture
def people(store: Store) -> dict[str, str]:
    """Bernie and two people she could care for; Peggy's page one names Grace as a carer."""
    return bernie_eileen_and_peggy(store)


# --- caring roles -------------------------------------------------------------------------------


def test_one_carer_caring_for_two_people(store: Store, people: dict[str, str]) -> None:
    """Each pair is its own role; the carer's record lists both, each person their carer."""
    eileen = add_role(
        store,
        people["bernie"],
        people["eileen"],
        what_they_do="Signs for her",
        hours_a_week=15,
        since=date(2024, 9, 1),
        live_together=False,
    )
    peggy = add_role(store, people["bernie"], people["peggy"], hours_a_week=4)
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
    ray = add_person(store, "Ray", "Hartley")
    first = add_role(store, people["bernie"], people["eileen"])
    second = add_role(store, ray, people["eileen"])
    assert store.carers_of(people["eileen"]) == [first, second]
    assert store.roles_as_carer(ray) == [second]


def test_a_pair_is_linked_once_with_a_plain_message(
    store: Store, people: dict[str, str], raw: StoreSQL
) -> None:
    add_role(store, people["bernie"], people["eileen"])
    with pytest.raises(InvalidInput) as refused:
        add_role(store, people["bernie"], people["eileen"], hours_a_week=3)
    assert str(refused.value) == "Bernie Kelly is already recorded as a carer for Eileen Brannigan."
    assert raw.rows("SELECT count(*) FROM caring_roles") == [(1,)]


def test_roles_are_checked_and_need_live_people(store: Store, people: dict[str, str]) -> None:
    with pytest.raises(InvalidInput, match="their own carer"):
        add_role(store, people["bernie"], people["bernie"])
    with pytest.raises(InvalidInput, match="between 0 and 168"):
        add_role(store, people["bernie"], people["eileen"], hours_a_week=200)
    with pytest.raises(NotFound):
        add_role(store, people["bernie"], "no-such-person")
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
    win = add_person(store, "Win", "Ashby", PersonWhoMatters("Dot", is_carer=True))
    (dot_named,) = store.person(win).people_who_matter
    dot_id, _ = store.add_carer_record(dot_named.id, CaringRole("", ""))
    dot = store.person(dot_id)
    assert (dot.preferred_name, dot.first_names, dot.family_name) == ("Dot", "", "")


def test_a_role_can_be_changed_and_checked_as_a_whole(store: Store, people: dict[str, str]) -> None:
    role = add_role(store, people["bernie"], people["eileen"], hours_a_week=15)
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
    store: Store, people: dict[str, str], raw: StoreSQL
) -> None:
    role = add_role(store, people["bernie"], people["eileen"])
    store.end_caring_role(role.id)
    assert store.carers_of(people["eileen"]) == []
    assert store.roles_as_carer(people["bernie"]) == []
    assert raw.rows("SELECT deleted FROM caring_roles WHERE id = :id", id=role.id) == [(1,)]
    with pytest.raises(NotFound):
        store.end_caring_role(role.id)
    with pytest.raises(NotFound):
        store.update_caring_role(role.id, {"hours_a_week": 2})
    again = add_role(store, people["bernie"], people["eileen"])
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
    add_role(store, people["bernie"], people["eileen"])
    ray, dot = add_person(store, "Ray", "Hartley"), add_person(store, "Dot", "Hale")
    add_role(store, ray, dot)
    connect = store.add_contact(
        Contact(people["bernie"], TODAY, kind=ConversationKind.CONNECT, shared_with_cared_for=True)
    )
    store.set_entry(connect.id, "what_matters", Entry("My own worries."))
    return {
        "private": add_carer_conversation(store, people["bernie"], PRIVATE, shared=False),
        "shared": add_carer_conversation(store, people["bernie"], SHARED, shared=True),
        "connect": connect,
        "ray": add_carer_conversation(store, ray, "Ray's words", shared=True),
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
