"""The store: one SQLite file per worker, read and written only through domain objects.

Each public method is one transaction. Nothing it returns holds a session open, so widgets can
keep what they are given for as long as they like.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from assessor.conflicts import check_revision
from assessor.goals import GOAL_FIELDS, Goal, Review
from assessor.person_file import PersonFile
from assessor.record import (
    CONTACT_FIELDS,
    PERSON_FIELDS,
    PERSON_WHO_MATTERS_FIELDS,
    Contact,
    Conversation,
    Entry,
    Person,
    PersonWhoMatters,
)
from assessor.search import Findable
from db import convert
from db.carer_store import CarerStore
from db.caseload import FINDABLE_SQL, findable_from_row
from db.changelog import Change, Clock, change_from_row, logged_sessions, utc_now
from db.connection import create_store_engine
from db.draft_store import DraftStore
from db.file_rows import (
    check_topic,
    goal_row,
    person_who_matters_row,
    review_row,
    rows_of,
)
from db.lengths import length_checked
from db.models import (
    ChangeRow,
    ContactRow,
    ConversationEntryRow,
    GoalReviewRow,
    GoalRow,
    PersonRow,
    PersonWhoMattersRow,
)
from db.opening import prepare_store
from db.progression_store import ProgressionStore
from db.rows import NotFound, check_fields, live, read_conversation, recorded_order
from db.short_term_store import ShortTermStore


class Store(ShortTermStore, ProgressionStore, CarerStore, DraftStore):
    """The worker's store. `Store.open` migrates the file first, after keeping a copy.

    Short-term help, progression plans, carers and drafts live in their own modules, mixed in
    here.
    """

    def __init__(self, engine: Engine, worker: str, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.worker = worker
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
        return cls(create_store_engine(path, busy_timeout_ms), worker, clock)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            session.info["worker"] = self.worker
            session.info["clock"] = self._clock
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
            waves = [rows_of(file) for file in new_files]
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
                .order_by(PersonWhoMattersRow.created_at, recorded_order(PersonWhoMattersRow))
            ).all()
            return convert.person(row, list(matter))

    def update_person(
        self, person_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        """Change some of page one's fields; values are domain values (dates, choices).

        `based_on` is the revision the change was made from (see `assessor.conflicts`); the
        new revision is returned.
        """
        with self._transaction() as session:
            row = live(session, PersonRow, person_id, based_on)
            _apply(row, changes, PERSON_FIELDS)
        return row.revision

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
            row = person_who_matters_row(person_id, who)
            session.add(row)
            session.flush()
            return convert.person_who_matters(row)

    def update_person_who_matters(
        self, who_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        with self._transaction() as session:
            row = live(session, PersonWhoMattersRow, who_id, based_on)
            _apply(row, changes, PERSON_WHO_MATTERS_FIELDS)
        return row.revision

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
            recorded = session.scalars(
                select(recorded_order(ContactRow)).where(ContactRow.id == row.id)
            ).one()
            return convert.contact(row, recorded)

    def update_contact(
        self, contact_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        with self._transaction() as session:
            row = live(session, ContactRow, contact_id, based_on)
            _apply(row, changes, CONTACT_FIELDS)
        return row.revision

    def contacts(self, person_id: str) -> list[Contact]:
        """The person's contacts as a timeline, newest first; of two on one day, the one
        recorded later first (not the later stamp: the laptop's clock can be wrong)."""
        recorded = recorded_order(ContactRow)
        with self._transaction() as session:
            rows = session.execute(
                select(ContactRow, recorded)
                .where(ContactRow.person_id == person_id, ~ContactRow.deleted)
                .order_by(ContactRow.on.desc(), recorded.desc())
            ).all()
            return [convert.contact(row, order) for row, order in rows]

    def conversation(self, contact_id: str) -> Conversation:
        with self._transaction() as session:
            return read_conversation(session, contact_id)

    def set_entry(
        self, contact_id: str, topic: str, entry: Entry, based_on: int | None = None
    ) -> int:
        """Write one answer on page two exactly as given: own words are never trimmed.

        `based_on` is the revision of the answer it was typed over (0 for none yet); the new
        revision is returned.
        """
        check_topic(topic)
        with self._transaction() as session:
            live(session, ContactRow, contact_id)
            row = session.scalars(
                select(ConversationEntryRow).where(
                    ConversationEntryRow.contact_id == contact_id,
                    ConversationEntryRow.topic == topic,
                )
            ).one_or_none()
            if row is None:
                check_revision(0, based_on, "", utc_now())
                row = ConversationEntryRow(contact_id=contact_id, topic=topic)
                session.add(row)
            else:
                check_revision(row.revision, based_on, row.updated_by, row.updated_at)
            row.text = entry.text
            row.own_words = entry.own_words
            row.deleted = False
        return row.revision

    # --- goals and their reviews --------------------------------------------------------------

    def add_goal(self, goal: Goal) -> Goal:
        """Store a new goal after its checks (InvalidInput says what is wrong)."""
        goal.check()
        with self._transaction() as session:
            live(session, PersonRow, goal.person_id)
            row = goal_row(goal)
            session.add(row)
            session.flush()
            return convert.goal(row)

    def update_goal(
        self, goal_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        """Change a goal's wording, kind, target or expected level; checked as a whole."""
        with self._transaction() as session:
            row = live(session, GoalRow, goal_id, based_on)
            replace(convert.goal(row), **changes).check()
            _apply(row, changes, GOAL_FIELDS)
        return row.revision

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
            row = review_row(review)
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
            return [change_from_row(row) for row in rows]

    def newest_stamp(self) -> datetime | None:
        """The latest time any change held here was stamped with (UTC), whatever order the
        changes came in; None for an empty store. One pass over the change log."""
        with self._transaction() as session:
            newest = session.scalar(select(func.max(ChangeRow.changed_at)))
        return None if newest is None else newest.replace(tzinfo=UTC)

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


def _apply(row: Any, changes: Mapping[str, Any], allowed: frozenset[str]) -> None:
    check_fields(changes, allowed)
    for name, value in changes.items():
        setattr(row, name, convert.column_value(name, value))
