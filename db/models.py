"""The store's tables. Every row is sync-ready: a UUID made here, stamps, a revision, a tombstone.

Rows never leave `db`: the `Store` turns them into `assessor.record` objects.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class Synced:
    """Columns every synced table has; the change-log hook fills the stamps."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class PersonRow(Synced, Base):
    __tablename__ = "people"

    preferred_name: Mapped[str] = mapped_column(Text)
    first_names: Mapped[str] = mapped_column(Text, default="")
    family_name: Mapped[str] = mapped_column(Text, default="")
    other_names: Mapped[str] = mapped_column(Text, default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    nhs_number: Mapped[str] = mapped_column(String(10), default="", index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(8), default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    contact_preference: Mapped[str | None] = mapped_column(String(40), nullable=True)
    communication_needs: Mapped[str] = mapped_column(Text, default="")
    information_format: Mapped[str | None] = mapped_column(String(40), nullable=True)
    interpreter_language: Mapped[str] = mapped_column(Text, default="")
    consent_to_record: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    consent_to_share: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    share_with: Mapped[str] = mapped_column(Text, default="")
    consent_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent_how: Mapped[str | None] = mapped_column(String(40), nullable=True)
    route: Mapped[str | None] = mapped_column(String(40), nullable=True)
    route_detail: Mapped[str] = mapped_column(Text, default="")
    presenting_problem: Mapped[str] = mapped_column(Text)
    # Whose caseload the person is on (the worker's name), so a team lead sees it.
    caseload_of: Mapped[str] = mapped_column(Text, default="", server_default="")
    alerts: Mapped[str] = mapped_column(Text, default="", server_default="")
    gp_practice: Mapped[str] = mapped_column(Text, default="", server_default="")
    lives_alone: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    attorney: Mapped[str] = mapped_column(Text, default="", server_default="")
    format_arranged: Mapped[str] = mapped_column(Text, default="", server_default="")
    format_arranged_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    in_error_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class PersonWhoMattersRow(Synced, Base):
    __tablename__ = "people_who_matter"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    relationship: Mapped[str | None] = mapped_column(String(40), nullable=True)
    relationship_detail: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    is_carer: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class ContactRow(Synced, Base):
    __tablename__ = "contacts"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(40), nullable=True)
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)
    worker: Mapped[str] = mapped_column(Text, default="")
    followed: Mapped[list[str]] = mapped_column(JSON)
    shared_with_cared_for: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    in_error_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class AgreedStepRow(Synced, Base):
    """One next step agreed at a conversation, and who will take it."""

    __tablename__ = "agreed_steps"

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(Text, default="")
    by_when: Mapped[date | None] = mapped_column(Date, nullable=True)


class ConversationEntryRow(Synced, Base):
    """One answer on page two; one row per topic, so two laptops rarely touch the same row."""

    __tablename__ = "conversation_entries"
    __table_args__ = (UniqueConstraint("contact_id", "topic"),)

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    topic: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text, default="")
    own_words: Mapped[bool] = mapped_column(Boolean, default=False)


class ChangeRow(Base):
    """One change to one row, written in the same transaction; sync sends these in order."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_xid_seq", "xid", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    operation: Mapped[str] = mapped_column(String(10))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(200))
    sent: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set on a laptop when the hub did not accept the change: it is sent no more until the row
    # changes again or the worker sends it again (see docs/sync-protocol.md).
    held_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # On the hub: the device whose push wrote it, the person it belongs to (for each device's
    # scope), and the PostgreSQL transaction that wrote it (the pull cursor's rule; 0 on SQLite).
    device_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    person_id: Mapped[str] = mapped_column(String(36), default="", server_default="", index=True)
    xid: Mapped[int] = mapped_column(BigInteger, server_default="0")


class GoalRow(Synced, Base):
    __tablename__ = "goals"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    words: Mapped[str] = mapped_column(Text)
    set_on: Mapped[date] = mapped_column(Date)
    set_by: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40))
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    expected: Mapped[str] = mapped_column(Text, default="")
    baseline: Mapped[int] = mapped_column(Integer)


class GoalReviewRow(Synced, Base):
    """Append-only: a review is never changed, only followed by another."""

    __tablename__ = "goal_reviews"

    goal_id: Mapped[str] = mapped_column(ForeignKey("goals.id"), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    on: Mapped[date] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(40))
    self_rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    in_error_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class EpisodeRow(Synced, Base):
    """Short-term help. Times are the laptop's local time, as the worker reads them."""

    __tablename__ = "short_term_episodes"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    provider: Mapped[str] = mapped_column(Text, default="")
    asked_at: Mapped[datetime] = mapped_column(DateTime)
    first_help_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    outcome_2_weeks: Mapped[str | None] = mapped_column(String(40), nullable=True)
    outcome_2_weeks_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome_2_weeks_early_because: Mapped[str] = mapped_column(Text, default="")
    outcome_6_weeks: Mapped[str | None] = mapped_column(String(40), nullable=True)
    outcome_6_weeks_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome_6_weeks_early_because: Mapped[str] = mapped_column(Text, default="")
    outcome_2_weeks_in_error: Mapped[str] = mapped_column(Text, default="", server_default="")
    outcome_6_weeks_in_error: Mapped[str] = mapped_column(Text, default="", server_default="")


