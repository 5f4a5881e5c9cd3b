"""Every kind of record the store keeps, as the contract test drives it through the public
store API: how one is added, changed and removed, what revision its record shows, and a field
a change made elsewhere can carry. Names and words are fictional."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from assessor.carers import (
    CarerOffer,
    CarerPlan,
    CarerReview,
    CaringRole,
    OfferResponse,
    Supported,
)
from assessor.goals import Goal, Review
from assessor.progression import PlanReview, ProgressionPlan
from assessor.record import AgreedStep, Contact, Entry, Person, PersonWhoMatters
from assessor.short_term import Episode, EpisodeReview, HelpKind
from db.store import Store

TODAY = date(2026, 11, 23)
TOPIC = "what_matters"


@dataclass(frozen=True)
class World:
    """The records others hang from: a person, a carer of theirs, and one of each parent."""

    person: str
    carer: str
    contact: str
    goal: str
    episode: str
    plan: str


def world(store: Store) -> World:
    person = store.add_person(Person("Ivy", "Stairs since the fall", family_name="Marsh")).id
    carer = store.add_person(Person("Ron", "Caring for his sister", family_name="Marsh")).id
    return World(
        person=person,
        carer=carer,
        contact=store.add_contact(Contact(person, TODAY - timedelta(days=7))).id,
        goal=store.add_goal(Goal(person, "Get to the shop", TODAY - timedelta(days=30))).id,
        episode=store.add_episode(
            Episode(person, HelpKind.REABLEMENT, datetime(2026, 11, 1, 9, 0))
        ).id,
        plan=store.add_plan(
            ProgressionPlan(person, TODAY - timedelta(days=30), TODAY + timedelta(days=200), 2, 4)
        ).id,
    )


Add = Callable[[Store, World], str]
Update = Callable[[Store, World, str, int | None], int]
Remove = Callable[[Store, World, str], None]
Seen = Callable[[Store, World, str], int]


def _stamped_revision(record: object) -> int:
    stamp = getattr(record, "stamp", None)
    assert stamp is not None
    return int(stamp.revision)


def _only(records: list[object], record_id: str) -> object:
    """The record with this id among those read (LookupError when it is not: removed)."""
    for record in records:
        if getattr(record, "id", None) == record_id:
            return record
    raise LookupError(f"{record_id} is not among the records read")


def _entry(store: Store, at: World) -> str:
    store.set_entry(at.contact, TOPIC, Entry("Chapel on Sundays.", own_words=True), 0)
    (entry_id,) = store.entry_ids([at.contact])
    return entry_id


@dataclass(frozen=True)
class Kind:
    name: str  # the table, as a change names its kind
    add: Add
    seen: Seen  # the revision the record shows when read through the store
    elsewhere: tuple[str, object]  # a field a change made elsewhere sets, as JSON keeps it
    update: Update | None = None  # None: append-only
    remove: Remove | None = None  # None: never removed

    def __str__(self) -> str:
        return self.name


KINDS = [
    Kind(
        "people",
        add=lambda s, at: s.add_person(Person("Ada", "Lonely since moving")).id,
        seen=lambda s, at, i: _stamped_revision(s.person(i)),
        elsewhere=("postcode", "LS7 2CD"),
        update=lambda s, at, i, based_on: s.update_person(i, {"postcode": "LS6 1AB"}, based_on),
    ),
    Kind(
        "people_who_matter",
        add=lambda s, at: s.add_person_who_matters(at.person, PersonWhoMatters("Jo Marsh")).id,
        seen=lambda s, at, i: _stamped_revision(
            _only(list(s.person(at.person).people_who_matter), i)
        ),
        elsewhere=("notes", "Rings on Sundays."),
        update=lambda s, at, i, based_on: s.update_person_who_matters(
            i, {"phone": "0113 496 0999"}, based_on
        ),
        remove=lambda s, at, i: s.remove_person_who_matters(i),
    ),
    Kind(
        "contacts",
        add=lambda s, at: s.add_contact(Contact(at.person, TODAY)).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.contacts(at.person)), i)),
        elsewhere=("worker", "Jo Hart"),
        update=lambda s, at, i, based_on: s.update_contact(i, {"worker": "Sam Patel"}, based_on),
    ),
    Kind(
        "conversation_entries",
        add=_entry,
        seen=lambda s, at, i: s.conversation(at.contact).entries[TOPIC].revision,
        elsewhere=("text", "Chapel, and the choir on Thursdays."),
        update=lambda s, at, i, based_on: s.set_entry(
            at.contact, TOPIC, Entry("Chapel, twice a week."), based_on
        ),
    ),
    Kind(
        "agreed_steps",
        add=lambda s, at: s.add_agreed_step(AgreedStep(at.contact, "Ring the lunch club")).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.agreed_steps(at.contact)), i)),
        elsewhere=("who", "Ivy"),
        update=lambda s, at, i, based_on: s.update_agreed_step(i, {"who": "Ron"}, based_on),
        remove=lambda s, at, i: s.remove_agreed_step(i),
    ),
    Kind(
        "goals",
        add=lambda s, at: s.add_goal(Goal(at.person, "Cook a meal", TODAY)).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.goals(at.person)), i)),
        elsewhere=("words", "Cook Sunday dinner"),
        update=lambda s, at, i, based_on: s.update_goal(i, {"words": "Cook a roast"}, based_on),
    ),
    Kind(
        "goal_reviews",
        add=lambda s, at: s.add_review(Review(at.goal, 0, TODAY)).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.reviews([at.goal])[at.goal]), i)),
        elsewhere=("note", "Walked there twice this week."),
    ),
    Kind(
        "short_term_episodes",
        add=lambda s, at: (
            s.add_episode(Episode(at.person, HelpKind.RECOVERY, datetime(2026, 11, 20, 14, 0))).id
        ),
        seen=lambda s, at, i: _stamped_revision(_only(list(s.episodes(at.person)), i)),
        elsewhere=("provider", "Reablement North"),
        update=lambda s, at, i, based_on: s.update_episode(i, {"provider": "Home First"}, based_on),
    ),
    Kind(
        "episode_reviews",
        add=lambda s, at: s.add_episode_review(EpisodeReview(at.episode, TODAY)).id,
        seen=lambda s, at, i: _stamped_revision(
            _only(list(s.episode_reviews([at.episode])[at.episode]), i)
        ),
        elsewhere=("note", "Managing the stairs with one rail."),
    ),
    Kind(
        "progression_plans",
        add=lambda s, at: (
            s.add_plan(ProgressionPlan(at.person, TODAY, TODAY + timedelta(days=250), 1, 3)).id
        ),
        seen=lambda s, at, i: _stamped_revision(_only(list(s.plans(at.person)), i)),
        elsewhere=("target_level", 4),
        update=lambda s, at, i, based_on: s.update_plan(i, {"target_level": 5}, based_on),
    ),
    Kind(
        "plan_reviews",
        add=lambda s, at: s.add_plan_review(PlanReview(at.plan, TODAY, 3)).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.plan_reviews([at.plan])[at.plan]), i)),
        elsewhere=("note", "Up a step since the summer."),
    ),
    Kind(
        "caring_roles",
        add=lambda s, at: s.add_caring_role(CaringRole(at.carer, at.person)).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.carers_of(at.person)), i)),
        elsewhere=("what_they_do", "Shopping and meals."),
        update=lambda s, at, i, based_on: s.update_caring_role(i, {"hours_a_week": 20}, based_on),
        remove=lambda s, at, i: s.end_caring_role(i),
    ),
    Kind(
        "carer_offers",
        add=lambda s, at: (
            s.add_carer_offer(CarerOffer(at.carer, TODAY, OfferResponse.WANTS_ONE)).id
        ),
        seen=lambda s, at, i: _stamped_revision(_only(list(s.as_carer(at.carer).offers), i)),
        elsewhere=("note", "Would like it at home."),
    ),
    Kind(
        "carer_plans",
        add=lambda s, at: s.add_carer_plan(CarerPlan(at.carer, TODAY)).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.as_carer(at.carer).plans), i)),
        elsewhere=("breaks", "A sitter on Wednesdays."),
        update=lambda s, at, i, based_on: s.update_carer_plan(
            i, {"breaks": "Day centre on Fridays."}, based_on
        ),
    ),
    Kind(
        "carer_reviews",
        add=lambda s, at: s.add_carer_review(CarerReview(at.carer, TODAY, Supported.YES)).id,
        seen=lambda s, at, i: _stamped_revision(_only(list(s.as_carer(at.carer).reviews), i)),
        elsewhere=("words", "The sitter makes all the difference."),
    ),
]
