"""Short-term help and progression plans

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 00:50:34.837721
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "progression_plans",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("start_level", sa.Integer(), nullable=False),
        sa.Column("target_level", sa.Integer(), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("goal_ids", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("progression_plans", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_progression_plans_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "short_term_episodes",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("provider", sa.Text(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("first_help_at", sa.DateTime(), nullable=True),
        sa.Column("outcome_2_weeks", sa.String(length=40), nullable=True),
        sa.Column("outcome_2_weeks_on", sa.Date(), nullable=True),
        sa.Column("outcome_2_weeks_early_because", sa.Text(), nullable=False),
        sa.Column("outcome_6_weeks", sa.String(length=40), nullable=True),
        sa.Column("outcome_6_weeks_on", sa.Date(), nullable=True),
        sa.Column("outcome_6_weeks_early_because", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("short_term_episodes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_short_term_episodes_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "episode_reviews",
        sa.Column("episode_id", sa.String(length=36), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("reviewer", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("goal_ids", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["short_term_episodes.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("episode_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_episode_reviews_episode_id"), ["episode_id"], unique=False
        )

    op.create_table(
        "plan_reviews",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["progression_plans.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_reviews_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plan_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_reviews_plan_id"))

    op.drop_table("plan_reviews")
    with op.batch_alter_table("episode_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_episode_reviews_episode_id"))

    op.drop_table("episode_reviews")
    with op.batch_alter_table("short_term_episodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_short_term_episodes_person_id"))

    op.drop_table("short_term_episodes")
    with op.batch_alter_table("progression_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progression_plans_person_id"))

    op.drop_table("progression_plans")
