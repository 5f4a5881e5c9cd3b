"""The store: one SQLite file per worker, read and written only through domain objects.

Each public method is one transaction. Nothing it returns holds a session open, so widgets can
keep what they are given for as long as they like.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, literal_column, select, text
from sqlalchemy.orm import Session, sessionmaker

from assessor.goals import GOAL_FIELDS, Goal, Review
from assessor.prompts import TOPIC_CODES
from assessor.record import (
    CONTACT_FIELDS,
    PERSON_FIELDS,
    PERSON_WHO_MATTERS_FIELDS,
    Contact,
    Conversation,
    Entry,
    Person,
    PersonFile,
    PersonWhoMatters,
)
from assessor.search import Findable
from db import convert
from db.carer_store import CarerStore, carer_rows
from db.caseload import FINDABLE_SQL, findable_from_row
from db.changelog import logged_sessions
from db.engine import create_store_engine
from db.models import (
    ChangeRow,
    ContactRow,
    ConversationEntryRow,
    GoalReviewRow,
    GoalRow,
    PersonRow,
    PersonWhoMattersRow,
    new_id,
)
from db.opening import prepare_store
from db.progression_store import ProgressionStore, plan_review_row, plan_row
from db.rows import NotFound, check_fields, live, read_conversation
from db.short_term_store import ShortTermStore, episode_review_row, episode_row


@dataclass(frozen=True)
class Change:
    """One entry of the change log, as an export or a history view reads it."""

    seq: int
    table: str
    row_id: str
    revision: int
    operation: str
    changes: dict[str, Any]
    changed_at: datetime
    changed_by: str


class Store(ShortTermStore, ProgressionStore, CarerStore):
    """The worker's store. `Store.open` migrates the file first, after keeping a copy.

    Short-term help, progression plans and carers live in their own modules, mixed in here.
    """

    def __init__(self, engine: Engine, worker: str) -> None:
        self.engine = engine
        self.worker = worker
        self._sessions = logged_sessions(sessionmaker(engine, expire_on_commit=False))

    @classmethod
    def open(
        cls,
        data_dir: Path,
        worker: str,
        *,
        create: bool = False,
        notify: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> Store:
        """The store in `data_dir`, made only with `create`; see `db.opening.prepare_store`."""
        path = prepare_store(data_dir, create=create, notify=notify, clock=clock)
        return cls(create_store_engine(path), worker)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            session.info["worker"] = self.worker
            yield session

    # --- people -------------------------------------------------------------------------------

    def add_person(self, person: Person) -> Person:
        """Store a new person with the people who matter to them; returns them with their id."""
        (added,) = self.add_files([PersonFile(person, [], {})])
        return self.person(added)

    def add_files(self, files: Iterable[PersonFile]) -> list[str]:
        """Store whole files (person, contacts, page two) in one transaction.

        A file whose person id is already held is skipped, so an import run twice adds
        nothing. Returns the ids of the people added.
        """
        with self._transaction() as session:
            new_files = [
                file
                for file in files
                if not (file.person.id and session.get(PersonRow, file.person.id) is not None)
            ]
            waves = [_rows_of(file) for file in new_files]
            for wave in range(3):
                session.add_all(row for rows in waves for row in rows[wave])
                session.flush()
            return [rows[0][0].id for rows in waves]

    def person(self, person_id: str) -> Person:
        with self._transaction() as session:
            row = live(session, PersonRow, person_id)
            matter = session.scalars(
                select(PersonWhoMattersRow)
                .where(PersonWhoMattersRow.person_id == person_id, ~PersonWhoMattersRow.deleted)
                .order_by(PersonWhoMattersRow.created_at, literal_column("rowid"))
            ).all()
            return convert.person(row, list(matter))

    def update_person(self, person_id: str, changes: Mapping[str, Any]) -> None:
        """Change some of page one's fields; values are domain values (dates, choices)."""
        with self._transaction() as session:
            _apply(live(session, PersonRow, person_id), changes, PERSON_FIELDS)

    def display_names(self, person_ids: Iterable[str]) -> dict[str, str]:
        """The names people go by, for documents that mention others (carers and those they
        care for); a removed person is left out."""
        with self._transaction() as session:
            rows = session.scalars(
                select(PersonRow).where(PersonRow.id.in_(list(person_ids)), ~PersonRow.deleted)
            ).all()
            return {row.id: convert.person(row, []).display_name for row in rows}

    def findable_people(self) -> list[Findable]:
        """What search and the caseload list need of everyone, read in one query."""
        with self._transaction() as session:
            rows = session.execute(text(FINDABLE_SQL)).all()
        return [findable_from_row(row) for row in rows]

    def findable(self, person_id: str) -> Findable:
        """What search needs of one person, after an edit to page one."""
        with self._transaction() as session:
            row = session.execute(
                text(f"{FINDABLE_SQL} AND id = :person_id"), {"person_id": person_id}
            ).one_or_none()
        if row is None:
            raise NotFound(f"No person with id {person_id}")
        return findable_from_row(row)

    # --- people who matter ---------------------------------------------------------------------

    def add_person_who_matters(self, person_id: str, who: PersonWhoMatters) -> PersonWhoMatters:
        with self._transaction() as session:
            live(session, PersonRow, person_id)
            row = _person_who_matters_row(person_id, who)
            session.add(row)
            session.flush()
            return convert.person_who_matters(row)

    def update_person_who_matters(self, who_id: str, changes: Mapping[str, Any]) -> None:
        with self._transaction() as session:
            _apply(live(session, PersonWhoMattersRow, who_id), changes, PERSON_WHO_MATTERS_FIELDS)

    def remove_person_who_matters(self, who_id: str) -> None:
        """Leaves a tombstone, so the removal reaches the council on sync."""
        with self._transaction() as session:
            live(session, PersonWhoMattersRow, who_id).deleted = True

    # --- contacts and conversations ------------------------------------------------------------

    def add_contact(self, contact: Contact) -> Contact:
        with self._transaction() as session:
            live(session, PersonRow, contact.person_id)
            row = ContactRow(
                id=contact.id or None,
                person_id=contact.person_id,
                **convert.columns(contact, CONTACT_FIELDS),
            )
            session.add(row)
            session.flush()
            return convert.contact(row)

    def update_contact(self, contact_id: str, changes: Mapping[str, Any]) -> None:
        with self._transaction() as session:
            _apply(live(session, ContactRow, contact_id), changes, CONTACT_FIELDS)

    def contacts(self, person_id: str) -> list[Contact]:
        """The person's contacts as a timeline, newest first."""
        with self._transaction() as session:
            rows = session.scalars(
                select(ContactRow)
                .where(ContactRow.person_id == person_id, ~ContactRow.deleted)
                .order_by(ContactRow.on.desc(), ContactRow.created_at.desc())
            ).all()
            return [convert.contact(row) for row in rows]

    def conversation(self, contact_id: str) -> Conversation:
        with self._transaction() as session:
            return read_conversation(session, contact_id)

    def set_entry(self, contact_id: str, topic: str, entry: Entry) -> None:
        """Write one answer on page two exactly as given: own words are never trimmed."""
        _check_topic(topic)
        with self._transaction() as session:
            live(session, ContactRow, contact_id)
            row = session.scalars(
                select(ConversationEntryRow).where(
                    ConversationEntryRow.contact_id == contact_id,
                    ConversationEntryRow.topic == topic,
                )
            ).one_or_none()
            if row is None:
                row = ConversationEntryRow(contact_id=contact_id, topic=topic)
                session.add(row)
            row.text = entry.text
            row.own_words = entry.own_words
            row.deleted = False

    # --- goals and their reviews --------------------------------------------------------------

    def add_goal(self, goal: Goal) -> Goal:
        """Store a new goal after its checks (InvalidInput says what is wrong)."""
        goal.check()
        with self._transaction() as session:
            live(session, PersonRow, goal.person_id)
            row = _goal_row(goal)
            session.add(row)
            session.flush()
            return convert.goal(row)

    def update_goal(self, goal_id: str, changes: Mapping[str, Any]) -> None:
        """Change a goal's wording, kind, target or expected level; checked as a whole."""
        with self._transaction() as session:
            row = live(session, GoalRow, goal_id)
            replace(convert.goal(row), **changes).check()
            _apply(row, changes, GOAL_FIELDS)

    def goals(self, person_id: str) -> list[Goal]:
        """The person's goals in the order they were set."""
        with self._transaction() as session:
            rows = session.scalars(
                select(GoalRow)
                .where(GoalRow.person_id == person_id, ~GoalRow.deleted)
                .order_by(GoalRow.set_on, GoalRow.created_at)
            ).all()
            return [convert.goal(row) for row in rows]

    def add_review(self, review: Review) -> Review:
        """Append a review; reviews are never changed afterwards."""
        with self._transaction() as session:
            goal = convert.goal(live(session, GoalRow, review.goal_id))
            review.check(goal, date.today())
            row = _review_row(review)
            session.add(row)
            session.flush()
            return convert.review(row)

    def reviews(self, goal_ids: Iterable[str]) -> dict[str, list[Review]]:
        """Each goal's reviews, oldest first (every goal asked for has a list, maybe empty)."""
        ids = list(goal_ids)
        found: dict[str, list[Review]] = {goal_id: [] for goal_id in ids}
        with self._transaction() as session:
            rows = session.scalars(
                select(GoalReviewRow)
                .where(GoalReviewRow.goal_id.in_(ids), ~GoalReviewRow.deleted)
                .order_by(GoalReviewRow.on, GoalReviewRow.created_at)
            ).all()
            for row in rows:
                found[row.goal_id].append(convert.review(row))
        return found

    def all_goals(self) -> list[tuple[Goal, list[Review]]]:
        """Every live goal of every live person with its reviews: for the worker's due list."""
        with self._transaction() as session:
            rows = session.scalars(
                select(GoalRow)
                .join(PersonRow, PersonRow.id == GoalRow.person_id)
                .where(~GoalRow.deleted, ~PersonRow.deleted)
            ).all()
            goals = [convert.goal(row) for row in rows]
        reviews = self.reviews(goal.id for goal in goals)
        return [(goal, reviews[goal.id]) for goal in goals]

    # --- whole files and history ---------------------------------------------------------------

    def person_file(self, person_id: str) -> PersonFile:
        person = self.person(person_id)
        contacts = self.contacts(person_id)
        goals = self.goals(person_id)
        episodes = self.episodes(person_id)
        plans = self.plans(person_id)
        return PersonFile(
            person=person,
            contacts=contacts,
            conversations={c.id: self.conversation(c.id) for c in contacts},
            goals=goals,
            reviews=self.reviews(goal.id for goal in goals),
            episodes=episodes,
            episode_reviews=self.episode_reviews(e.id for e in episodes),
            plans=plans,
            plan_reviews=self.plan_reviews(plan.id for plan in plans),
            carers=self.carers_of(person_id),
            shared_by_carers=self.shared_by_carers(person_id),
            as_carer=self.as_carer(person_id),
        )

    def history(self, row_ids: Iterable[str]) -> list[Change]:
        """Every logged change to these rows, oldest first."""
        ids = list(row_ids)
        with self._transaction() as session:
            rows = session.scalars(
                select(ChangeRow).where(ChangeRow.row_id.in_(ids)).order_by(ChangeRow.seq)
            ).all()
            return [
                Change(
                    seq=r.seq,
                    table=r.table_name,
                    row_id=r.row_id,
                    revision=r.revision,
                    operation=r.operation,
                    changes=dict(r.changes),
                    changed_at=r.changed_at.replace(tzinfo=UTC),
                    changed_by=r.changed_by,
                )
                for r in rows
            ]

    def entry_ids(self, contact_ids: Iterable[str]) -> list[str]:
        """Row ids of page-two answers, so a history can include them."""
        with self._transaction() as session:
            return list(
                session.scalars(
                    select(ConversationEntryRow.id).where(
                        ConversationEntryRow.contact_id.in_(list(contact_ids))
                    )
                ).all()
            )


