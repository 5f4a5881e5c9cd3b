"""One transaction on the store: each kind of record's repository, all in the same session.

Whatever is read or written through one unit sees one moment of the store, so a person's whole
file can never mix two. Stamps come from the worker and clock the store was built with.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date
from functools import cached_property

from sqlalchemy.orm import Session

from assessor.person_file import OpenedPerson, PersonFile
from db.changelog import Clock
from db.file_rows import rows_of
from db.models import PersonRow
from db.repositories.carer_support import CarerSupport
from db.repositories.caring_roles import CaringRoles
from db.repositories.change_log import ChangeLog
from db.repositories.contacts import Contacts
from db.repositories.drafts import Drafts
from db.repositories.goals import Goals
from db.repositories.people import People
from db.repositories.progression import Progression
from db.repositories.received import Received
from db.repositories.short_term import ShortTermHelp


def local_date(clock: Clock) -> date:
    """The date on the worker's calendar by `clock` (which gives UTC)."""
    return clock().replace(tzinfo=UTC).astimezone().date()


class Unit:
    def __init__(self, session: Session, clock: Clock) -> None:
        self.session = session
        self.clock = clock
        self.today = local_date(clock)  # the worker's date, for checks on dates

    @cached_property
    def people(self) -> People:
        return People(self.session)

    @cached_property
    def contacts(self) -> Contacts:
        return Contacts(self.session, self.clock)

    @cached_property
    def goals(self) -> Goals:
        return Goals(self.session, self.today)

    @cached_property
    def short_term(self) -> ShortTermHelp:
        return ShortTermHelp(self.session)

    @cached_property
    def progression(self) -> Progression:
        return Progression(self.session)

    @cached_property
    def caring_roles(self) -> CaringRoles:
        return CaringRoles(self.session, self.contacts)

    @cached_property
    def carer_support(self) -> CarerSupport:
        return CarerSupport(self.session, self.today, self.caring_roles)

    @cached_property
    def drafts(self) -> Drafts:
        return Drafts(self.session)

    @cached_property
    def change_log(self) -> ChangeLog:
        return ChangeLog(self.session)

    @cached_property
    def received(self) -> Received:
        return Received(self.session)

    def person_file(self, person_id: str) -> PersonFile:
        """Everything held about one person, what was entered in error included (marked)."""
        person = self.people.get(person_id)
        contacts = self.contacts.of_person(person_id, with_marked=True)
        goals = self.goals.of_person(person_id)
        episodes = self.short_term.episodes(person_id)
        plans = self.progression.of_person(person_id)
        return PersonFile(
            person=person,
            contacts=contacts,
            conversations={c.id: self.contacts.conversation(c.id) for c in contacts},
            goals=goals,
            reviews=self.goals.reviews(goal.id for goal in goals),
            episodes=episodes,
            episode_reviews=self.short_term.reviews(e.id for e in episodes),
            plans=plans,
            plan_reviews=self.progression.reviews(plan.id for plan in plans),
            carers=self.caring_roles.carers_of(person_id),
            shared_by_carers=self.caring_roles.shared_by_carers(person_id),
            as_carer=self.carer_support.as_carer(person_id),
        )

    def opened(self, person_id: str) -> OpenedPerson:
        """What opening a person shows at once."""
        contacts = self.contacts.of_person(person_id)
        return OpenedPerson(
            person=self.people.get(person_id),
            carers=self.caring_roles.carers_of(person_id),
            cares_for=self.caring_roles.as_carer(person_id),
            contacts=contacts,
            newest=self.contacts.conversation(contacts[0].id) if contacts else None,
        )

    def add_files(self, files: Iterable[PersonFile]) -> list[str]:
        """Whole files (person, contacts, page two); one whose person is held is skipped."""
        new_files = [
            file
            for file in files
            if not (file.person.id and self.session.get(PersonRow, file.person.id) is not None)
        ]
        waves = [rows_of(file) for file in new_files]
        self.people.take_on(rows[0][0] for rows in waves)
        for wave in range(3):
            self.session.add_all(row for rows in waves for row in rows[wave])
            self.session.flush()
        return [rows[0][0].id for rows in waves]
