"""Sync with the council's hub: conflicts, a laptop's sync state and base, the hub's own tables

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 08:30:00

The change log learns which entries the hub did not accept (held aside with a reason) and, on
the hub, the device, the person and the PostgreSQL transaction behind each entry (the pull
cursor's rule, docs/sync-protocol.md). A person gets whose caseload they are on. Conflicts are
a synced kind of record. A laptop keeps its sync state and each row's agreed base; the hub keeps
teams, workers, enrolment codes, devices, its signing key, which team each person is in, the
answer to every change id, and its audit. One schema everywhere: each side's tables stay empty
on the other.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A PostgreSQL transaction id (xid8) as a number: ids only grow, so (xid, seq) orders the log.
PG_XID = "(pg_current_xact_id()::text::bigint)"


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("change_log") as batch:
        batch.add_column(_text("held_reason"))
        batch.add_column(sa.Column("device_id", sa.String(36), nullable=False, server_default=""))
        batch.add_column(sa.Column("person_id", sa.String(36), nullable=False, server_default=""))
        batch.add_column(sa.Column("xid", sa.BigInteger(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE change_log ALTER COLUMN xid SET DEFAULT {PG_XID}")
    op.create_index("ix_change_log_xid_seq", "change_log", ["xid", "seq"])
    op.create_index("ix_change_log_person_id", "change_log", ["person_id"])
    with op.batch_alter_table("people") as batch:
        batch.add_column(_text("caseload_of"))
    op.create_table(
        "sync_conflicts",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("incoming_by", sa.Text(), nullable=False),
        sa.Column("incoming_at", sa.DateTime(), nullable=False),
        sa.Column("current_by", sa.Text(), nullable=False),
        sa.Column("current_at", sa.DateTime(), nullable=False),
        sa.Column("resolution", sa.JSON(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sync_conflicts_person_id", "sync_conflicts", ["person_id"])
    op.create_index("ix_sync_conflicts_row_id", "sync_conflicts", ["row_id"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "sync_base",
        sa.Column("kind", sa.String(60), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
    )
    _hub_tables()


def _hub_tables() -> None:
    op.create_table(
        "hub_teams",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "hub_workers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False, unique=True),
        sa.Column("team_id", sa.String(36), sa.ForeignKey("hub_teams.id"), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_hub_workers_team_id", "hub_workers", ["team_id"])
    op.create_table(
        "hub_enrolment_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("worker_id", sa.String(36), sa.ForeignKey("hub_workers.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_hub_enrolment_codes_worker_id", "hub_enrolment_codes", ["worker_id"])
    op.create_table(
        "hub_devices",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("worker_id", sa.String(36), sa.ForeignKey("hub_workers.id"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("secret_hash", sa.String(200), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_hub_devices_worker_id", "hub_devices", ["worker_id"])
    op.create_table(
        "hub_keys",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("secret", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "hub_person_teams",
        sa.Column("person_id", sa.String(36), primary_key=True),
        sa.Column("team_id", sa.String(36), sa.ForeignKey("hub_teams.id"), nullable=False),
    )
    op.create_index("ix_hub_person_teams_team_id", "hub_person_teams", ["team_id"])
    op.create_table(
        "hub_receipts",
        sa.Column("change_id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_hub_receipts_device_id", "hub_receipts", ["device_id"])
    op.create_table(
        "hub_audit",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("worker", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
    )
    op.create_index("ix_hub_audit_at", "hub_audit", ["at"])
    op.create_index("ix_hub_audit_person_id", "hub_audit", ["person_id"])


HUB_TABLES = (
    "hub_audit",
    "hub_receipts",
    "hub_person_teams",
    "hub_keys",
    "hub_devices",
    "hub_enrolment_codes",
    "hub_workers",
    "hub_teams",
)


def downgrade() -> None:
    for table in (*HUB_TABLES, "sync_base", "sync_state", "sync_conflicts"):
        op.drop_table(table)
    with op.batch_alter_table("people") as batch:
        batch.drop_column("caseload_of")
    op.drop_index("ix_change_log_person_id", table_name="change_log")
    op.drop_index("ix_change_log_xid_seq", table_name="change_log")
    with op.batch_alter_table("change_log") as batch:
        for name in ("xid", "person_id", "device_id", "held_reason"):
            batch.drop_column(name)
