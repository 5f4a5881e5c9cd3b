"""The hub deciding each pushed change in turn: already had, refused, waiting, or applied.

A batch is decided in one savepoint of its one transaction, written a kind of record at a time;
if a write fails there, each change is decided again in a savepoint of its own, so a change the
hub refuses, or one whose write fails, leaves the others applied (CommCare's "bricked phone": one
bad change must never block a laptop's queue). The answer to each settled change id is kept
(`hub_receipts`), so a change sent twice is applied once and answered the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from assessor.sync.wire import ChangeResult, Outcome, OutgoingChange
from assessor.validation import InvalidInput
from db.changelog import log_on_hub
from db.models import Synced
from db.models_hub import HubAuditRow, HubReceiptRow
from db.repositories.received import depth, field_names, parent_columns, synced_models
from db.sync.hub_apply import apply_change, current_state
from db.sync.hub_rows import BatchRows
from db.sync.hub_scope import may_change, owner_of, person_of

UPDATE = "update Assessor on this laptop."
OTHER_TEAM = (
    "This person's record belongs to another team at the council, and no one in your team "
    "cares for them or is cared for by them, so the council's hub did not take this change. "
    "Ask your team lead to move the person to your team."
)
CONFLICT = (
    "Someone else changed the same details on the council's hub. Both versions are kept: "
    "choose which to keep under Needs attention."
)
PARENT_WORDS = {
    "people": "the person",
    "people_who_matter": "the person who matters",
    "contacts": "the conversation",
    "goals": "the goal",
    "short_term_episodes": "the short-term help",
    "progression_plans": "the progression plan",
}
TRIES = 2  # a second try after a write another hub process made first


class Refused(Exception):
    """A change the hub will not take, with the reason a worker reads."""


def _keep_rows(session: Session) -> None:
    """Hold every row this batch loads or writes for the batch's length: the session holds rows
    only weakly, and a parent or a row just written would otherwise be read again and again
    (SQLAlchemy's documented "strong reference" recipe)."""
    kept = session.info.setdefault("kept_rows", set())
    for name in ("pending_to_persistent", "loaded_as_persistent"):
        event.listen(session, name, lambda _session, instance: kept.add(instance))


@dataclass(frozen=True)
class Decision:
    """What the hub decided for one change; the row is read into the answer once flushed."""

    outcome: Outcome
    reason: str = ""
    row: Synced | None = None


class HubPush:
    """Decides a batch of changes from one device, in the session of one transaction."""

    def __init__(self, session: Session, device_id: str, worker: str, team_id: str) -> None:
        _keep_rows(session)
        self.session = session
        self.device_id = device_id
        self.worker = worker
        self.team_id = team_id
        self._rows = BatchRows(session)
        self._receipts: dict[str, HubReceiptRow | None] = {}
        self._allowed: set[str] = set()  # people this device may change, known so far
        log_on_hub(session, device_id, lambda s, row: person_of(s, row, self._rows.get))

    def push_all(self, changes: Sequence[OutgoingChange], now: datetime) -> list[ChangeResult]:
        """One result per change, in the order sent. The batch's receipts and rows are read at
        once; the changes are decided a kind of record at a time, parents' kinds first (so a
        row sent before its parent in the same batch need not wait), in one savepoint, with one
        flush a kind. If any write fails there, that savepoint is rolled back and each change is
        decided again in a savepoint of its own, so the one that fails leaves the others
        applied. A batch naming a row twice is decided change by change, so each answer is the
        row as that change left it."""
        self._read_receipts(changes)
        self._rows.load(changes)
        order = sorted(range(len(changes)), key=lambda index: depth(changes[index].state.kind))
        if len({(c.state.kind, c.state.id) for c in changes}) == len(changes):
            try:
                with self.session.begin_nested():
                    decisions = self._decide_in_batch([changes[i] for i in order], now)
                results = [_result(changes[i], d) for i, d in zip(order, decisions, strict=True)]
                return _in_order(order, results)
            except (IntegrityError, ValueError, TypeError, DBAPIError):
                self._rows.forget()
                self._allowed.clear()
                self._read_receipts(changes)
        return _in_order(order, [self.push(changes[index], now) for index in order])

    def _read_receipts(self, changes: Sequence[OutgoingChange]) -> None:
        ids = [change.change_id for change in changes]
        held = select(HubReceiptRow).where(HubReceiptRow.change_id.in_(ids))
        self._receipts = {receipt.change_id: receipt for receipt in self.session.scalars(held)}

    def _decide_in_batch(self, changes: list[OutgoingChange], now: datetime) -> list[Decision]:
        decisions = []
        for number, change in enumerate(changes):
            if number and change.state.kind != changes[number - 1].state.kind:
                self.session.flush()  # the rows of a kind before its children's
            try:
                decision = self._decide(change, now)
            except Refused as refused:  # refused before anything was written
                decision = Decision(Outcome.NOT_ACCEPTED, str(refused))
            self._remember(change, decision, now)
            decisions.append(decision)
        return decisions

    def push(self, change: OutgoingChange, now: datetime) -> ChangeResult:
        """One change decided in a savepoint of its own."""
        for attempt in range(TRIES):
            try:
                with self.session.begin_nested():
                    decision = self._decide(change, now)
                    self._remember(change, decision, now)
                return _result(change, decision)
            except Refused as refused:
                decision = Decision(Outcome.NOT_ACCEPTED, str(refused))
            except IntegrityError:
                if attempt + 1 < TRIES:
                    self._forget(change)
                    continue  # another process wrote the row or the receipt first: decide again
                decision = Decision(Outcome.NOT_ACCEPTED, _refused_value(None))
            except (ValueError, TypeError, DBAPIError) as error:
                decision = Decision(Outcome.NOT_ACCEPTED, _refused_value(error))
            break
        self._forget(change)
        with self.session.begin_nested():
            self._remember(change, decision, now)
        return _result(change, decision)

    def _forget(self, change: OutgoingChange) -> None:
        """After a savepoint rolled back: what it had learnt is read again."""
        self._allowed.clear()
        self._rows.forget()
        self._receipts[change.change_id] = self.session.get(HubReceiptRow, change.change_id)

    def _decide(self, change: OutgoingChange, now: datetime) -> Decision:
        state = change.state
        receipt = self._receipts.get(change.change_id)
        if receipt is not None and receipt.outcome != Outcome.NOT_ACCEPTED:
            # A change not accepted changed nothing: deciding it again is safe, and lets a
            # worker's "send again" through once the cause is mended.
            held = self._rows.get(synced_models()[state.kind], state.id)
            assert held is not None  # a settled change's row is kept for ever
            return Decision(Outcome.ALREADY_APPLIED, receipt.reason, held)
        model = self._model_of(change)
        waits_for = self._missing_parent(model, state.fields)
        if waits_for:
            return Decision(Outcome.WAITING, waits_for)
        owner = owner_of(self._rows.get, state.kind, state.id, state.fields)
        assert owner is not None  # its parents are held
        if owner not in self._allowed:
            team = self._rows.team_of(owner)
            if not may_change(self.session, owner, self.team_id, team):
                self._audit(change, owner, "refused", "another team's person", now)
                return Decision(Outcome.NOT_ACCEPTED, OTHER_TEAM)
            self._rows.joined(owner, team or self.team_id)
        self._allowed.add(owner)
        by = (self.device_id, self.worker)
        applied = apply_change(self._rows, change, by, owner, now)
        self._audit(change, owner, "change", applied.outcome.value, now)
        reason = CONFLICT if applied.outcome is Outcome.CONFLICT else ""
        return Decision(applied.outcome, reason, applied.row)

    def _model_of(self, change: OutgoingChange) -> type[Synced]:
        state = change.state
        model = synced_models().get(state.kind)
        if model is None:
            raise Refused(
                "This laptop sent a kind of record the council's hub does not know "
                f"({state.kind}): {UPDATE}"
            )
        known = set(field_names(model))
        unknown = (set(state.fields) | set(change.changed)) - known - {"deleted"}
        if unknown:
            raise Refused(
                "This laptop sent details the council's hub does not know "
                f"({state.kind}: {', '.join(sorted(unknown))}): {UPDATE}"
            )
        return model

    def _missing_parent(self, model: type[Synced], fields: Mapping[str, Any]) -> str:
        """What the row waits for: the parent row it names that the hub does not hold yet."""
        for column, parent in parent_columns(model):
            value = fields.get(column)
            if value and self._rows.get(synced_models()[parent], value) is None:
                what = PARENT_WORDS.get(parent, "the record")
                return (
                    f"Waiting for {what} it belongs to, which has not reached the council's "
                    "hub yet; it will go after that."
                )
        return ""

    def _remember(self, change: OutgoingChange, result: Decision, now: datetime) -> None:
        """Keep the answer to a change id; a waiting change is not settled, so not kept."""
        if result.outcome in (Outcome.WAITING, Outcome.ALREADY_APPLIED):
            return
        receipt = self._receipts.get(change.change_id) or HubReceiptRow(change_id=change.change_id)
        receipt.device_id = self.device_id
        receipt.kind = change.state.kind
        receipt.row_id = change.state.id
        receipt.outcome = result.outcome.value
        receipt.reason = result.reason
        receipt.received_at = now
        self.session.add(receipt)
        self._receipts[change.change_id] = receipt

    def _audit(
        self, change: OutgoingChange, owner: str, action: str, detail: str, now: datetime
    ) -> None:
        self.session.add(
            HubAuditRow(
                at=now,
                worker=self.worker,
                device_id=self.device_id,
                action=action,
                kind=change.state.kind,
                row_id=change.state.id,
                person_id=owner,
                detail=detail,
            )
        )


def _in_order(order: list[int], results: list[ChangeResult]) -> list[ChangeResult]:
    """Results decided in `order` put back in the order the changes were sent."""
    placed: list[ChangeResult | None] = [None] * len(results)
    for index, result in zip(order, results, strict=True):
        placed[index] = result
    return [result for result in placed if result is not None]


def _result(change: OutgoingChange, decision: Decision) -> ChangeResult:
    state = None if decision.row is None else current_state(decision.row)
    return ChangeResult(change.change_id, decision.outcome, decision.reason, state)


def _refused_value(error: object) -> str:
    """The reason for a value the hub's checks refused: the check's own words when it has
    some a worker can read (a text too long), else a plain summary."""
    words = str(error) if isinstance(error, InvalidInput) else ""
    return (
        f"The council's hub could not take this record: {words or 'one of its values is not valid'}"
        ". Correct it on this laptop and it will go next time."
    )
