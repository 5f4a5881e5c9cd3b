"""What a Talking Point needs: entered in error, what we agreed, alerts and more on page one

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 05:30:00

A person, a contact, a goal review, a weekly review of short-term help and an outcome can be
marked entered in error with a reason (kept, never deleted); a conversation gets its agreed
next steps and a follow-up date; page one gets alerts for visitors, the GP practice, whether
they live alone, who holds power of attorney, and how their information format was arranged.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IN_ERROR_TABLES = ("people", "contacts", "goal_reviews", "episode_reviews")
PEOPLE_TEXT = ("alerts", "gp_practice", "attorney", "format_arranged")
OUTCOME_ERRORS = ("outcome_2_weeks_in_error", "outcome_6_weeks_in_error")


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def upgrade() -> None:
    for table in IN_ERROR_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(_text("in_error_reason"))
    with op.batch_alter_table("people") as batch:
        for name in PEOPLE_TEXT:
            batch.add_column(_text(name))
        batch.add_column(sa.Column("lives_alone", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("format_arranged_on", sa.Date(), nullable=True))
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("follow_up_on", sa.Date(), nullable=True))
    with op.batch_alter_table("short_term_episodes") as batch:
        for name in OUTCOME_ERRORS:
            batch.add_column(_text(name))
    op.create_table(
        "agreed_steps",
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("by_when", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_agreed_steps_contact_id", "agreed_steps", ["contact_id"])


def downgrade() -> None:
    op.drop_index("ix_agreed_steps_contact_id", table_name="agreed_steps")
    op.drop_table("agreed_steps")
    with op.batch_alter_table("short_term_episodes") as batch:
        for name in OUTCOME_ERRORS:
            batch.drop_column(name)
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("follow_up_on")
    with op.batch_alter_table("people") as batch:
        for name in (*PEOPLE_TEXT, "lives_alone", "format_arranged_on"):
            batch.drop_column(name)
    for table in IN_ERROR_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("in_error_reason")
