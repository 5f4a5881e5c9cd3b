"""Looking up one live row: shared by every part of the store."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from db.models import Synced


class NotFound(LookupError):
    """Asked for something the store does not hold (or holds only as a tombstone)."""


RowT = TypeVar("RowT", bound=Synced)


def live(session: Session, model: type[RowT], row_id: str) -> RowT:
    row = session.get(model, row_id)
    if row is None or row.deleted:
        table = getattr(model, "__tablename__", model.__name__)
        raise NotFound(f"No {table.replace('_', ' ')} with id {row_id}")
    return row
