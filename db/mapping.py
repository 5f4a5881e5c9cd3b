"""Rows to domain records and back, one way for every kind of record.

A record's field is the column of the same name, and the field's type says how the column keeps
it: a choice as its code, a set of choices as a sorted list of codes, a list of small records
(a plan's steps) as JSON objects, an optional link as NULL where the record says "". Its `id`,
`stamp` and `revision` come from the row's own stamps. Declaring a kind is naming its record
and its row; nothing else needs writing when a field is added to both.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Mapping
from datetime import UTC, date
from enum import StrEnum
from typing import Any, Generic, TypeVar, Union, get_args, get_origin, get_type_hints

from sqlalchemy import inspect

from assessor.stamps import Stamp
from db.models import Synced

RecordT = TypeVar("RecordT")
RowT = TypeVar("RowT", bound=Synced)

_FROM_STAMPS = frozenset({"id", "stamp", "revision"})


def stamp(row: Synced) -> Stamp:
    return Stamp(
        created_at=row.created_at.replace(tzinfo=UTC),
        updated_at=row.updated_at.replace(tzinfo=UTC),
        updated_by=row.updated_by,
        revision=row.revision,
    )


@dataclasses.dataclass(frozen=True)
class _Codec:
    """How one field's value becomes a column value (`kept`) and back (`held`)."""

    kept: Callable[[Any], Any]
    held: Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _step_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _small_record(kind: type[Any]) -> _Codec:
    """A list of small records kept as JSON objects, dates as ISO text."""
    dates = {name for name, hint in get_type_hints(kind).items() if date in _members(hint)}

    def held(item: Mapping[str, Any]) -> Any:
        values = {k: date.fromisoformat(v) if k in dates and v else v for k, v in item.items()}
        return kind(**values)

    return _Codec(
        kept=lambda items: [
            {k: _step_json(v) for k, v in dataclasses.asdict(item).items()} for item in items
        ],
        held=lambda items: [held(item) for item in items],
    )


def _members(hint: Any) -> tuple[Any, ...]:
    """The types of a hint, with an optional's None left out."""
    if get_origin(hint) in (Union, types.UnionType):
        return tuple(arg for arg in get_args(hint) if arg is not type(None))
    return (hint,)


def _codec(hint: Any, nullable_link: bool) -> _Codec:
    if nullable_link:
        return _Codec(kept=lambda link: link or None, held=lambda link: link or "")
    codec = _value_codec(hint)
    return _Codec(
        kept=lambda value: None if value is None else codec.kept(value),
        held=lambda value: None if value is None else codec.held(value),
    )


def _value_codec(hint: Any) -> _Codec:
    (kind,) = _members(hint)
    origin, args = get_origin(kind), get_args(kind)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return _Codec(kept=lambda choice: choice.value, held=kind)
    if origin is frozenset and issubclass(args[0], StrEnum):
        choice = args[0]
        return _Codec(
            kept=lambda chosen: sorted(choice(item).value for item in chosen),
            held=lambda codes: frozenset(choice(code) for code in codes),
        )
    if origin is list and isinstance(args[0], type) and dataclasses.is_dataclass(args[0]):
        return _small_record(args[0])
    if origin is list:
        return _Codec(kept=list, held=list)
    return _Codec(kept=_same, held=_same)


class RecordMap(Generic[RecordT, RowT]):
    """One kind of record: its domain class, its row class, and the fields they share."""

    def __init__(self, record: type[RecordT], row: type[RowT]) -> None:
        self.record = record
        self.row = row
        columns = {column.key: column for column in inspect(row).columns}
        hints = get_type_hints(record)
        names = [field.name for field in dataclasses.fields(record)]  # type: ignore[arg-type]
        self._codecs = {
            name: _codec(
                hints[name],
                nullable_link=bool(columns[name].foreign_keys) and bool(columns[name].nullable),
            )
            for name in names
            if name in columns and name not in _FROM_STAMPS
        }
        self._stamps = _FROM_STAMPS.intersection(names)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(self._codecs)

    def to_record(self, row: RowT, **more: Any) -> RecordT:
        """The record a row holds; `more` gives what is not a column (a contact's order)."""
        values = {name: codec.held(getattr(row, name)) for name, codec in self._codecs.items()}
        stamps = {"id": row.id, "stamp": stamp(row), "revision": row.revision}
        return self.record(**values, **{name: stamps[name] for name in self._stamps}, **more)

    def to_row(self, record: RecordT, **more: Any) -> RowT:
        """A new row for a record; `more` sets columns the record leaves to its owner (an id)."""
        values = self.columns({name: getattr(record, name) for name in self._codecs})
        record_id = getattr(record, "id", "") or None
        return self.row(**{"id": record_id, **values, **more})

    def columns(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Domain values as the columns keep them."""
        return {name: self._codecs[name].kept(value) for name, value in changes.items()}

    def apply(self, row: RowT, changes: Mapping[str, Any]) -> None:
        """Set a row's columns from domain values."""
        for name, value in self.columns(changes).items():
            setattr(row, name, value)
