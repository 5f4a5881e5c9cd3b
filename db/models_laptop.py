"""A laptop's own sync tables: never synced, empty on the hub (see docs/sync-protocol.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class SyncStateRow(Base):
    """What a laptop knows of its hub, one value a key: the hub's address, the device id, the
    worker, team and role it was enrolled as, the pull cursor, when it last synced."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncBaseRow(Base):
    """The last state of a row that this laptop and the hub agreed on: what a change is based
    on, and the old values it sends."""

    __tablename__ = "sync_base"

    kind: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
