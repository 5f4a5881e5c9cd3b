"""The hub's change log read in commit-safe order: the feed a laptop pulls after its first sync.

On PostgreSQL a plain sequence skips a row committed out of order (sequence 7 committed after
8 was read), so entries are read in (xid, seq) order and only below the snapshot horizon,
`pg_snapshot_xmin(pg_current_snapshot())`: every transaction with a smaller id has ended, so no
entry can later appear behind a cursor. On SQLite one writer at a time means seq order is
commit order, and there is no horizon.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select, text, true
from sqlalchemy.orm import Session

from assessor.changes import RecordChange
from db.models import ChangeRow, Synced
from db.repositories.received import row_state, synced_models
from db.sync.hub_cursor import Position
from db.sync.hub_scope import scope_people


@dataclass(frozen=True)
class Owned:
    """A row's state as a pull sends it, with the person it belongs to (for the audit)."""

    state: RecordChange
    person_id: str


@dataclass(frozen=True)
class FeedPage:
    rows: list[Owned]
    position: Position
    more: bool


def horizon(session: Session) -> int | None:
    """The smallest transaction id still running on PostgreSQL; None on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    sql = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
    return int(session.execute(text(sql)).scalar_one())


def _below(top: int | None) -> ColumnElement[bool]:
    return true() if top is None else ChangeRow.xid < top


def newest_position(session: Session, limit: int | None) -> Position:
    """The greatest entry below the horizon: everything up to it is committed or never will be."""
    query = select(ChangeRow.xid, ChangeRow.seq).order_by(
        ChangeRow.xid.desc(), ChangeRow.seq.desc()
    )
    newest = session.execute(query.where(_below(limit)).limit(1)).first()
    return Position(newest[0], newest[1]) if newest else Position()


def _after(position: Position) -> ColumnElement[bool]:
    return or_(
        ChangeRow.xid > position.xid,
        and_(ChangeRow.xid == position.xid, ChangeRow.seq > position.seq),
    )


def read_feed(session: Session, team_id: str, position: Position, limit: int) -> FeedPage:
    """Up to `limit` entries after `position` about people in the team's scope, as the current
    state of each row they name, in the order first named (parents were committed first)."""
    top = horizon(session)
    query = (
        select(
            ChangeRow.xid,
            ChangeRow.seq,
            ChangeRow.table_name,
            ChangeRow.row_id,
            ChangeRow.person_id,
        )
        .where(_after(position), ChangeRow.person_id.in_(scope_people(team_id)))
        .order_by(ChangeRow.xid, ChangeRow.seq)
        .limit(limit + 1)
    )
    entries = list(session.execute(query.where(_below(top))))
    more = len(entries) > limit
    entries = entries[:limit]
    if more:
        reached = Position(entries[-1].xid, entries[-1].seq)
    else:  # nothing more in scope: skip past what others' entries there are below the horizon
        reached = max(position, newest_position(session, top))
    named = {(entry.table_name, entry.row_id): entry.person_id for entry in entries}
    return FeedPage(states_of(session, named.items()), reached, more)


def states_of(session: Session, named: Iterable[tuple[tuple[str, str], str]]) -> list[Owned]:
    """The current state of each named row, in the order given, read one query a kind."""
    order = list(named)
    by_kind: dict[str, list[str]] = {}
    for (kind, row_id), _ in order:
        by_kind.setdefault(kind, []).append(row_id)
    rows: dict[tuple[str, str], Synced] = {}
    for kind, ids in by_kind.items():
        model = synced_models()[kind]
        for row in session.scalars(select(model).where(model.id.in_(ids))):
            rows[(kind, row.id)] = row
    return [
        Owned(row_state(kind, rows[(kind, row_id)], rows[(kind, row_id)].revision), person)
        for (kind, row_id), person in order
        if (kind, row_id) in rows
    ]


def feed_has_more(session: Session, team_id: str, position: Position) -> bool:
    """Whether any entry about the team's scope waits after `position`, below the horizon."""
    query = select(ChangeRow.xid, ChangeRow.seq).where(
        _after(position),
        ChangeRow.person_id.in_(scope_people(team_id)),
    )
    return session.execute(query.where(_below(horizon(session))).limit(1)).first() is not None
