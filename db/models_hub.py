"""The hub's own tables: teams, workers, devices, enrolment, receipts, audit. Never synced,
empty on a laptop (one schema everywhere, so one set of migrations serves both)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class HubTeamRow(Base):
    __tablename__ = "hub_teams"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class HubWorkerRow(Base):
    __tablename__ = "hub_workers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("hub_teams.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # worker | ot | team-lead | administrator
    created_at: Mapped[datetime] = mapped_column(DateTime)


class HubEnrolmentCodeRow(Base):
    """A one-time code, kept only as its hash."""

    __tablename__ = "hub_enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    worker_id: Mapped[str] = mapped_column(ForeignKey("hub_workers.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class HubDeviceRow(Base):
    """An enrolled laptop; the hub keeps only a hash of its secret."""

    __tablename__ = "hub_devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    worker_id: Mapped[str] = mapped_column(ForeignKey("hub_workers.id"), index=True)
    name: Mapped[str] = mapped_column(Text, default="")
    secret_hash: Mapped[str] = mapped_column(String(200))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class HubKeyRow(Base):
    """The key session tokens are signed with, in the database so every hub process shares it."""

    __tablename__ = "hub_keys"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    secret: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class HubPersonTeamRow(Base):
    """Which team a person belongs to: the team of the device that first sent them."""

    __tablename__ = "hub_person_teams"

    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("hub_teams.id"), index=True)


class HubReceiptRow(Base):
    """The answer given to each change id, so a change sent twice is applied once."""

    __tablename__ = "hub_receipts"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(DateTime)


class HubAuditRow(Base):
    """Append-only: who read or changed what, when, from which device."""

    __tablename__ = "hub_audit"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    worker: Mapped[str] = mapped_column(Text, default="")
    device_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(20))  # read | change | enrol | revoke | refused …
    kind: Mapped[str] = mapped_column(String(60), default="")
    row_id: Mapped[str] = mapped_column(String(36), default="")
    person_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
