"""A council's hub and its laptops for `bench/sync.py`: fictional caseloads, the hub seeded with
them and served by uvicorn on 127.0.0.1, and laptops connected to it as a worker's are.

The hub is the tests' (`tests/council/running_hub.py`), on a SQLite file in a temporary folder
or on a throw-away PostgreSQL server (`tests/kit/postgres.py`). Each laptop is a real store on a
temporary file, enrolled with a one-time code from the `assessor-hub` command, its secret kept
in an in-memory keyring.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from assessor.goals import Goal, Review
from assessor.person_file import PersonFile
from assessor.prompts import topics_for
from assessor.record import (
    Contact,
    Conversation,
    ConversationKind,
    Entry,
    PersonWhoMatters,
    Relationship,
)
from bench.people import generate_people
from council.connect import connect
from council.credentials import Credentials
from db.changelog import log_on_hub
from db.hub_open import open_hub_store
from db.models import new_id
from db.models_hub import HubPersonTeamRow, HubTeamRow
from db.store import Store
from db.sync.hub_scope import person_of
from tests.council.running_hub import RunningHub
from tests.kit.keyring import MemoryKeyring
from tests.kit.postgres import binaries, running_server

TEAM, WORKER = "North Team", "Ann Example"  # a worker and her caseload
BIG_TEAM, LEAD = "South Team", "Lee Example"  # a team lead and the whole team's caseloads
CASELOADS = 10  # workers sharing the big team's people
SEED = 20
TOPICS = 4  # page-two answers in each person's contact
_SAID = [
    "Getting out to the lunch club on a Thursday again.",
    "Their daughter visits twice a week and does the big shop.",
    "Up at seven, radio, then the paper; naps after lunch.",
    "A rail on the stairs, and someone to go with the first few times.",
    "The neighbour has a key; a pendant alarm is fitted.",
]


def caseload(count: int, seed: int) -> list[PersonFile]:
    """`count` fictional people, each with someone who matters to them, one contact with a few
    answers on page two, and a goal reviewed twice: ten rows a person."""
    rng = random.Random(seed)
    today = date(2026, 11, 23)
    kind = ConversationKind.CONNECT
    topics = [topic.code for topic in topics_for(kind)][:TOPICS]
    files = []
    for person in generate_people(count, seed):
        who = PersonWhoMatters(rng.choice(["Grace", "Len", "Priya", "Tomasz"]), Relationship.FAMILY)
        person = replace(person, id=new_id(), people_who_matter=[who])
        on = today - timedelta(days=rng.randint(1, 200))
        contact = Contact(person.id, on, kind=kind, id=new_id())
        entries = {topic: Entry(rng.choice(_SAID)) for topic in topics}
        goal = Goal(person.id, "Get to the shop at the corner on my own", on, id=new_id())
        reviews = [
            Review(goal.id, rating=-1 + week, on=on + timedelta(weeks=week + 1))
            for week in range(2)
        ]
        files.append(
            PersonFile(
                person,
                [contact],
                {contact.id: Conversation(contact.id, entries)},
                goals=[goal],
                reviews={goal.id: reviews},
            )
        )
    return files


def seed(hub: RunningHub, team: str, worker: str, files: list[PersonFile]) -> None:
    """Put `files` on the hub as if `worker`'s laptop had sent them: on the worker's caseload,
    in the team, each row logged with its person as the hub logs what a push writes."""
    store = open_hub_store(hub.data_dir, hub.database)
    try:
        for start in range(0, len(files), 500):
            with store.unit(worker=worker) as unit:
                log_on_hub(unit.session, "", person_of)
                team_id = unit.session.scalar(select(HubTeamRow.id).where(HubTeamRow.name == team))
                added = unit.add_files(files[start : start + 500])
                unit.session.add_all(HubPersonTeamRow(person_id=p, team_id=team_id) for p in added)
    finally:
        store.close()


def team_workers(team: str) -> list[str]:
    return [f"Worker {number} of {team}" for number in range(1, CASELOADS + 1)]


@contextmanager
def running_hub(
    backend: str, folder: Path, caseload_size: int, team_size: int
) -> Iterator[RunningHub]:
    """A hub on `backend` holding a worker's caseload in one team and a larger team's people
    spread over its workers' caseloads; served until the block ends."""
    with _database(backend) as database:
        hub = RunningHub(folder / "hub", database)
        hub.team(TEAM, WORKER)
        hub.team(BIG_TEAM, *team_workers(BIG_TEAM))
        hub.admin("add-worker", LEAD, "--team", BIG_TEAM, "--role", "team-lead")
        seed(hub, TEAM, WORKER, caseload(caseload_size, SEED))
        big = caseload(team_size, SEED + 1)
        share = -(-team_size // CASELOADS)
        for number, worker in enumerate(team_workers(BIG_TEAM)):
            seed(hub, BIG_TEAM, worker, big[number * share : (number + 1) * share])
        hub.start()
        try:
            yield hub
        finally:
            hub.close()


def postgres_available() -> bool:
    return binaries() is not None


@contextmanager
def _database(backend: str) -> Iterator[str | None]:
    if backend == "sqlite":
        yield None
        return
    with running_server() as server:
        yield server.new_database(name="bench_hub")


class Laptops:
    """Laptops connected to one hub, each a store in a folder of its own; closed at the end."""

    def __init__(self, hub: RunningHub) -> None:
        self.hub = hub
        self.credentials = Credentials(MemoryKeyring())
        self._folder = Path(tempfile.mkdtemp(prefix="assessor-bench-laptops-"))
        self._opened: list[Store] = []

    def new(self, worker: str) -> Store:
        """A new laptop for `worker`, enrolled with a fresh code; nothing synced yet."""
        store = Store.open(self._folder / str(len(self._opened)), worker, create=True)
        self._opened.append(store)
        code = self.hub.code_for(worker)
        connect(store, self.hub.url, code, credentials=self.credentials, device_name=worker)
        return store

    def empty_store(self) -> Store:
        """A laptop's store connected to nothing, on the same disk: the bare baseline's."""
        store = Store.open(self._folder / f"bare{len(self._opened)}", WORKER, create=True)
        self._opened.append(store)
        return store

    def close(self) -> None:
        for store in self._opened:
            store.close()
        shutil.rmtree(self._folder, ignore_errors=True)
