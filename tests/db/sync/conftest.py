"""The hub's store under test, on SQLite and PostgreSQL, with two teams and a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.store import Store
from db.sync.hub_side import HubSync
from tests.db.sync.hub_kit import HUB_NOW, NORTH, SOUTH, Laptop, add_teams
from tests.kit.stores import StorePlace


@pytest.fixture
def hub_store(store_place: StorePlace) -> Iterator[Store]:
    store = store_place.open("hub", clock=lambda: HUB_NOW)
    add_teams(store)
    yield store
    store.close()


@pytest.fixture
def hub(hub_store: Store) -> HubSync:
    return HubSync(hub_store)


@pytest.fixture
def ann(hub: HubSync) -> Laptop:
    """Ann Example's laptop, in the north team."""
    return Laptop(hub, "Ann Example", NORTH)


@pytest.fixture
def bob(hub: HubSync) -> Laptop:
    """Bob Example's laptop, in the north team too."""
    return Laptop(hub, "Bob Example", NORTH)


@pytest.fixture
def cat(hub: HubSync) -> Laptop:
    """Cat Example's laptop, in the south team."""
    return Laptop(hub, "Cat Example", SOUTH)
