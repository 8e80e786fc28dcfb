"""issue 9: coming back (secret hash, new information), diary entries, feedback, return guards

Revision ID: 0012return
Revises: 0011perp
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012return"
down_revision: str | None = "0011perp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=True)


def upgrade() -> None:
    op.add_column("cases", sa.Column("return_secret_hash", sa.String(255), nullable=True))
    op.add_column("cases", _when("new_information_at"))
    op.add_column("cases", _when("feedback_requested_at"))
    op.create_table(
        "diary_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("account", sa.Text(), nullable=True),
        sa.Column("location_text", sa.Text(), nullable=True),
        sa.Column("incident_types", sa.JSON(), nullable=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_diary_entries_case_id", "diary_entries", ["case_id"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_feedback_case_id", "feedback", ["case_id"])
    op.create_index("ix_feedback_created", "feedback", ["created_at", "channel"])
    op.create_table(
        "return_guards",
        sa.Column("key", sa.String(96), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("return_guards")
    op.drop_index("ix_feedback_created", table_name="feedback")
    op.drop_index("ix_feedback_case_id", table_name="feedback")
    op.drop_table("feedback")
    op.drop_index("ix_diary_entries_case_id", table_name="diary_entries")
    op.drop_table("diary_entries")
    with op.batch_alter_table("cases") as batch:
        for name in ("return_secret_hash", "new_information_at", "feedback_requested_at"):
            batch.drop_column(name)
