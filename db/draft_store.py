"""Drafts in the store: kept, dropped and read back in their own small transactions."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import delete, select

from assessor.drafts import Draft
from db.models import DraftRow


class DraftStore:
    """Mixed into `Store`: every method is one transaction."""

    _transaction: Any

    def keep_draft(self, draft: Draft) -> None:
        """Keep (or replace) the draft of one field."""
        with self._transaction() as session:
            row = session.get(DraftRow, (draft.record, draft.field)) or DraftRow(
                record=draft.record, field=draft.field
            )
            row.text, row.message, row.label = draft.text, draft.message, draft.label
            row.place, row.person_id, row.kind = draft.where, draft.person_id, draft.kind
            row.kept_at = draft.kept_at.astimezone(UTC).replace(tzinfo=None)
            session.add(row)

    def drop_draft(self, record: str, field: str) -> None:
        """The field's text reached its record (or was put back): the draft has done its job."""
        with self._transaction() as session:
            session.execute(
                delete(DraftRow).where(DraftRow.record == record, DraftRow.field == field)
            )

    def drafts(self) -> list[Draft]:
        """Every draft held, oldest first: there are only ever a few."""
        with self._transaction() as session:
            rows = session.scalars(select(DraftRow).order_by(DraftRow.kept_at)).all()
            return [
                Draft(
                    record=row.record,
                    field=row.field,
                    text=row.text,
                    message=row.message,
                    label=row.label,
                    where=row.place,
                    person_id=row.person_id,
                    kept_at=row.kept_at.replace(tzinfo=UTC),
                    kind=row.kind,
                )
                for row in rows
            ]
