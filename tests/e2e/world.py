"""The world the sync property test acts on: a hub on 127.0.0.1 and laptops that reach it
through faults, with a record of every edit made, so the end can tell what must hold.

What it checks once all is quiet (docs/sync-protocol.md):
- every local change ended applied, in conflict, or held aside with a reason;
- the hub applied each change once (one log entry per row, revision and device);
- no edit was silently overwritten: a value typed on one laptop that the hub no longer holds
  was seen by whoever replaced it, or is kept in a conflict;
- the laptops hold exactly what the hub holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from assessor.record import Contact, Person, PersonWhoMatters
from council.connect import connect
from council.credentials import keyring_credentials
from council.engine import SyncProblem, SyncProgress, sync_once
from db.hub_open import open_hub_store
from db.models import ChangeRow, SyncConflictRow
from db.repositories.received import synced_models
from db.store import Store
from db.sync.hub_cursor import PHASES, Cursor
from db.sync.laptop_side import LaptopSync
from db.sync.resolve import open_conflicts, resolve_conflict
from tests.council.running_hub import RunningHub
from tests.e2e.faults import Fault, FaultyTransport

TEAM = "North Team"
WORKERS = ("Ann Example", "Bob Example", "Cath Example", "Dev Example")


class Killed(Exception):
    """The app stopped here, as if its process were killed."""


@dataclass(frozen=True)
class Edit:
    """A value written to a field, and the values of that field its writer had seen."""

    kind: str
    row_id: str
    field: str
    value: Any
    seen: frozenset[Any]


@dataclass
class Laptop:
    folder: Path
    worker: str
    edits: list[Edit]
    store: Store = field(init=False)
    transport: FaultyTransport = field(default_factory=FaultyTransport)
    cursors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.store = Store.open(self.folder, self.worker, create=True)

    def _pick(self, kind_rows: list[Any], pick: int) -> Any | None:
        return kind_rows[pick % len(kind_rows)] if kind_rows else None

    def people(self) -> list[Person]:
        return sorted(
            (self.store.person(f.id) for f in self.store.findable_people()),
            key=lambda person: person.id,
        )

    def add_person(self, name: str) -> None:
        self.store.add_person(Person(preferred_name=name, presenting_problem="Help at home"))

    def change_field(self, pick: int, name: str, words: str) -> None:
        person = self._pick(self.people(), pick)
        if person is None:
            return
        seen = getattr(person, name)
        revision = person.stamp.revision if person.stamp else None
        self.store.update_person(person.id, {name: words}, revision)
        self.edits.append(Edit("people", person.id, name, words, frozenset({seen})))

    def add_contact(self, pick: int) -> None:
        person = self._pick(self.people(), pick)
        if person is not None:
            self.store.add_contact(Contact(person_id=person.id, on=date(2026, 11, 23)))

    def _who_matter(self) -> list[tuple[str, PersonWhoMatters]]:
        return sorted(
            ((person.id, who) for person in self.people() for who in person.people_who_matter),
            key=lambda pair: pair[1].id,
        )

    def add_who_matters(self, pick: int) -> None:
        person = self._pick(self.people(), pick)
        if person is not None:
            self.store.add_person_who_matters(person.id, PersonWhoMatters(name="Eve Example"))

    def change_who_matters(self, pick: int, phone: str) -> None:
        chosen = self._pick(self._who_matter(), pick)
        if chosen is None:
            return
        who = chosen[1]
        revision = who.stamp.revision if who.stamp else None
        self.store.update_person_who_matters(who.id, {"phone": phone}, revision)
        self.edits.append(Edit("people_who_matter", who.id, "phone", phone, frozenset({who.phone})))

    def remove_who_matters(self, pick: int) -> None:
        chosen = self._pick(self._who_matter(), pick)
        if chosen is not None:
            self.store.remove_person_who_matters(chosen[1].id)

    def sync(self, faults: list[Fault], *, kill_at: int | None = None) -> None:
        self.transport.queue(*faults)
        steps = iter(range(1_000_000))

        def progress(_at: SyncProgress) -> None:
            if kill_at is not None and next(steps) == kill_at:
                raise Killed

        client = httpx.Client(transport=self.transport, timeout=30)
        try:
            sync_once(self.store, credentials=keyring_credentials(), progress=progress,
                      client=client)  # fmt: skip
        except SyncProblem:
            pass
        finally:
            self.transport.queued.clear()
            client.close()
        cursor = LaptopSync(self.store).cursor()
        if cursor is not None:
            self.cursors.append(cursor)

    def resolve(self, pick: int, side: bool) -> None:
        conflict = self._pick(open_conflicts(self.store), pick)
        if conflict is None:
            return
        choices = {
            name: (versions.incoming if side else versions.current)
            for name, versions in conflict.fields.items()
        }
        resolve_conflict(self.store, conflict.id, choices)
        for name, versions in conflict.fields.items():
            seen = frozenset({versions.incoming, versions.current, versions.original})
            self.edits.append(Edit(conflict.kind, conflict.row_id, name, choices[name], seen))

    def kill(self, during_sync: bool) -> None:
        if during_sync:
            with suppress(Killed):
                self.sync([], kill_at=1)
        self.store.close()
        self.store = Store.open(self.folder, self.worker)

    def close(self) -> None:
        self.store.close()
        self.transport.close()


def held_rows(store: Store) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every synced row: its fields, tombstone and revision."""
    held: dict[tuple[str, str], tuple[Any, ...]] = {}
    with store.unit() as unit:
        for kind, model in synced_models().items():
            for row in unit.session.scalars(select(model)):
                state = unit.received.state(kind, row.id)
                held[(kind, row.id)] = (dict(state.fields), state.deleted, state.revision)
    return held


