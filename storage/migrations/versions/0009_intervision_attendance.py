"""intervision attendance, the safety estimates and a private note before a session, a
session's calendar sequence, when the two-month rule last reminded someone, and a key
person's development goals

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        for name, default in (
            ("intervision_first_reminder_days", 7),
            ("intervision_last_reminder_days", 1),
        ):
            batch_op.add_column(
                sa.Column(name, sa.Integer(), nullable=False, server_default=str(default))
            )
    with op.batch_alter_table("session_invite", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attended", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("own_estimate", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("confidant_estimate", sa.String(length=16), nullable=True))
    with op.batch_alter_table("intervision_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "intervision_nudge",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("nudged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_intervision_nudge_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_intervision_nudge")),
    )

    op.create_table(
        "private_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["intervision_session.id"],
            name=op.f("fk_private_note_session_id_intervision_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_private_note_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_private_note")),
        sa.UniqueConstraint("session_id", "person_id", name=op.f("uq_private_note_session_id")),
    )
    op.create_table(
        "development_goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_development_goal_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_goal")),
    )


def downgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("intervision_last_reminder_days")
        batch_op.drop_column("intervision_first_reminder_days")
    op.drop_table("development_goal")
    op.drop_table("private_note")
    op.drop_table("intervision_nudge")
    with op.batch_alter_table("intervision_session", schema=None) as batch_op:
        batch_op.drop_column("sequence")
    with op.batch_alter_table("session_invite", schema=None) as batch_op:
        batch_op.drop_column("confidant_estimate")
        batch_op.drop_column("own_estimate")
        batch_op.drop_column("attended")