def _rows_of(file: PersonFile) -> tuple[list[Any], list[Any], list[Any]]:
    """A file's rows in the order foreign keys need: the person; then who matters to them,
    their contacts, goals, plans and what is theirs as a carer; then page-two answers, reviews
    and caring roles (whose cared-for person may be in another file of the same batch). Ids are
    made here, so one flush a wave suffices."""
    person = file.person
    person_row = PersonRow(id=person.id or new_id(), **convert.columns(person, PERSON_FIELDS))
    children: list[Any] = [
        _person_who_matters_row(person_row.id, who) for who in person.people_who_matter
    ]
    answers: list[Any] = []
    for contact in file.contacts:
        contact_row = ContactRow(
            id=contact.id or new_id(),
            person_id=person_row.id,
            **convert.columns(contact, CONTACT_FIELDS),
        )
        children.append(contact_row)
        conversation = file.conversations.get(contact.id)
        for topic, entry in conversation.entries.items() if conversation else ():
            _check_topic(topic)
            answers.append(
                ConversationEntryRow(
                    contact_id=contact_row.id,
                    topic=topic,
                    text=entry.text,
                    own_words=entry.own_words,
                )
            )
    _check_keys(file.reviews, file.goals, "goals")
    _check_keys(file.episode_reviews, file.episodes, "short-term help")
    _check_keys(file.plan_reviews, file.plans, "progression plans")
    for goal in file.goals:
        goal.check()
        goal_row = _goal_row(replace(goal, person_id=person_row.id, id=goal.id or new_id()))
        children.append(goal_row)
        for review in file.reviews.get(goal.id, []) if goal.id else []:
            review.check(goal)
            answers.append(_review_row(replace(review, goal_id=goal_row.id)))
    for episode in file.episodes:
        episode.check()
        row = episode_row(replace(episode, person_id=person_row.id, id=episode.id or new_id()))
        children.append(row)
        own_goals = {goal.id for goal in file.goals}
        for help_review in file.episode_reviews.get(episode.id, []) if episode.id else []:
            help_review.check(episode, own_goals)
            answers.append(episode_review_row(replace(help_review, episode_id=row.id)))
    for plan in file.plans:
        plan.check()
        plan_record = plan_row(replace(plan, person_id=person_row.id, id=plan.id or new_id()))
        children.append(plan_record)
        for plan_review in file.plan_reviews.get(plan.id, []) if plan.id else []:
            plan_review.check(plan)
            answers.append(plan_review_row(replace(plan_review, plan_id=plan_record.id)))
    own, roles = carer_rows(person_row.id, file.as_carer)
    return [person_row], children + own, answers + roles


