"""Whose a row is, and which people a device may see and change (docs/sync-protocol.md, "Scope").

A device's scope is the people of its team (`hub_person_teams`) and the people linked to them by
a live caring role, either way round: a carer recorded in another team is still someone the
team works with. Every row belongs to one person, found through its columns or its parent's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Select, exists, select, union
from sqlalchemy.orm import Session

from db.models import CaringRoleRow, ContactRow, EpisodeRow, GoalRow, PlanRow, Synced
from db.models_hub import HubPersonTeamRow

# Columns naming the person a row belongs to, in the order they are looked for.
OWNER_COLUMNS = ("person_id", "carer_id")
# Columns naming a parent row that itself names the person.
PARENT_COLUMNS: dict[str, type[Any]] = {
    "contact_id": ContactRow,
    "goal_id": GoalRow,
    "episode_id": EpisodeRow,
    "plan_id": PlanRow,
}


Lookup = Callable[[type[Any], str], Any]  # a row of a model by id, or None: `Session.get`


def owner_of(get: Lookup, kind: str, row_id: str, fields: Mapping[str, Any]) -> str | None:
    """The id of the person a row of `kind` with these fields belongs to, its parent read with
    `get`; None when its parent row is not held."""
    if kind == "people":
        return row_id
    for name in OWNER_COLUMNS:
        if fields.get(name):
            return str(fields[name])
    for name, model in PARENT_COLUMNS.items():
        if fields.get(name):
            parent = get(model, fields[name])
            return None if parent is None else str(parent.person_id)
    return None


def person_of(session: Session, row: Synced, get: Lookup | None = None) -> str:
    """For the change log on the hub: whose row this is ('' if no one's); its parent read with
    `get` when given (rows a push writes, not yet flushed), else from the session."""
    names = (*OWNER_COLUMNS, *PARENT_COLUMNS)
    fields = {name: getattr(row, name) for name in names if hasattr(row, name)}
    kind = row.__tablename__  # type: ignore[attr-defined]
    return owner_of(get or session.get, kind, row.id, fields) or ""


def team_people(team_id: str) -> Select[Any]:
    return select(HubPersonTeamRow.person_id).where(HubPersonTeamRow.team_id == team_id)


def scope_people(team_id: str) -> Select[Any]:
    """The ids of every person a device of the team may see, as a subquery."""
    team = team_people(team_id)
    live = CaringRoleRow.deleted.is_(False)
    carers = select(CaringRoleRow.carer_id).where(live, CaringRoleRow.cared_for_id.in_(team))
    cared_for = select(CaringRoleRow.cared_for_id).where(live, CaringRoleRow.carer_id.in_(team))
    people = union(team, carers, cared_for).subquery()
    return select(people.c[0])


def team_of(session: Session, person_id: str) -> str | None:
    return session.scalar(
        select(HubPersonTeamRow.team_id).where(HubPersonTeamRow.person_id == person_id)
    )


def linked_to_team(session: Session, person_id: str, team_id: str) -> bool:
    """Whether a live caring role links the person to someone of the team, either way round."""
    team = team_people(team_id)
    role = CaringRoleRow
    as_carer = (role.carer_id == person_id) & role.cared_for_id.in_(team)
    cared_for = (role.cared_for_id == person_id) & role.carer_id.in_(team)
    found = exists().where(role.deleted.is_(False), as_carer | cared_for)
    return bool(session.scalar(select(found)))


def may_change(session: Session, person_id: str, team_id: str, team: str | None) -> bool:
    """Whether a device of the team may change this person's rows, `team` being the person's
    (`team_of`); a person no team holds yet (new to the hub) joins this team."""
    if team is None:
        session.add(HubPersonTeamRow(person_id=person_id, team_id=team_id))
        return True
    return team == team_id or linked_to_team(session, person_id, team_id)
