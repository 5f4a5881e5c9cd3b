"""Drafts: text typed that is not yet in its record. They stay on this laptop, so they have
no stamps, no change-log entries and their own mapping."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assessor.drafts import Draft
from db.models import DraftRow


class Drafts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def keep(self, draft: Draft) -> None:
        """Keep (or replace) the draft of one field."""
        row = self.session.get(DraftRow, (draft.record, draft.field)) or DraftRow(
            record=draft.record, field=draft.field
        )
        row.text, row.message, row.label = draft.text, draft.message, draft.label
        row.place, row.person_id, row.kind = draft.where, draft.person_id, draft.kind
        row.kept_at = draft.kept_at.astimezone(UTC).replace(tzinfo=None)
        self.session.add(row)

    def drop(self, record: str, field: str) -> None:
        """The field's text reached its record (or was put back): the draft has done its job."""
        self.session.execute(
            delete(DraftRow).where(DraftRow.record == record, DraftRow.field == field)
        )

    def all(self) -> list[Draft]:
        """Every draft held, oldest first: there are only ever a few."""
        rows = self.session.scalars(select(DraftRow).order_by(DraftRow.kept_at)).all()
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
