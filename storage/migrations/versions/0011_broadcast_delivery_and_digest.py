"""a person's area and digest hour; broadcast versions per language, capacity, a send
time and a waiting list; outbox rows keyed by topic and recipient; the daily digest

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("area", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("digest_hour", sa.Integer(), nullable=True))
    with op.batch_alter_table("broadcast", schema=None) as batch_op:
        batch_op.alter_column(
            "audience", existing_type=sa.String(length=24), type_=sa.String(length=200)
        )
        batch_op.add_column(sa.Column("versions", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("capacity", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("send_at", WHEN, nullable=True))
    with op.batch_alter_table("broadcast_recipient", schema=None) as batch_op:
        batch_op.add_column(sa.Column("waiting_since", WHEN, nullable=True))
        batch_op.add_column(sa.Column("offered_until", WHEN, nullable=True))
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("topic", sa.String(length=32), nullable=True))
        batch_op.create_index("ux_outbox_message_topic_person", ["topic", "person_id"], unique=True)
    op.create_table(
        "digest_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_digest_item_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_item")),
    )
    op.create_index("ix_digest_item_person", "digest_item", ["person_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_digest_item_person", table_name="digest_item")
    op.drop_table("digest_item")
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_index("ux_outbox_message_topic_person")
        batch_op.drop_column("topic")
    with op.batch_alter_table("broadcast_recipient", schema=None) as batch_op:
        batch_op.drop_column("offered_until")
        batch_op.drop_column("waiting_since")
    with op.batch_alter_table("broadcast", schema=None) as batch_op:
        batch_op.drop_column("send_at")
        batch_op.drop_column("capacity")
        batch_op.drop_column("versions")
        batch_op.alter_column(
            "audience", existing_type=sa.String(length=200), type_=sa.String(length=24)
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("digest_hour")
        batch_op.drop_column("area")
