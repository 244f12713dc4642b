"""safety check-ins: wellbeing plans and answers, visits with their chronology, the
duress word's hash, and the organisation's rhythm and times for them

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        for name, default in (
            ("checkin_days", 14),
            ("visit_answer_minutes", 10),
            ("visit_ack_minutes", 15),
            ("visit_note_days", 30),
            ("wellbeing_days", 365),
        ):
            batch_op.add_column(
                sa.Column(name, sa.Integer(), nullable=False, server_default=str(default))
            )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duress_hash", sa.String(length=200), nullable=True))

    op.create_table(
        "checkin_plan",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("unanswered", sa.Integer(), nullable=False),
        sa.Column("next_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_checkin_plan_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_checkin_plan_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_checkin_plan")),
    )
    op.create_table(
        "checkin_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("asked_at", WHEN, nullable=False),
        sa.Column("answered_at", WHEN, nullable=True),
        sa.Column("answer", sa.String(length=16), nullable=True),
        sa.Column("detail", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_checkin_answer_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_checkin_answer_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_answer")),
    )
    op.create_index("ix_checkin_answer_person", "checkin_answer", ["person_id", "asked_at"])
    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=8), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("key_person_id", sa.Integer(), nullable=True),
        sa.Column("confidant_id", sa.Integer(), nullable=True),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("started_at", WHEN, nullable=False),
        sa.Column("due_at", WHEN, nullable=False),
        sa.Column("ended_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_visit_organisation_id_organisation"),
        ),
        *(
            sa.ForeignKeyConstraint(
                [column], ["person.id"], name=op.f(f"fk_visit_{column}_person"), ondelete="SET NULL"
            )
            for column in ("key_person_id", "confidant_id", "handler_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
        sa.UniqueConstraint("reference", name=op.f("uq_visit_reference")),
    )
    op.create_index("ix_visit_key_person", "visit", ["key_person_id", "status"])
    op.create_table(
        "visit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_event_visit_id_visit"),
            ondelete="CASCADE",
        ),
        *(
            sa.ForeignKeyConstraint(
                [column],
                ["person.id"],
                name=op.f(f"fk_visit_event_{column}_person"),
                ondelete="SET NULL",
            )
            for column in ("actor_id", "target_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_event")),
    )
    op.create_index("ix_visit_event_visit", "visit_event", ["visit_id", "at"])
    op.create_index("ix_visit_event_target", "visit_event", ["target_id", "action", "visit_id"])


def downgrade() -> None:
    op.drop_table("visit_event")
    op.drop_table("visit")
    op.drop_table("checkin_answer")
    op.drop_table("checkin_plan")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("duress_hash")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        for name in (
            "wellbeing_days",
            "visit_note_days",
            "visit_ack_minutes",
            "visit_answer_minutes",
            "checkin_days",
        ):
            batch_op.drop_column(name)
