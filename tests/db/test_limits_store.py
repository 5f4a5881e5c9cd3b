"""Every way of writing text to the store refuses text longer than its field allows, with a plain
message, and writes nothing at all; text at the limit is kept whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import Text

from assessor.carers import CarerOffer, CarerPlan, CarerReview, CaringRole, OfferResponse, Supported
from assessor.example import example_caseload, example_id
from assessor.goals import Goal, Review
from assessor.limits import CONVERSATION, LIMITS, RecordKind, limit_for
from assessor.person_file import PersonFile
from assessor.progression import PlanReview, PlanStep, ProgressionPlan
from assessor.record import Contact, Entry, Person, PersonWhoMatters
from assessor.short_term import Episode, EpisodeReview, HelpKind
from assessor.validation import InvalidInput
from db.lengths import KINDS
from db.models import Base, Synced
from db.store import Store
from tests.kit.raw_sql import StoreSQL

TODAY = date.today()
PEGGY, BERNIE, DES, TOMEK = (example_id(key) for key in ("peggy", "bernie", "desmond", "tomasz"))
PASTE = "x" * 5_000_000


@pytest.fixture
def store(store: Store) -> Store:
    store.add_files(example_caseload(TODAY))
    return store


def _everything(raw: StoreSQL) -> list[tuple[object, ...]]:
    """Every change ever logged: a refused write adds nothing to it, nor to any table."""
    return raw.rows("SELECT * FROM change_log ORDER BY seq")


def _first_goal(store: Store, person_id: str) -> Goal:
    return store.goals(person_id)[0]


Write = Callable[[Store, str], object]

WRITES: dict[str, Write] = {
    "add a person": lambda s, t: s.add_person(Person("Ada", t)),
    "add a whole file": lambda s, t: s.add_files(
        [PersonFile(Person("Ada", "Falls", people_who_matter=[PersonWhoMatters(t)]), [], {})]
    ),
    "change page one": lambda s, t: s.update_person(PEGGY, {"preferred_name": t}),
    "add someone who matters": lambda s, t: s.add_person_who_matters(
        PEGGY, PersonWhoMatters("Jo", notes=t)
    ),
    "change someone who matters": lambda s, t: s.update_person_who_matters(
        s.person(PEGGY).people_who_matter[0].id, {"phone": t}
    ),
    "add a contact": lambda s, t: s.add_contact(Contact(PEGGY, TODAY, worker=t)),
    "change a contact": lambda s, t: s.update_contact(s.contacts(PEGGY)[0].id, {"worker": t}),
    "write an answer on page two": lambda s, t: s.set_entry(
        s.contacts(PEGGY)[0].id, "what_matters", Entry(t, own_words=True)
    ),
    "add a goal": lambda s, t: s.add_goal(Goal(PEGGY, t, TODAY)),
    "change a goal": lambda s, t: s.update_goal(_first_goal(s, PEGGY).id, {"expected": t}),
    "review a goal": lambda s, t: s.add_review(Review(_first_goal(s, PEGGY).id, 0, TODAY, note=t)),
    "add short-term help": lambda s, t: s.add_episode(
        Episode(DES, HelpKind.REABLEMENT, datetime.now(), provider=t)
    ),
    "change short-term help": lambda s, t: s.update_episode(
        example_id("des-episode"), {"provider": t}
    ),
    "review short-term help": lambda s, t: s.add_episode_review(
        EpisodeReview(example_id("des-episode"), TODAY, note=t)
    ),
    "add a progression plan": lambda s, t: s.add_plan(
        ProgressionPlan(TOMEK, TODAY, TODAY + timedelta(days=200), 2, 4, [PlanStep(t)])
    ),
    "change a progression plan": lambda s, t: s.update_plan(
        example_id("tomek-plan"), {"steps": [PlanStep("Walk to the gate"), PlanStep(t)]}
    ),
    "review a progression plan": lambda s, t: s.add_plan_review(
        PlanReview(example_id("tomek-plan"), TODAY, 3, note=t)
    ),
    "link a carer": lambda s, t: s.add_caring_role(CaringRole(BERNIE, DES, what_they_do=t)),
    "change a caring role": lambda s, t: s.update_caring_role(
        example_id("bernie-cares-for-eileen"), {"what_they_do": t}
    ),
    "add a linked person": lambda s, t: s.add_linked_person(
        Person("Ada", "", family_name=t), CaringRole(BERNIE, "")
    ),
    "offer a carer a conversation": lambda s, t: s.add_carer_offer(
        CarerOffer(BERNIE, TODAY, OfferResponse.WANTS_ONE, note=t)
    ),
    "add a carer's plan": lambda s, t: s.add_carer_plan(CarerPlan(BERNIE, TODAY, breaks=t)),
    "change a carer's plan": lambda s, t: s.update_carer_plan(
        example_id("bernie-plan"), {"contingency": t}
    ),
    "review with a carer": lambda s, t: s.add_carer_review(
        CarerReview(BERNIE, TODAY, Supported.YES, words=t)
    ),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_huge_paste_is_refused_with_a_plain_message_and_nothing_is_written(
    store: Store, raw: StoreSQL, write: Write
) -> None:
    before = _everything(raw)
    with pytest.raises(InvalidInput, match=r"can be at most [\d,]+ characters; this has 5,000,000"):
        write(store, PASTE)
    assert _everything(raw) == before


def test_text_at_its_limit_is_kept_whole_and_one_more_character_is_refused(
    store: Store,
) -> None:
    contact_id = store.contacts(PEGGY)[0].id
    longest = ("Chapel on Sunday, my garden, Grace. " * 1000)[:CONVERSATION]
    store.set_entry(contact_id, "what_matters", Entry(longest, own_words=True))
    assert store.conversation(contact_id).text("what_matters") == longest

    with pytest.raises(InvalidInput) as refused:
        store.set_entry(contact_id, "what_matters", Entry(longest + "!", own_words=True))
    assert str(refused.value) == (
        "An answer on page two can be at most 20,000 characters; this has 20,001. Shorten it, "
        "or keep the full text in the council’s case record and a summary here."
    )
    assert store.conversation(contact_id).text("what_matters") == longest

    name = "A" * limit_for(RecordKind.PERSON, "preferred_name")
    store.update_person(PEGGY, {"preferred_name": name})
    with pytest.raises(InvalidInput, match="The name they like to be called can be at most 100"):
        store.update_person(PEGGY, {"preferred_name": name + "A"})
    assert store.person(PEGGY).preferred_name == name


def test_a_long_value_kept_from_before_the_limits_never_blocks_other_edits(
    store: Store, raw: StoreSQL
) -> None:
    """Only what changes is checked: the rest of an old record can still be edited."""
    raw.execute(
        "UPDATE people SET presenting_problem = :text WHERE id = :id", text="y" * 100_000, id=PEGGY
    )
    store.update_person(PEGGY, {"phone": "07700 900123"})
    kept = store.person(PEGGY)
    assert (kept.phone, len(kept.presenting_problem)) == ("07700 900123", 100_000)


def test_every_typed_text_in_the_store_has_a_limit() -> None:
    """Each text column of each record has a limit, and each limit names a real column: a
    field added later cannot be left without one."""
    mapped = {mapper.class_ for mapper in Base.registry.mappers}
    synced = {model for model in mapped if issubclass(model, Synced)}
    assert set(KINDS) == synced
    for model, kind in KINDS.items():
        columns = model.__table__.columns
        texts = {column.key for column in columns if isinstance(column.type, Text)}
        assert texts <= set(LIMITS[kind]), model.__name__
        assert set(LIMITS[kind]) <= {column.key for column in columns}, model.__name__
