"""Council IT's tables: the devices connected, and the audit, in plain columns."""

from __future__ import annotations

from collections.abc import Sequence

from db.hub_admin import AuditEntry, DeviceInfo
from hub.words import plain_time


def table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart."""
    widths = [max(len(cell) for cell in column) for column in zip(headings, *rows, strict=False)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [headings, *rows]
    ]
    return "\n".join(lines)


def devices_table(devices: Sequence[DeviceInfo]) -> str:
    if not devices:
        return "No laptops are connected yet: give a worker a code with enrolment-code."
    return table(
        ("id", "worker", "team", "name", "enrolled", "last seen", "revoked"),
        [
            (
                device.id,
                device.worker.name,
                device.worker.team,
                device.name,
                plain_time(device.enrolled_at),
                plain_time(device.last_seen_at),
                plain_time(device.revoked_at, never="no"),
            )
            for device in devices
        ],
    )


def audit_table(entries: Sequence[AuditEntry]) -> str:
    if not entries:
        return "The audit holds nothing that matches."
    return table(
        ("when", "worker", "device", "action", "kind", "row", "person", "detail"),
        [
            (
                plain_time(entry.at),
                entry.worker,
                entry.device_id,
                entry.action,
                entry.kind,
                entry.row_id,
                entry.person_id,
                entry.detail,
            )
            for entry in entries
        ],
    )
