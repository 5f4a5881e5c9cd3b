"""Two to four laptops and a hub, random work and random faults: nothing is lost, nothing is
applied twice, no edit is silently overwritten, cursors never go back, and after a quiet spell
every laptop holds what the hub holds.

Hypothesis drives a state machine (`RuleBasedStateMachine`): laptops add people, change page-one
fields (alerts among them, which always ask when both sides change them), add contacts, add and
remove people who matter, sync through faults (a lost request, an answer lost after the hub
committed, a duplicate, a timeout, a 503, a cut-short body), resolve conflicts, are killed and
opened again, and the hub restarts. CI runs a short version; the long one (at least 1,000
faulted syncs) is

    ASSESSOR_SYNC_EXAMPLES=200 ASSESSOR_SYNC_STEPS=60 .venv/bin/python -m pytest \
        tests/e2e/test_sync_properties.py -p no:cacheprovider -q -s

which prints how many syncs met a fault.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.e2e.faults import Fault
from tests.e2e.world import World

EXAMPLES = int(os.environ.get("ASSESSOR_SYNC_EXAMPLES", "6"))
STEPS = int(os.environ.get("ASSESSOR_SYNC_STEPS", "25"))
FIELDS = ("phone", "alerts", "presenting_problem")
TOTALS = {"syncs": 0, "faulted": 0}


class SyncMachine(RuleBasedStateMachine):
    world: World  # set per run by the test below

    def __init__(self) -> None:
        super().__init__()
        self.world.reset(laptops=self.world.size)

    @rule(laptop=st.integers(0, 3), name=st.sampled_from(["Ada", "Bilal", "Chloe", "Des"]))
    def add_person(self, laptop: int, name: str) -> None:
        self.world.laptop(laptop).add_person(name)

    @precondition(lambda self: self.world.anyone_held())
    @rule(
        laptop=st.integers(0, 3),
        pick=st.integers(0, 10_000),
        field=st.sampled_from(FIELDS),
        words=st.sampled_from(["01632 960001", "Key safe by the door", "Dog in the house", ""]),
    )
    def change_field(self, laptop: int, pick: int, field: str, words: str) -> None:
        self.world.laptop(laptop).change_field(pick, field, words)

    @precondition(lambda self: self.world.anyone_held())
    @rule(laptop=st.integers(0, 3), pick=st.integers(0, 10_000))
    def add_contact(self, laptop: int, pick: int) -> None:
        self.world.laptop(laptop).add_contact(pick)

    @precondition(lambda self: self.world.anyone_held())
    @rule(laptop=st.integers(0, 3), pick=st.integers(0, 10_000))
    def add_who_matters(self, laptop: int, pick: int) -> None:
        self.world.laptop(laptop).add_who_matters(pick)

    @rule(laptop=st.integers(0, 3), pick=st.integers(0, 10_000), phone=st.sampled_from(["1", "2"]))
    def change_who_matters(self, laptop: int, pick: int, phone: str) -> None:
        self.world.laptop(laptop).change_who_matters(pick, phone)

    @rule(laptop=st.integers(0, 3), pick=st.integers(0, 10_000))
    def remove_who_matters(self, laptop: int, pick: int) -> None:
        self.world.laptop(laptop).remove_who_matters(pick)

    @rule(laptop=st.integers(0, 3), faults=st.lists(st.sampled_from(list(Fault)), max_size=3))
    def sync(self, laptop: int, faults: list[Fault]) -> None:
        TOTALS["syncs"] += 1
        TOTALS["faulted"] += bool(faults)
        self.world.laptop(laptop).sync(faults)

    @rule(faults=st.lists(st.sampled_from(list(Fault)), max_size=2))
    def everyone_syncs(self, faults: list[Fault]) -> None:
        for laptop in self.world.laptops:
            TOTALS["syncs"] += 1
            TOTALS["faulted"] += bool(faults)
            laptop.sync(faults)

    @rule(laptop=st.integers(0, 3), pick=st.integers(0, 10_000), side=st.booleans())
    def resolve(self, laptop: int, pick: int, side: bool) -> None:
        self.world.laptop(laptop).resolve(pick, side)

    @rule(laptop=st.integers(0, 3), during_sync=st.booleans())
    def kill(self, laptop: int, during_sync: bool) -> None:
        self.world.laptop(laptop).kill(during_sync)

    @rule()
    def restart_hub(self) -> None:
        self.world.restart_hub()

    @invariant()
    def cursors_never_go_back(self) -> None:
        self.world.check_cursors()

    def teardown(self) -> None:
        try:
            self.world.quiet_spell()
            self.world.check_settled()
        finally:
            self.world.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> World:
    """The hub on its SQLite file, or on a new PostgreSQL database for each run."""
    if request.param == "sqlite":
        return World(tmp_path)
    server = request.getfixturevalue("postgres_server")
    return World(tmp_path, new_database=server.new_database)


@pytest.mark.slow
@pytest.mark.parametrize("laptops", [2, 4])
def test_laptops_and_a_hub_converge_through_faults(world: World, laptops: int) -> None:
    world.size = laptops
    SyncMachine.world = world
    run = SyncMachine.TestCase
    run.settings = settings(
        max_examples=EXAMPLES,
        stateful_step_count=STEPS,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=os.environ.get("ASSESSOR_SYNC_EXAMPLES") is None,
    )
    run().runTest()
    print(f"\nsyncs: {TOTALS['syncs']}, with faults: {TOTALS['faulted']}")