def differences(laptop: dict[Any, Any], hub: dict[Any, Any]) -> list[str]:
    """The first few rows the laptop holds otherwise than the hub, for a failure's message."""
    keys = sorted(set(laptop) | set(hub))
    return [
        f"{key}: laptop {laptop.get(key)} hub {hub.get(key)}"
        for key in keys
        if laptop.get(key) != hub.get(key)
    ][:4]


def cursor_position(text: str) -> tuple[Any, ...]:
    """Where a cursor stands, in an order that only grows (the test knows the hub's encoding):
    a first sync's phases in turn, the ids sent within each, then the log position."""
    cursor = Cursor.decode(text)
    return (PHASES.index(cursor.phase), cursor.after, cursor.position)


@dataclass
class World:
    folder: Path
    new_database: Callable[[], str | None] = lambda: None
    size: int = 2
    hub: RunningHub | None = None
    laptops: list[Laptop] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    runs: int = 0

    def reset(self, laptops: int) -> None:
        self.runs += 1
        here = self.folder / f"run-{self.runs}"
        self.hub = RunningHub(here / "hub", self.new_database())
        self.hub.team(TEAM, *WORKERS[:laptops])
        self.hub.start()
        self.edits = []
        self.laptops = []
        for worker in WORKERS[:laptops]:
            laptop = Laptop(here / worker.split()[0], worker, self.edits)
            connect(laptop.store, self.hub.url, self.hub.code_for(worker),
                    credentials=keyring_credentials(), device_name=worker)  # fmt: skip
            self.laptops.append(laptop)

    def laptop(self, index: int) -> Laptop:
        return self.laptops[index % len(self.laptops)]

    def anyone_held(self) -> bool:
        return any(laptop.store.findable_people() for laptop in self.laptops)

    def restart_hub(self) -> None:
        assert self.hub is not None
        self.hub.stop()
        self.hub.start()

    def check_cursors(self) -> None:
        for laptop in self.laptops:
            positions = [cursor_position(c) for c in laptop.cursors]
            assert all(a <= b for a, b in pairwise(positions)), positions

    def quiet_spell(self) -> None:
        """Every laptop syncs with no faults until nothing more moves (three rounds)."""
        for _ in range(3):
            for laptop in self.laptops:
                laptop.sync([])

    def check_settled(self) -> None:
        assert self.hub is not None
        hub_store = open_hub_store(self.hub.data_dir, self.hub.database)
        try:
            self._every_change_ended(hub_store)
            hub_rows = held_rows(hub_store)
            for laptop in self.laptops:
                held = held_rows(laptop.store)
                # A row made and removed before a laptop's first sync never reaches it: the
                # snapshot sends live rows only.
                hub_view = {k: v for k, v in hub_rows.items() if k in held or not v[1]}
                assert held == hub_view, f"{laptop.worker}: {differences(held, hub_view)}"
            self._nothing_silently_overwritten(hub_store, hub_rows)
        finally:
            hub_store.close()

    def _every_change_ended(self, hub_store: Store) -> None:
        for laptop in self.laptops:
            with laptop.store.unit() as unit:
                waiting = unit.session.scalars(
                    select(ChangeRow).where(ChangeRow.sent.is_(False), ChangeRow.held_reason == "")
                ).all()
            assert waiting == [], f"{laptop.worker}: {len(waiting)} changes never settled"
        with hub_store.unit() as unit:
            entries = unit.session.execute(
                select(
                    ChangeRow.table_name, ChangeRow.row_id, ChangeRow.revision, ChangeRow.device_id
                ).where(ChangeRow.device_id != "")
            ).all()
        twice = [entry for entry, count in Counter(entries).items() if count > 1]
        assert twice == [], f"applied more than once: {twice}"

    def _nothing_silently_overwritten(
        self, hub_store: Store, hub_rows: dict[tuple[str, str], tuple[Any, ...]]
    ) -> None:
        with hub_store.unit() as unit:
            kept: dict[tuple[str, str, str], set[Any]] = {}
            for conflict in unit.session.scalars(select(SyncConflictRow)):
                for name, versions in conflict.fields.items():
                    kept.setdefault((conflict.kind, conflict.row_id, name), set()).update(
                        {versions["incoming"], versions["current"]}
                    )
        for edit in self.edits:
            now = hub_rows[(edit.kind, edit.row_id)][0][edit.field]
            if now == edit.value:
                continue
            seen_later = any(
                later.value != edit.value and edit.value in later.seen
                for later in self.edits
                if (later.kind, later.row_id, later.field) == (edit.kind, edit.row_id, edit.field)
            )
            in_conflict = edit.value in kept.get((edit.kind, edit.row_id, edit.field), set())
            assert seen_later or in_conflict, f"silently overwritten: {edit}"

    def close(self) -> None:
        for laptop in self.laptops:
            laptop.close()
        if self.hub is not None:
            self.hub.close()
