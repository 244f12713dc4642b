"""intervision: groups and their members, sessions, invitations and answers

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def _person(column: str, table: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["person.id"], name=op.f(f"fk_{table}_{column}_person"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "intervision_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_intervision_group_organisation_id_organisation"),
        ),
        _person("facilitator_id", "intervision_group", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intervision_group")),
    )
    op.create_table(
        "group_member",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["intervision_group.id"],
            name=op.f("fk_group_member_group_id_intervision_group"),
            ondelete="CASCADE",
        ),
        _person("person_id", "group_member", "CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "person_id", name=op.f("pk_group_member")),
    )
    op.create_table(
        "intervision_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=8), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", WHEN, nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_intervision_session_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["intervision_group.id"],
            name=op.f("fk_intervision_session_group_id_intervision_group"),
            ondelete="SET NULL",
        ),
        _person("facilitator_id", "intervision_session", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intervision_session")),
        sa.UniqueConstraint("reference", name=op.f("uq_intervision_session_reference")),
    )
    op.create_table(
        "session_invite",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=True),
        sa.Column("answered_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["intervision_session.id"],
            name=op.f("fk_session_invite_session_id_intervision_session"),
            ondelete="CASCADE",
        ),
        _person("person_id", "session_invite", "CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "person_id", name=op.f("pk_session_invite")),
    )
    op.create_index("ix_session_invite_person", "session_invite", ["person_id", "session_id"])


def downgrade() -> None:
    op.drop_table("session_invite")
    op.drop_table("intervision_session")
    op.drop_table("group_member")
    op.drop_table("intervision_group")
