"""Carers as people in their own right

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 01:37:59.663353
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "carer_offers",
        sa.Column("carer_id", sa.String(length=36), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("response", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["carer_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("carer_offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_carer_offers_carer_id"), ["carer_id"], unique=False)

    op.create_table(
        "carer_plans",
        sa.Column("carer_id", sa.String(length=36), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("what_will_help", sa.Text(), nullable=False),
        sa.Column("breaks", sa.Text(), nullable=False),
        sa.Column("contingency", sa.Text(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["carer_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("carer_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_carer_plans_carer_id"), ["carer_id"], unique=False)

    op.create_table(
        "carer_reviews",
        sa.Column("carer_id", sa.String(length=36), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("supported", sa.String(length=40), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["carer_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("carer_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_carer_reviews_carer_id"), ["carer_id"], unique=False)

    op.create_table(
        "caring_roles",
        sa.Column("carer_id", sa.String(length=36), nullable=False),
        sa.Column("cared_for_id", sa.String(length=36), nullable=False),
        sa.Column("what_they_do", sa.Text(), nullable=False),
        sa.Column("hours_a_week", sa.Integer(), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("live_together", sa.Boolean(), nullable=True),
        sa.Column("named_as_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cared_for_id"],
            ["people.id"],
        ),
        sa.ForeignKeyConstraint(
            ["carer_id"],
            ["people.id"],
        ),
        sa.ForeignKeyConstraint(
            ["named_as_id"],
            ["people_who_matter.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("caring_roles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_caring_roles_cared_for_id"), ["cared_for_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_caring_roles_carer_id"), ["carer_id"], unique=False)

    # A plain ADD COLUMN: batch mode would copy and drop `contacts`, which page-two answers
    # refer to, and SQLite refuses that while foreign keys are enforced. sa.false() is
    # `DEFAULT 0` on SQLite, as this always wrote, and `DEFAULT false` on PostgreSQL.
    op.add_column(
        "contacts",
        sa.Column("shared_with_cared_for", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE contacts DROP COLUMN shared_with_cared_for")

    with op.batch_alter_table("caring_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_caring_roles_carer_id"))
        batch_op.drop_index(batch_op.f("ix_caring_roles_cared_for_id"))

    op.drop_table("caring_roles")
    with op.batch_alter_table("carer_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carer_reviews_carer_id"))

    op.drop_table("carer_reviews")
    with op.batch_alter_table("carer_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carer_plans_carer_id"))

    op.drop_table("carer_plans")
    with op.batch_alter_table("carer_offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carer_offers_carer_id"))

    op.drop_table("carer_offers")
