"""Reading the change log: a record's history, and the latest stamp the store holds."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.changelog import Change, change_from_row
from db.models import ChangeRow


class ChangeLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def history(self, row_ids: Iterable[str]) -> list[Change]:
        """Every logged change to these rows, oldest first."""
        rows = self.session.scalars(
            select(ChangeRow).where(ChangeRow.row_id.in_(list(row_ids))).order_by(ChangeRow.seq)
        ).all()
        return [change_from_row(row) for row in rows]

    def newest_stamp(self) -> datetime | None:
        """The latest time any change held here was stamped with (UTC), whatever order the
        changes came in; None for an empty store. One pass over the change log."""
        newest = self.session.scalar(select(func.max(ChangeRow.changed_at)))
        return None if newest is None else newest.replace(tzinfo=UTC)
