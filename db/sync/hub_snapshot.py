"""A first sync: the live rows of the people in a device's scope, a whole person at a time.

Replaying the whole log is what makes a first sync slow (PouchDB's); a snapshot sends each live
row once. The worker's own people come first, so their caseload is usable soonest; then the rest
of the scope; then the caring roles between them, once both people of each are there. Rows are
read one query a kind for a handful of people at once, and a page lists parents before children,
so a laptop can apply it in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import (
    AgreedStepRow,
    CarerOfferRow,
    CarerPlanRow,
    CarerReviewRow,
    CaringRoleRow,
    ContactRow,
    ConversationEntryRow,
    EpisodeReviewRow,
    EpisodeRow,
    GoalReviewRow,
    GoalRow,
    PersonRow,
    PersonWhoMattersRow,
    PlanReviewRow,
    PlanRow,
    SyncConflictRow,
)
from db.repositories.received import row_state
from db.sync.hub_cursor import OWN, REST, ROLES, Cursor
from db.sync.hub_feed import Owned
from db.sync.hub_scope import scope_people, team_people

CHUNK = 50  # people read at once

# Each kind of a person's rows, parents first: (model, parent model or None, owner column).
PARTS: list[tuple[type[Any], type[Any] | None, str]] = [
    (PersonRow, None, "id"),
    (PersonWhoMattersRow, None, "person_id"),
    (ContactRow, None, "person_id"),
    (ConversationEntryRow, ContactRow, "contact_id"),
    (AgreedStepRow, ContactRow, "contact_id"),
    (GoalRow, None, "person_id"),
    (GoalReviewRow, GoalRow, "goal_id"),
    (EpisodeRow, None, "person_id"),
    (EpisodeReviewRow, EpisodeRow, "episode_id"),
    (PlanRow, None, "person_id"),
    (PlanReviewRow, PlanRow, "plan_id"),
    (CarerOfferRow, None, "carer_id"),
    (CarerPlanRow, None, "carer_id"),
    (CarerReviewRow, None, "carer_id"),
    (SyncConflictRow, None, "person_id"),
]


@dataclass(frozen=True)
class SnapshotPage:
    rows: list[Owned]
    cursor: Cursor  # where the next page starts: a snapshot phase, or the feed when done


def _part_query(
    model: type[Any], parent: type[Any] | None, column: str, people: list[str]
) -> Select[Any]:
    """The live rows of one kind belonging to `people`, each with its person's id."""
    if parent is None:
        owner = getattr(model, column)
        query = select(model, owner).where(owner.in_(people))
    else:
        query = (
            select(model, parent.person_id)
            .join(parent, getattr(model, column) == parent.id)
            .where(parent.person_id.in_(people), parent.deleted.is_(False))
        )
    return query.where(model.deleted.is_(False))


def rows_of_people(session: Session, people: list[str]) -> dict[str, list[list[Owned]]]:
    """Each person's live rows, kind by kind in the order of `PARTS`."""
    found: dict[str, list[list[Owned]]] = {person: [[] for _ in PARTS] for person in people}
    for index, (model, parent, column) in enumerate(PARTS):
        kind = model.__tablename__
        for row, person in session.execute(_part_query(model, parent, column, people)):
            found[person][index].append(Owned(row_state(kind, row, row.revision), person))
    return found


def with_linked_people(session: Session, team_id: str, rows: list[Owned]) -> list[Owned]:
    """A caring role that links someone of another team to this one brings their whole record
    first: their earlier rows went by in the feed before the link, out of the team's scope."""
    linked = {
        str(owned.state.fields[side])
        for owned in rows
        if owned.state.kind == "caring_roles" and not owned.state.deleted
        for side in ("carer_id", "cared_for_id")
    }
    outside = sorted(linked - set(session.scalars(team_people(team_id))))
    if not outside:
        return rows
    found = rows_of_people(session, outside)
    return [
        owned for index in range(len(PARTS)) for person in outside for owned in found[person][index]
    ] + rows


class Snapshot:
    def __init__(self, session: Session, team_id: str, worker: str) -> None:
        self.session = session
        self.team_id = team_id
        self.worker = worker

    def page(self, cursor: Cursor, limit: int) -> SnapshotPage:
        """About `limit` rows from where `cursor` got to: whole people, then roles."""
        chosen: list[list[list[Owned]]] = []
        count = 0
        while cursor.phase in (OWN, REST) and count < limit:
            people = self._next_people(cursor)
            if not people:
                cursor = Cursor(cursor.position, REST if cursor.phase == OWN else ROLES)
                continue
            rows = rows_of_people(self.session, people)
            for person in people:
                if count >= limit:
                    break
                chosen.append(rows[person])
                count += sum(len(part) for part in rows[person])
                cursor = Cursor(cursor.position, cursor.phase, person)
        page = [
            owned for index in range(len(PARTS)) for person in chosen for owned in person[index]
        ]
        if cursor.phase == ROLES and count < limit:
            roles, cursor = self._roles(cursor, limit - count)
            page += roles
        return SnapshotPage(page, cursor)

    def _next_people(self, cursor: Cursor) -> list[str]:
        own = PersonRow.caseload_of == self.worker
        query = (
            select(PersonRow.id)
            .where(
                PersonRow.id.in_(scope_people(self.team_id)),
                PersonRow.deleted.is_(False),
                PersonRow.id > cursor.after,
                own if cursor.phase == OWN else ~own,
            )
            .order_by(PersonRow.id)
            .limit(CHUNK)
        )
        return list(self.session.scalars(query))

    def _roles(self, cursor: Cursor, limit: int) -> tuple[list[Owned], Cursor]:
        """Live caring roles whose two people are live and in scope, and whose named person who
        matters (if any) is live; after the last, the feed from the position remembered."""
        role = CaringRoleRow
        carer, cared_for = PersonRow.__table__.alias(), PersonRow.__table__.alias()
        scope = scope_people(self.team_id)
        query = (
            select(role)
            .join(carer, role.carer_id == carer.c.id)
            .join(cared_for, role.cared_for_id == cared_for.c.id)
            .outerjoin(PersonWhoMattersRow, role.named_as_id == PersonWhoMattersRow.id)
            .where(
                role.deleted.is_(False),
                carer.c.deleted.is_(False),
                cared_for.c.deleted.is_(False),
                role.carer_id.in_(scope),
                role.cared_for_id.in_(scope),
                role.named_as_id.is_(None) | PersonWhoMattersRow.deleted.is_(False),
                role.id > cursor.after,
            )
            .order_by(role.id)
            .limit(limit + 1)
        )
        roles = list(self.session.scalars(query))
        more = len(roles) > limit
        states = [Owned(row_state("caring_roles", r, r.revision), r.carer_id) for r in roles]
        if more:
            return states[:limit], Cursor(cursor.position, ROLES, roles[limit - 1].id)
        return states, Cursor(cursor.position)
