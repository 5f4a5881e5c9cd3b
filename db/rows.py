"""Reading rows the same way in every part of the store."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, ScalarSelect, func, select
from sqlalchemy.orm import Session

from assessor.conflicts import check_revision
from db.models import ChangeRow, Synced
from db.problems import NotFound as NotFound  # where the store's callers have always found it

RowT = TypeVar("RowT", bound=Synced)


def live(session: Session, model: type[RowT], row_id: str, based_on: int | None = None) -> RowT:
    """The live row, for an update based on revision `based_on` (EditConflict if the row has
    moved on since; None when the caller read it in this same transaction)."""
    row = session.get(model, row_id)
    if row is None or row.deleted:
        table = getattr(model, "__tablename__", model.__name__)
        raise NotFound(f"No {table.replace('_', ' ')} with id {row_id}")
    check_revision(row.revision, based_on, row.updated_by, row.updated_at)
    return row


def recorded_order(model: type[Synced]) -> ScalarSelect[int]:
    """A row's place in the order the store recorded things: the number of its first change-log
    entry, which the store counts up as it writes, whatever the laptop's clock says."""
    return (
        select(func.min(ChangeRow.seq))
        .where(ChangeRow.row_id == model.id)
        .correlate(model)
        .scalar_subquery()
    )


def check_fields(changes: Mapping[str, Any], allowed: frozenset[str]) -> None:
    """Only a record's own editable fields can be changed through the store."""
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"These cannot be changed here: {', '.join(sorted(unknown))}")


def shown(model: Any) -> ColumnElement[bool]:
    """Rows that lists, counts and measures show: live and not entered in error (the SQL form
    of `assessor.in_error.is_current`, for reads across the caseload). The whole file, for the
    export and the history, reads marked rows too."""
    clause: ColumnElement[bool] = ~model.deleted & (model.in_error_reason == "")
    return clause
