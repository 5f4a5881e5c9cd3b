"""Rows to domain objects and domain values to column values, in one place."""

from __future__ import annotations

from datetime import UTC
from enum import StrEnum
from typing import Any

from assessor.carers import OfferResponse, Supported
from assessor.goals import GOAL_FIELDS, Goal, GoalKind, Review, Reviewer
from assessor.record import (
    CONTACT_FIELDS,
    PERSON_FIELDS,
    PERSON_WHO_MATTERS_FIELDS,
    ConsentHow,
    Contact,
    ContactPreference,
    ConversationKind,
    Followed,
    InformationFormat,
    Person,
    PersonWhoMatters,
    Place,
    Relationship,
    Route,
)
from assessor.stamps import Stamp
from db.models import ContactRow, GoalReviewRow, GoalRow, PersonRow, PersonWhoMattersRow, Synced

CHOICES: dict[str, type[StrEnum]] = {
    "contact_preference": ContactPreference,
    "information_format": InformationFormat,
    "consent_how": ConsentHow,
    "route": Route,
    "relationship": Relationship,
    "place": Place,
    "kind": ConversationKind,
    "reviewer": Reviewer,
    "response": OfferResponse,
    "supported": Supported,
}


def stamp(row: Synced) -> Stamp:
    return Stamp(
        created_at=row.created_at.replace(tzinfo=UTC),
        updated_at=row.updated_at.replace(tzinfo=UTC),
        updated_by=row.updated_by,
        revision=row.revision,
    )


def domain_value(field: str, stored: Any) -> Any:
    """A column value as the domain holds it: codes back to choices, lists to sets."""
    if stored is None:
        return None
    if field in CHOICES:
        return CHOICES[field](stored)
    if field == "followed":
        return frozenset(Followed(code) for code in stored)
    return stored


def column_value(field: str, value: Any) -> Any:
    """A domain value as a column holds it: choices as codes, sets as sorted lists."""
    if isinstance(value, StrEnum):
        return value.value
    if field == "followed":
        return sorted(Followed(item).value for item in value)
    return value


def columns(obj: object, fields: frozenset[str]) -> dict[str, Any]:
    """A domain object's fields as column values."""
    return {name: column_value(name, getattr(obj, name)) for name in fields}


def _fields(row: Synced, names: frozenset[str] | set[str]) -> dict[str, Any]:
    return {name: domain_value(name, getattr(row, name)) for name in names}


def person(row: PersonRow, people_who_matter: list[PersonWhoMattersRow]) -> Person:
    return Person(
        **_fields(row, PERSON_FIELDS),
        people_who_matter=[person_who_matters(r) for r in people_who_matter],
        id=row.id,
        stamp=stamp(row),
    )


def person_who_matters(row: PersonWhoMattersRow) -> PersonWhoMatters:
    return PersonWhoMatters(**_fields(row, PERSON_WHO_MATTERS_FIELDS), id=row.id, stamp=stamp(row))


def goal(row: GoalRow) -> Goal:
    values = _fields(row, GOAL_FIELDS - {"kind"})
    return Goal(
        person_id=row.person_id, kind=GoalKind(row.kind), **values, id=row.id, stamp=stamp(row)
    )


def review(row: GoalReviewRow) -> Review:
    return Review(
        goal_id=row.goal_id,
        rating=row.rating,
        on=row.on,
        reviewer=Reviewer(row.reviewer),
        self_rating=row.self_rating,
        note=row.note,
        id=row.id,
        stamp=stamp(row),
    )


def contact(row: ContactRow, recorded_order: int) -> Contact:
    return Contact(
        person_id=row.person_id,
        **_fields(row, CONTACT_FIELDS),
        id=row.id,
        stamp=stamp(row),
        recorded_order=recorded_order,
    )
