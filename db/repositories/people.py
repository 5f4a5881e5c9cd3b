"""People (page one) and the people who matter to them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from assessor.record import PERSON_FIELDS, PERSON_WHO_MATTERS_FIELDS, Person, PersonWhoMatters
from assessor.search import Findable
from db.caseload import FINDABLE_SQL, findable_from_row
from db.kinds import PERSON, PERSON_WHO_MATTERS
from db.models import PersonRow, PersonWhoMattersRow
from db.rows import NotFound, check_fields, live, recorded_order


class People:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, person_id: str) -> Person:
        row = live(self.session, PersonRow, person_id)
        matter = self.session.scalars(
            select(PersonWhoMattersRow)
            .where(PersonWhoMattersRow.person_id == person_id, ~PersonWhoMattersRow.deleted)
            .order_by(PersonWhoMattersRow.created_at, recorded_order(PersonWhoMattersRow))
        ).all()
        return PERSON.to_record(
            row, people_who_matter=[PERSON_WHO_MATTERS.to_record(who) for who in matter]
        )

    def update(self, person_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        check_fields(changes, PERSON_FIELDS)
        row = live(self.session, PersonRow, person_id, based_on)
        PERSON.apply(row, changes)
        self.session.flush()
        return row.revision

    def take_on(self, rows: Iterable[PersonRow]) -> None:
        """People added here are on this laptop's worker's caseload, so a team lead sees whose
        caseload each is on."""
        for row in rows:
            row.caseload_of = row.caseload_of or self.session.info["worker"]

    def display_names(self, person_ids: Iterable[str]) -> dict[str, str]:
        rows = self.session.scalars(
            select(PersonRow).where(PersonRow.id.in_(list(person_ids)), ~PersonRow.deleted)
        ).all()
        return {row.id: PERSON.to_record(row, people_who_matter=[]).display_name for row in rows}

    def findable_people(self) -> list[Findable]:
        rows = self.session.execute(text(FINDABLE_SQL)).all()
        return [findable_from_row(row) for row in rows]

    def findable(self, person_id: str) -> Findable:
        row = self.session.execute(
            text(f"{FINDABLE_SQL} AND id = :person_id"), {"person_id": person_id}
        ).one_or_none()
        if row is None:
            raise NotFound(f"No person with id {person_id}")
        return findable_from_row(row)

    def add_who_matters(self, person_id: str, who: PersonWhoMatters) -> PersonWhoMatters:
        live(self.session, PersonRow, person_id)
        row = PERSON_WHO_MATTERS.to_row(who, person_id=person_id)
        self.session.add(row)
        self.session.flush()
        return PERSON_WHO_MATTERS.to_record(row)

    def update_who_matters(
        self, who_id: str, changes: Mapping[str, Any], based_on: int | None
    ) -> int:
        check_fields(changes, PERSON_WHO_MATTERS_FIELDS)
        row = live(self.session, PersonWhoMattersRow, who_id, based_on)
        PERSON_WHO_MATTERS.apply(row, changes)
        self.session.flush()
        return row.revision

    def remove_who_matters(self, who_id: str) -> None:
        """Leaves a tombstone, so the removal reaches the council on sync."""
        live(self.session, PersonWhoMattersRow, who_id).deleted = True
