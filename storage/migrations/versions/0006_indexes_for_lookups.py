"""indexes for the lookups by person: cases alerted to or handled by someone, what a
person wrote, a subject's pending timers

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_event_target", "case_event", ["target_id", "action", "case_id"])
    op.create_index("ix_case_event_actor", "case_event", ["actor_id", "action"])
    op.create_index("ix_case_handler", "case", ["handler_id", "status"])
    op.create_index("ix_timer_subject_status", "timer", ["subject", "status", "due_at"])


def downgrade() -> None:
    op.drop_index("ix_timer_subject_status", table_name="timer")
    op.drop_index("ix_case_handler", table_name="case")
    op.drop_index("ix_case_event_actor", table_name="case_event")
    op.drop_index("ix_case_event_target", table_name="case_event")