class EpisodeReviewRow(Synced, Base):
    """Append-only weekly review of short-term help, with the goals it worked on."""

    __tablename__ = "episode_reviews"

    episode_id: Mapped[str] = mapped_column(ForeignKey("short_term_episodes.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    goal_ids: Mapped[list[str]] = mapped_column(JSON)
    in_error_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class PlanRow(Synced, Base):
    __tablename__ = "progression_plans"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    start_level: Mapped[int] = mapped_column(Integer)
    target_level: Mapped[int] = mapped_column(Integer)
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    goal_ids: Mapped[list[str]] = mapped_column(JSON)


class PlanReviewRow(Synced, Base):
    """Append-only: where the person is on the ladder at each review."""

    __tablename__ = "plan_reviews"

    plan_id: Mapped[str] = mapped_column(ForeignKey("progression_plans.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    level: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class CaringRoleRow(Synced, Base):
    """One carer caring for one person; both are people with records of their own."""

    __tablename__ = "caring_roles"

    carer_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    cared_for_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    what_they_do: Mapped[str] = mapped_column(Text, default="")
    hours_a_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    since: Mapped[date | None] = mapped_column(Date, nullable=True)
    live_together: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    named_as_id: Mapped[str | None] = mapped_column(
        ForeignKey("people_who_matter.id"), nullable=True
    )


class CarerOfferRow(Synced, Base):
    """Append-only: each time a carer was offered a conversation of their own."""

    __tablename__ = "carer_offers"

    carer_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    response: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")


class CarerPlanRow(Synced, Base):
    __tablename__ = "carer_plans"

    carer_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    made_on: Mapped[date] = mapped_column(Date)
    what_will_help: Mapped[str] = mapped_column(Text, default="")
    breaks: Mapped[str] = mapped_column(Text, default="")
    contingency: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class CarerReviewRow(Synced, Base):
    """Append-only: "Do you feel supported?" at each review, kept over time."""

    __tablename__ = "carer_reviews"

    carer_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    supported: Mapped[str] = mapped_column(String(40))
    words: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class DraftRow(Base):
    """Text typed that is not yet in its record (see `assessor.drafts`); never synced, so it
    has no stamps and writes no change-log entry."""

    __tablename__ = "drafts"

    record: Mapped[str] = mapped_column(String(200), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(Text)
    person_id: Mapped[str] = mapped_column(String(36))
    kept_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20), default="check")


class SyncConflictRow(Synced, Base):
    """Fields of one record that two people changed apart (see docs/sync-protocol.md): made on
    the hub, synced to every laptop of the team, resolved on any of them field by field."""

    __tablename__ = "sync_conflicts"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    # {field: {"original": …, "incoming": …, "current": …}} as JSON keeps each value.
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    incoming_by: Mapped[str] = mapped_column(Text, default="")
    incoming_at: Mapped[datetime] = mapped_column(DateTime)
    current_by: Mapped[str] = mapped_column(Text, default="")
    current_at: Mapped[datetime] = mapped_column(DateTime)
    # {field: chosen value}; empty while open.
    resolution: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


# The laptop's and the hub's own tables (never synced) live beside these, on the same Base.
from db import models_hub, models_laptop  # noqa: E402, F401
