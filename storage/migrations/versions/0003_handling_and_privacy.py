"""handling and privacy

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_directory_entry_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_entry")),
    )
    with op.batch_alter_table("directory_entry", schema=None) as batch_op:
        batch_op.create_index("ix_directory_entry_org", ["organisation_id", "kind"], unique=False)

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("body", sa.Text(), nullable=True))

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("case_retention_days", sa.Integer(), nullable=False, server_default="180")
        )
        batch_op.add_column(
            sa.Column("person_retention_days", sa.Integer(), nullable=False, server_default="730")
        )


def downgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("person_retention_days")
        batch_op.drop_column("case_retention_days")

    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.drop_column("body")

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")

    with op.batch_alter_table("directory_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_directory_entry_org")

    op.drop_table("directory_entry")
