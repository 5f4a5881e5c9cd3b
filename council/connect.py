"""Connecting this laptop to the council's hub with a one-time code from council IT.

The secret the hub gives is saved in the keyring before anything is written to the store, so a
laptop that says it is connected can always sign in; with no keyring nothing is kept at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from council.credentials import Credentials
from council.problems import HubTrouble, Offline, SyncProblem
from council.transport import Hub
from db.store import Store
from db.sync.laptop_side import LaptopSync


@dataclass(frozen=True)
class Enrolment:
    hub_url: str
    device_id: str
    worker: str  # the hub's name for the worker: this laptop's changes are stamped with it
    team: str
    role: str


def connect(
    store: Store,
    hub_url: str,
    code: str,
    *,
    credentials: Credentials,
    device_name: str,
    client: httpx.Client | None = None,
) -> Enrolment:
    url = hub_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncProblem(
            f"{hub_url} is not an address of the council's hub: it starts with https://. "
            "Check it with council IT; nothing was saved."
        )
    try:
        with Hub(url, client) as hub:
            answer = hub.enrol(code.strip(), device_name)
    except Offline:
        raise Offline(
            f"The council's hub at {url} cannot be reached. Check the address and that this "
            "laptop is online; nothing was saved."
        ) from None
    try:
        worker = answer["worker"]
        enrolment = Enrolment(
            url,
            str(answer["device_id"]),
            str(worker["name"]),
            str(worker["team"]),
            str(worker["role"]),
        )
        secret = str(answer["secret"])
    except (KeyError, TypeError):
        raise HubTrouble() from None
    laptop = LaptopSync(store)
    previous = laptop.device_id()
    credentials.save(enrolment.device_id, secret)  # first: no connection without its key
    laptop.connected_as(url, enrolment.device_id, enrolment.worker, enrolment.team, enrolment.role)
    if previous is not None and previous != enrolment.device_id:
        credentials.forget(previous)
    return enrolment
