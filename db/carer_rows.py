"""Row <-> domain converters for the carer tables, apart from `db.carer_store` so the store's
queries and rules read on their own; `db.file_rows` uses `carer_rows` to write a whole file."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from assessor.carers import (
    CARER_PLAN_FIELDS,
    CARING_ROLE_FIELDS,
    CarerOffer,
    CarerPlan,
    CarerReview,
    CaringRole,
)
from assessor.person_file import AsCarer
from db import convert
from db.models import CarerOfferRow, CarerPlanRow, CarerReviewRow, CaringRoleRow, PersonRow, new_id


def role_from_row(row: CaringRoleRow) -> CaringRole:
    return CaringRole(
        carer_id=row.carer_id,
        cared_for_id=row.cared_for_id,
        what_they_do=row.what_they_do,
        hours_a_week=row.hours_a_week,
        since=row.since,
        live_together=row.live_together,
        named_as_id=row.named_as_id or "",
        id=row.id,
        stamp=convert.stamp(row),
    )


def role_row(role: CaringRole) -> CaringRoleRow:
    return CaringRoleRow(
        id=role.id or new_id(),
        carer_id=role.carer_id,
        cared_for_id=role.cared_for_id,
        named_as_id=role.named_as_id or None,
        **{name: getattr(role, name) for name in CARING_ROLE_FIELDS},
    )


def offer_from_row(row: CarerOfferRow) -> CarerOffer:
    return CarerOffer(
        carer_id=row.carer_id,
        on=row.on,
        response=convert.domain_value("response", row.response),
        note=row.note,
        id=row.id,
        stamp=convert.stamp(row),
    )


def offer_row(offer: CarerOffer) -> CarerOfferRow:
    return CarerOfferRow(
        id=offer.id or new_id(),
        carer_id=offer.carer_id,
        on=offer.on,
        response=offer.response.value,
        note=offer.note,
    )


def plan_from_row(row: CarerPlanRow) -> CarerPlan:
    return CarerPlan(
        carer_id=row.carer_id,
        made_on=row.made_on,
        **{name: getattr(row, name) for name in CARER_PLAN_FIELDS},
        id=row.id,
        stamp=convert.stamp(row),
    )


def plan_row(plan: CarerPlan) -> CarerPlanRow:
    return CarerPlanRow(
        id=plan.id or new_id(),
        carer_id=plan.carer_id,
        made_on=plan.made_on,
        **{name: getattr(plan, name) for name in CARER_PLAN_FIELDS},
    )


def review_from_row(row: CarerReviewRow) -> CarerReview:
    return CarerReview(
        carer_id=row.carer_id,
        on=row.on,
        supported=convert.domain_value("supported", row.supported),
        words=row.words,
        note=row.note,
        id=row.id,
        stamp=convert.stamp(row),
    )


def review_row(review: CarerReview) -> CarerReviewRow:
    return CarerReviewRow(
        id=review.id or new_id(),
        carer_id=review.carer_id,
        on=review.on,
        supported=review.supported.value,
        words=review.words,
        note=review.note,
    )


def carer_rows(carer_id: str, as_carer: AsCarer) -> tuple[list[Any], list[Any]]:
    """A file's carer rows for `Store.add_files`: offers, plans and reviews need only the
    carer; roles also need the page-one entry that named them, so they come a wave later.
    A role is written from its carer's file only."""
    own: list[Any] = []
    for offer in as_carer.offers:
        own.append(offer_row(replace(offer, carer_id=carer_id)))
    for plan in as_carer.plans:
        plan.check()
        own.append(plan_row(replace(plan, carer_id=carer_id)))
    for review in as_carer.reviews:
        review.check()
        own.append(review_row(replace(review, carer_id=carer_id)))
    roles = []
    for role in as_carer.roles:
        role = replace(role, carer_id=carer_id)
        role.check()
        roles.append(role_row(role))
    return own, roles


def carer_name(row: PersonRow) -> str:
    return " ".join(part for part in (row.preferred_name, row.family_name) if part)
