"""The hub's register for council IT: teams, workers, enrolment codes, devices and the audit.

Each method is one transaction on the hub's store. Names are checked here, against the
database, so a mistake (an unknown team, a worker added twice) comes back as one plain
`HubRefusal` whatever the database is. The clock is the caller's: it is passed in as `now`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.problems import PlainProblem
from db.models import new_id
from db.models_hub import (
    HubAuditRow,
    HubDeviceRow,
    HubEnrolmentCodeRow,
    HubTeamRow,
    HubWorkerRow,
)
from db.store import Store

ROLES = ("worker", "ot", "team-lead", "administrator")


class HubRefusal(PlainProblem):
    """What council IT asked for cannot be done as asked; str() says why."""


@dataclass(frozen=True)
class WorkerInfo:
    name: str
    team: str
    team_id: str
    role: str


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    name: str
    worker: WorkerInfo
    secret_hash: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    worker: str
    device_id: str
    action: str
    kind: str
    row_id: str
    person_id: str
    detail: str


def worker_info(session: Session, worker_id: str) -> WorkerInfo:
    worker = session.get_one(HubWorkerRow, worker_id)
    team = session.get_one(HubTeamRow, worker.team_id)
    return WorkerInfo(worker.name, team.name, team.id, worker.role)


def device_info(session: Session, row: HubDeviceRow) -> DeviceInfo:
    return DeviceInfo(
        id=row.id,
        name=row.name,
        worker=worker_info(session, row.worker_id),
        secret_hash=row.secret_hash,
        enrolled_at=row.enrolled_at,
        last_seen_at=row.last_seen_at,
        revoked_at=row.revoked_at,
    )


def audit(session: Session, now: datetime, action: str, device: DeviceInfo, detail: str) -> None:
    """One line of the audit about a device, in the caller's transaction."""
    session.add(
        HubAuditRow(
            at=now,
            worker=device.worker.name,
            device_id=device.id,
            action=action,
            kind="",
            row_id="",
            person_id="",
            detail=detail,
        )
    )


class HubAdmin:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add_team(self, name: str, now: datetime) -> None:
        with self._store.unit() as unit:
            if _team(unit.session, name) is not None:
                raise HubRefusal(f"There is already a team called {name}.")
            unit.session.add(HubTeamRow(id=new_id(), name=name, created_at=now))

    def add_worker(self, name: str, team: str, role: str, now: datetime) -> WorkerInfo:
        if role not in ROLES:
            raise HubRefusal(f"{role!r} is not a role; choose one of: {', '.join(ROLES)}.")
        with self._store.unit() as unit:
            session = unit.session
            team_row = _team(session, team)
            if team_row is None:
                raise HubRefusal(f"There is no team called {team}; add it first with add-team.")
            if _worker(session, name) is not None:
                raise HubRefusal(f"There is already a worker called {name}.")
            session.add(
                HubWorkerRow(id=new_id(), name=name, team_id=team_row.id, role=role, created_at=now)
            )
            return WorkerInfo(name, team_row.name, team_row.id, role)

    def add_enrolment_code(
        self, worker: str, code_hash: str, now: datetime, expires_at: datetime
    ) -> WorkerInfo:
        """Keep a new code's hash for `worker`; the code itself is never stored."""
        with self._store.unit() as unit:
            session = unit.session
            row = _worker(session, worker)
            if row is None:
                raise HubRefusal(f"There is no worker called {worker}; add them with add-worker.")
            session.add(
                HubEnrolmentCodeRow(
                    code_hash=code_hash, worker_id=row.id, created_at=now, expires_at=expires_at
                )
            )
            return worker_info(session, row.id)

    def devices(self) -> list[DeviceInfo]:
        """Every device ever enrolled, oldest first."""
        with self._store.unit() as unit:
            rows = unit.session.scalars(
                select(HubDeviceRow).order_by(HubDeviceRow.enrolled_at, HubDeviceRow.id)
            )
            return [device_info(unit.session, row) for row in rows]

    def revoke_device(self, device_id: str, now: datetime) -> DeviceInfo:
        """Withdraw a device's connection; it is refused from its next request on."""
        with self._store.unit() as unit:
            session = unit.session
            row = session.get(HubDeviceRow, device_id, with_for_update=True)
            if row is None:
                raise HubRefusal(f"There is no device {device_id}; `devices` lists them.")
            if row.revoked_at is not None:
                raise HubRefusal(f"Device {device_id} was already revoked.")
            row.revoked_at = now
            device = device_info(session, row)
            audit(session, now, "revoke", device, f"revoked device {device.name}")
            return device

    def audit(
        self,
        worker: str | None = None,
        person_id: str | None = None,
        since: datetime | None = None,
    ) -> list[AuditEntry]:
        """Who read or changed what, when and from which device, oldest first."""
        query = select(HubAuditRow).order_by(HubAuditRow.seq)
        if worker is not None:
            query = query.where(HubAuditRow.worker == worker)
        if person_id is not None:
            query = query.where(HubAuditRow.person_id == person_id)
        if since is not None:
            query = query.where(HubAuditRow.at >= since)
        with self._store.unit() as unit:
            return [
                AuditEntry(
                    row.at,
                    row.worker,
                    row.device_id,
                    row.action,
                    row.kind,
                    row.row_id,
                    row.person_id,
                    row.detail,
                )
                for row in unit.session.scalars(query)
            ]


def _team(session: Session, name: str) -> HubTeamRow | None:
    return session.scalar(select(HubTeamRow).where(HubTeamRow.name == name))


def _worker(session: Session, name: str) -> HubWorkerRow | None:
    return session.scalar(select(HubWorkerRow).where(HubWorkerRow.name == name))
