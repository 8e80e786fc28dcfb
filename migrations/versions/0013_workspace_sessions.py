"""officers' workspace: sessions and the open-cases queue index

Server-side sessions for the workspace (/officer/): the cookie carries a random token whose
SHA-256 is the key here, so sign-out and idle expiry end a session for real.

The workspace's queue shows open cases by default: a partial index on the queue order for
cases not closed keeps its first page an index range scan however many cases are closed. Its
headline counts (new cases, overdue cases, for everyone or one officer's view) are index range
counts on (status, due_by of a case nobody has contacted yet, assigned officer): an expression
the queue never filters on, so the index cannot draw the queue's overdue filter away from
ix_cases_uncontacted.

Revision ID: 0010workspace
Revises: 0012return
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010workspace"
down_revision: str | None = "0012return"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "officer_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_officer_sessions_officer_id", "officer_sessions", ["officer_id"])
    op.create_index("ix_officer_sessions_expires_at", "officer_sessions", ["expires_at"])
    op.create_index("ix_cases_open_queue", "cases",
                    [sa.text("risk_rank DESC"), "created_at", "id"],
                    sqlite_where=sa.text("status != 'closed'"),
                    postgresql_where=sa.text("status != 'closed'"))

    op.create_index("ix_cases_headline", "cases",
                    ["status", sa.text("(CASE WHEN contacted_at IS NULL THEN due_by END)"),
                     "assigned_officer_id"],
                    postgresql_include=["contacted_at", "due_by"])


def downgrade() -> None:
    op.drop_index("ix_cases_headline", table_name="cases")
    op.drop_index("ix_cases_open_queue", table_name="cases")
    op.drop_index("ix_officer_sessions_expires_at", table_name="officer_sessions")
    op.drop_index("ix_officer_sessions_officer_id", table_name="officer_sessions")
    op.drop_table("officer_sessions")
