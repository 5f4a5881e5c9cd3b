"""The routes a signed-in device uses: status now; push and pull once the hub's side of sync
is in (`db.sync.hub_side`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from db.hub_admin import DeviceInfo
from hub.auth import caller

Device = Annotated[DeviceInfo, Depends(caller)]


def status(device: Device) -> dict[str, str]:
    """A cheap "can I reach the hub, and am I still enrolled"."""
    return {
        "worker": device.worker.name,
        "team": device.worker.team,
        "role": device.worker.role,
        "device_id": device.id,
    }
