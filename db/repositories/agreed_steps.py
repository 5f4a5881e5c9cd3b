"""The steps agreed at a conversation ("what we agreed"): what, who will do it, by when."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.record import AGREED_STEP_FIELDS, AgreedStep
from db.kinds import AGREED_STEP
from db.models import AgreedStepRow, ContactRow
from db.rows import check_fields, live, recorded_order


class AgreedSteps:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, step: AgreedStep) -> AgreedStep:
        live(self.session, ContactRow, step.contact_id)
        row = AGREED_STEP.to_row(step)
        self.session.add(row)
        self.session.flush()
        return AGREED_STEP.to_record(row)

    def update(self, step_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        check_fields(changes, AGREED_STEP_FIELDS)
        row = live(self.session, AgreedStepRow, step_id, based_on)
        AGREED_STEP.apply(row, changes)
        self.session.flush()
        return row.revision

    def remove(self, step_id: str) -> None:
        """Leaves a tombstone, so the removal reaches the council on sync."""
        live(self.session, AgreedStepRow, step_id).deleted = True

    def of_contact(self, contact_id: str) -> list[AgreedStep]:
        """In the order they were added (the store's order, not the laptop's clock)."""
        rows = self.session.scalars(
            select(AgreedStepRow)
            .where(AgreedStepRow.contact_id == contact_id, ~AgreedStepRow.deleted)
            .order_by(recorded_order(AgreedStepRow))
        ).all()
        return [AGREED_STEP.to_record(row) for row in rows]
