"""What the hub reads and writes to let a device in: enrolment, the device and its worker, the
key session tokens are signed with. Nothing is kept in memory: every request asks the database,
so every hub process sees the same devices and the same key, and a revocation counts at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from assessor.problems import PlainProblem
from db.hub_admin import DeviceInfo, WorkerInfo, audit, device_info, worker_info
from db.models_hub import HubDeviceRow, HubEnrolmentCodeRow, HubKeyRow
from db.store import Store

SESSION_KEY = "session"


class CodeRefused(PlainProblem):
    """An enrolment code that cannot be used; `reason` is `unknown`, `used` or `expired`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class HubAccess:
    def __init__(self, store: Store) -> None:
        self._store = store

    def enrol(
        self,
        code_hash: str,
        device_id: str,
        device_name: str,
        secret_hash: str,
        now: datetime,
    ) -> WorkerInfo:
        """Use the code once to enrol a device, in one transaction with its audit line."""
        with self._store.unit() as unit:
            session = unit.session
            code = session.get(HubEnrolmentCodeRow, code_hash, with_for_update=True)
            if code is None:
                raise CodeRefused(
                    "unknown",
                    "That enrolment code is not one the council's hub gave. Check it, or ask "
                    "council IT for a new one.",
                )
            if code.used_at is not None:
                raise CodeRefused(
                    "used",
                    "That enrolment code has been used already; each code works once. Ask "
                    "council IT for a new one.",
                )
            if code.expires_at <= now:
                raise CodeRefused(
                    "expired",
                    "That enrolment code has expired (codes last 24 hours). Ask council IT "
                    "for a new one.",
                )
            code.used_at = now
            row = HubDeviceRow(
                id=device_id,
                worker_id=code.worker_id,
                name=device_name,
                secret_hash=secret_hash,
                enrolled_at=now,
                last_seen_at=now,
                revoked_at=None,
            )
            session.add(row)
            session.flush()
            audit(session, now, "enrol", device_info(session, row), f"enrolled {device_name}")
            return worker_info(session, code.worker_id)

    def device(self, device_id: str) -> DeviceInfo | None:
        with self._store.unit() as unit:
            row = unit.session.get(HubDeviceRow, device_id)
            return None if row is None else device_info(unit.session, row)

    def seen(self, device_id: str, now: datetime) -> None:
        """Note when the device last signed in, for council IT's list of devices."""
        with self._store.unit() as unit:
            row = unit.session.get_one(HubDeviceRow, device_id)
            row.last_seen_at = now

    def signing_key(self, make: Callable[[], str], now: datetime) -> str:
        """The key every hub process signs session tokens with: made once, by whichever
        process asks first; a process that loses the race to make it reads the winner's."""
        with self._store.unit() as unit:
            key = unit.session.scalar(select(HubKeyRow.secret).where(HubKeyRow.id == SESSION_KEY))
            if key is not None:
                return key
        try:
            with self._store.unit() as unit:
                unit.session.add(HubKeyRow(id=SESSION_KEY, secret=make(), created_at=now))
        except IntegrityError:
            pass  # another process made it first
        with self._store.unit() as unit:
            return unit.session.scalars(
                select(HubKeyRow.secret).where(HubKeyRow.id == SESSION_KEY)
            ).one()