def _goal_row(goal: Goal) -> GoalRow:
    return GoalRow(
        id=goal.id or None, person_id=goal.person_id, **convert.columns(goal, GOAL_FIELDS)
    )


def _review_row(review: Review) -> GoalReviewRow:
    return GoalReviewRow(
        id=review.id or None,
        goal_id=review.goal_id,
        rating=review.rating,
        on=review.on,
        reviewer=review.reviewer.value,
        self_rating=review.self_rating,
        note=review.note,
    )


def _check_keys(reviews: Mapping[str, Any], records: Iterable[Any], what: str) -> None:
    """Reviews in a file must belong to records in it, found by id."""
    strays = set(reviews) - {record.id for record in records if record.id}
    if strays:
        raise ValueError(f"Reviews for {what} that are not in the file: {sorted(strays)}")


def _check_topic(topic: str) -> None:
    if topic not in TOPIC_CODES:
        raise ValueError(f"Unknown conversation topic: {topic}")


def _person_who_matters_row(person_id: str, who: PersonWhoMatters) -> PersonWhoMattersRow:
    return PersonWhoMattersRow(
        id=who.id or None, person_id=person_id, **convert.columns(who, PERSON_WHO_MATTERS_FIELDS)
    )


def _apply(row: Any, changes: Mapping[str, Any], allowed: frozenset[str]) -> None:
    check_fields(changes, allowed)
    for name, value in changes.items():
        setattr(row, name, convert.column_value(name, value))
