"""intervision attendance and the safety estimates before a session, a session's
calendar sequence, and when the two-month rule last reminded someone

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


def downgrade() -> None:
    op.drop_table("intervision_nudge")
    with op.batch_alter_table("intervision_session", schema=None) as batch_op:
        batch_op.drop_column("sequence")
    with op.batch_alter_table("session_invite", schema=None) as batch_op:
        batch_op.drop_column("confidant_estimate")
        batch_op.drop_column("own_estimate")
        batch_op.drop_column("attended")
