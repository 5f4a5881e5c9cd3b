"""The store: one file per worker, read and written only through domain objects.

Each public method is one transaction, run through a `db.unit.Unit` whose repositories do the
work. Nothing it returns holds a session open, so widgets can keep what they are given for as
long as they like. The worker's name and the clock are given when the store is built, and are
the only source of its stamps and of today's date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from assessor.carers import CarerOffer, CarerPlan, CarerReview, CarerToOffer, CaringRole
from assessor.changes import RecordChange
from assessor.drafts import Draft
from assessor.goals import Goal, GoalToDate, Review
from assessor.person_file import AsCarer, OpenedPerson, PersonFile, SharedConversation
from assessor.progression import PlanReview, ProgressionPlan
from assessor.record import (
    AgreedStep,
    Contact,
    Conversation,
    Entry,
    Person,
    PersonWhoMatters,
)
from assessor.search import Findable
from assessor.short_term import Episode, EpisodeReview
from db.changelog import Change, Clock, logged_sessions, utc_now
from db.connection import create_store_engine
from db.lengths import length_checked
from db.models_laptop import SyncStateRow
from db.opening import prepare_store
from db.unit import Unit

T = TypeVar("T")


class Store:
    """The worker's store. `Store.open` migrates the file first, after keeping a copy."""

    def __init__(self, engine: Engine, worker: str, clock: Clock = utc_now) -> None:
        self.engine = engine
        self._worker = worker
        self._clock = clock
        self._sessions = logged_sessions(
            length_checked(sessionmaker(engine, expire_on_commit=False))
        )

    @classmethod
    def open(
        cls,
        data_dir: Path,
        worker: str,
        *,
        create: bool = False,
        notify: Callable[[str], None] | None = None,
        clock: Clock = utc_now,
        busy_timeout_ms: int = 5000,
    ) -> Store:
        """The store in `data_dir`, made only with `create` (see `db.opening.prepare_store`).

        `clock` gives UTC (tests give one set back): it stamps changes and names backups. A
        write waits `busy_timeout_ms` for another writer before it fails.
        """
        path = prepare_store(
            data_dir, create=create, notify=notify, clock=lambda: clock().replace(tzinfo=UTC)
        )
        store = cls(create_store_engine(path, busy_timeout_ms), worker, clock)
        with store.unit() as unit:
            hub_name = unit.session.get(SyncStateRow, "worker")
        if hub_name is not None and hub_name.value:
            store.stamp_as(hub_name.value)
        return store

    @property
    def worker(self) -> str:
        """Whose name every change made through this store is stamped with."""
        return self._worker

    def stamp_as(self, worker: str) -> None:
        """Stamp what is changed from now on with `worker`: once a laptop is connected, the
        hub's name for the worker, so the laptop, the hub and the team name each change's
        author and each person's caseload alike."""
        self._worker = worker

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def unit(self, *, worker: str | None = None) -> Iterator[Unit]:
        """One transaction: committed when the block ends, rolled back if it raises. Its changes
        are stamped with `worker` when given (the hub, for the worker whose laptop pushed)."""
        with self._sessions.begin() as session:
            session.info["worker"] = self._worker if worker is None else worker
            session.info["clock"] = self._clock
            yield Unit(session, self._clock)

    def _run(self, work: Callable[[Unit], T]) -> T:
        with self.unit() as unit:
            return work(unit)

    # --- people and the people who matter to them ---------------------------------------------

    def add_person(self, person: Person) -> Person:
        """Store a new person with the people who matter to them; returns them with their id."""
        (added,) = self.add_files([PersonFile(person, [], {})])
        return self.person(added)

    def add_files(self, files: Iterable[PersonFile]) -> list[str]:
        """Store whole files in one transaction; a file whose person id is already held is
        skipped, so an import run twice adds nothing. Returns the ids of the people added."""
        return self._run(lambda unit: unit.add_files(files))

    def person(self, person_id: str) -> Person:
        return self._run(lambda unit: unit.people.get(person_id))

    def opened(self, person_id: str) -> OpenedPerson:
        """What opening a person shows at once, in one transaction."""
        return self._run(lambda unit: unit.opened(person_id))

    def update_person(
        self, person_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        """Change some of page one's fields; values are domain values (dates, choices).
        `based_on` is the revision the change was made from (see `assessor.conflicts`); the
        new revision is returned. Every update below works the same way."""
        return self._run(lambda unit: unit.people.update(person_id, changes, based_on))

    def display_names(self, person_ids: Iterable[str]) -> dict[str, str]:
        """The names people go by, for documents that mention others; a removed person is
        left out."""
        return self._run(lambda unit: unit.people.display_names(person_ids))

    def findable_people(self) -> list[Findable]:
        """What search and the caseload list need of everyone (but those entered in error),
        read in one query."""
        return self._run(lambda unit: unit.people.findable_people())

    def findable(self, person_id: str) -> Findable:
        """What search needs of one person, after an edit to page one."""
        return self._run(lambda unit: unit.people.findable(person_id))

    def add_person_who_matters(self, person_id: str, who: PersonWhoMatters) -> PersonWhoMatters:
        return self._run(lambda unit: unit.people.add_who_matters(person_id, who))

    def update_person_who_matters(
        self, who_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.people.update_who_matters(who_id, changes, based_on))

    def remove_person_who_matters(self, who_id: str) -> None:
        self._run(lambda unit: unit.people.remove_who_matters(who_id))

    # --- contacts and conversations ------------------------------------------------------------

    def add_contact(self, contact: Contact) -> Contact:
        return self._run(lambda unit: unit.contacts.add(contact))

    def update_contact(
        self, contact_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.contacts.update(contact_id, changes, based_on))

    def contacts(self, person_id: str) -> list[Contact]:
        """The person's contacts as a timeline, newest first (none entered in error)."""
        return self._run(lambda unit: unit.contacts.of_person(person_id))

    def conversation(self, contact_id: str) -> Conversation:
        return self._run(lambda unit: unit.contacts.conversation(contact_id))

    def set_entry(
        self, contact_id: str, topic: str, entry: Entry, based_on: int | None = None
    ) -> int:
        """Write one answer on page two exactly as given: own words are never trimmed.
        `based_on` is the revision of the answer it was typed over (0 for none yet)."""
        return self._run(lambda unit: unit.contacts.set_entry(contact_id, topic, entry, based_on))

    def add_agreed_step(self, step: AgreedStep) -> AgreedStep:
        """Store a step agreed at a conversation; returns it with its id and stamp."""
        return self._run(lambda unit: unit.contacts.steps.add(step))

    def update_agreed_step(
        self, step_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.contacts.steps.update(step_id, changes, based_on))

    def remove_agreed_step(self, step_id: str) -> None:
        self._run(lambda unit: unit.contacts.steps.remove(step_id))

    def agreed_steps(self, contact_id: str) -> list[AgreedStep]:
        """The steps agreed at one contact, in the order they were added."""
        return self._run(lambda unit: unit.contacts.steps.of_contact(contact_id))

    def contacts_to_follow_up(self) -> list[Contact]:
        """Every contact of the people with a follow-up date on any contact: what the Due list
        needs to find the follow-ups still to come (see `assessor.follow_up`)."""
        return self._run(lambda unit: unit.contacts.of_people_following_up())

    def entry_ids(self, contact_ids: Iterable[str]) -> list[str]:
        """Row ids of page-two answers, so a history can include them."""
        return self._run(lambda unit: unit.contacts.entry_ids(contact_ids))

    # --- goals and their reviews --------------------------------------------------------------

    def add_goal(self, goal: Goal) -> Goal:
        """Store a new goal after its checks (InvalidInput says what is wrong)."""
        return self._run(lambda unit: unit.goals.add(goal))

    def update_goal(
        self, goal_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.goals.update(goal_id, changes, based_on))

    def goals(self, person_id: str) -> list[Goal]:
        return self._run(lambda unit: unit.goals.of_person(person_id))

    def add_review(self, review: Review) -> Review:
        return self._run(lambda unit: unit.goals.add_review(review))

    def reviews(self, goal_ids: Iterable[str]) -> dict[str, list[Review]]:
        return self._run(lambda unit: unit.goals.reviews(goal_ids))

    def mark_review_in_error(self, review_id: str, reason: str, based_on: int | None) -> int:
        return self._run(lambda unit: unit.goals.mark_review(review_id, reason, based_on))

    def all_goals(self) -> list[tuple[Goal, list[Review]]]:
        return self._run(lambda unit: unit.goals.all_with_reviews())

    def goals_to_date(self) -> list[GoalToDate]:
        """Every live goal as far as its latest review: what the due list needs."""
        return self._run(lambda unit: unit.goals.to_date())

    # --- short-term help and progression plans -------------------------------------------------

    def add_episode(self, episode: Episode) -> Episode:
        return self._run(lambda unit: unit.short_term.add(episode))

    def update_episode(
        self, episode_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.short_term.update(episode_id, changes, based_on))

    def episodes(self, person_id: str | None = None) -> list[Episode]:
        return self._run(lambda unit: unit.short_term.episodes(person_id))

    def episodes_awaiting_outcome(self) -> list[Episode]:
        """Everyone's episodes with an outcome still to record: what the due list needs."""
        return self._run(lambda unit: unit.short_term.awaiting_outcome())

    def add_episode_review(self, review: EpisodeReview) -> EpisodeReview:
        return self._run(lambda unit: unit.short_term.add_review(review))

    def episode_reviews(self, episode_ids: Iterable[str]) -> dict[str, list[EpisodeReview]]:
        return self._run(lambda unit: unit.short_term.reviews(episode_ids))

    def mark_episode_review_in_error(
        self, review_id: str, reason: str, based_on: int | None
    ) -> int:
        return self._run(lambda unit: unit.short_term.mark_review(review_id, reason, based_on))

    def add_plan(self, plan: ProgressionPlan) -> ProgressionPlan:
        return self._run(lambda unit: unit.progression.add(plan))

    def update_plan(
        self, plan_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.progression.update(plan_id, changes, based_on))

    def plans(self, person_id: str) -> list[ProgressionPlan]:
        return self._run(lambda unit: unit.progression.of_person(person_id))

    def add_plan_review(self, review: PlanReview) -> PlanReview:
        return self._run(lambda unit: unit.progression.add_review(review))

    def plan_reviews(self, plan_ids: Iterable[str]) -> dict[str, list[PlanReview]]:
        return self._run(lambda unit: unit.progression.reviews(plan_ids))

    # --- carers ----------------------------------------------------------------------------------

    def add_caring_role(self, role: CaringRole) -> CaringRole:
        return self._run(lambda unit: unit.caring_roles.add(role))

    def add_carer_record(self, named_as_id: str, role: CaringRole) -> tuple[str, CaringRole]:
        """Returns the new person's id and role."""
        return self._run(lambda unit: unit.caring_roles.add_carer_record(named_as_id, role))

    def add_linked_person(self, person: Person, role: CaringRole) -> tuple[str, CaringRole]:
        """Never a record without its link."""
        return self._run(lambda unit: unit.caring_roles.add_linked_person(person, role))

    def update_caring_role(
        self, role_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.caring_roles.update(role_id, changes, based_on))

    def end_caring_role(self, role_id: str) -> None:
        self._run(lambda unit: unit.caring_roles.end(role_id))

    def roles_as_carer(self, carer_id: str) -> list[CaringRole]:
        return self._run(lambda unit: unit.caring_roles.as_carer(carer_id))

    def carers_of(self, cared_for_id: str) -> list[CaringRole]:
        return self._run(lambda unit: unit.caring_roles.carers_of(cared_for_id))

    def shared_by_carers(self, cared_for_id: str) -> list[SharedConversation]:
        return self._run(lambda unit: unit.caring_roles.shared_by_carers(cared_for_id))

    def carers_to_offer(self) -> list[CarerToOffer]:
        return self._run(lambda unit: unit.caring_roles.carers_to_offer())

    def add_carer_offer(self, offer: CarerOffer) -> CarerOffer:
        return self._run(lambda unit: unit.carer_support.add_offer(offer))

    def add_carer_plan(self, plan: CarerPlan) -> CarerPlan:
        return self._run(lambda unit: unit.carer_support.add_plan(plan))

    def update_carer_plan(
        self, plan_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        return self._run(lambda unit: unit.carer_support.update_plan(plan_id, changes, based_on))

    def add_carer_review(
        self, review: CarerReview, next_review_on: date | None = None
    ) -> CarerReview:
        return self._run(lambda unit: unit.carer_support.add_review(review, next_review_on))

    def as_carer(self, carer_id: str) -> AsCarer:
        return self._run(lambda unit: unit.carer_support.as_carer(carer_id))

    def all_carer_plans(self) -> list[CarerPlan]:
        return self._run(lambda unit: unit.carer_support.newest_plans())

    def all_carer_reviews(self) -> list[CarerReview]:
        return self._run(lambda unit: unit.carer_support.all_reviews())

    # --- drafts ----------------------------------------------------------------------------------

    def keep_draft(self, draft: Draft) -> None:
        self._run(lambda unit: unit.drafts.keep(draft))

    def drop_draft(self, record: str, field: str) -> None:
        self._run(lambda unit: unit.drafts.drop(record, field))

    def drafts(self) -> list[Draft]:
        return self._run(lambda unit: unit.drafts.all())

    # --- whole files, history and changes from elsewhere ---------------------------------------

    def person_file(self, person_id: str) -> PersonFile:
        """Everything held about one person, read in one transaction."""
        return self._run(lambda unit: unit.person_file(person_id))

    def history(self, row_ids: Iterable[str]) -> list[Change]:
        return self._run(lambda unit: unit.change_log.history(row_ids))

    def newest_stamp(self) -> datetime | None:
        return self._run(lambda unit: unit.change_log.newest_stamp())

    def apply_change(self, change: RecordChange) -> bool:
        """Apply a change made elsewhere with its own stamps (see `db.repositories.received`);
        False when it is held already. ChangeConflict when the row here has moved on."""
        return self._run(lambda unit: unit.received.apply(change))

    def record_state(self, kind: str, row_id: str) -> RecordChange:
        """A row's whole state as a change, as sync sends it."""
        return self._run(lambda unit: unit.received.state(kind, row_id))
