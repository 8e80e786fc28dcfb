"""issue 13: housing_provider and occurred_time encrypted at rest (existing rows encrypted in
place); erasure requests (a reason and a second supervisor's approval)

Revision ID: 0015privacy
Revises: 0010workspace

SQLite cannot change a column's type without rebuilding ``cases``, and a rebuild drops the
table, which with foreign keys on cascades into every table that references it. So on SQLite the
value moves to a new TEXT column, the old column is dropped and the new one renamed (native
ALTER TABLE since SQLite 3.35); PostgreSQL changes the type in place.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot import crypto

revision: str = "0015privacy"
down_revision: str | None = "0010workspace"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {"housing_provider": 120, "occurred_time": 8}


def _convert(column: str, change, sql_type: str) -> None:  # noqa: ANN001 - a value function
    """Rewrite every non-null value of ``cases.<column>`` with ``change`` and give the column
    ``sql_type``."""
    conn = op.get_bind()
    # column names come from COLUMNS above, never from input
    rows = conn.execute(sa.text(f"SELECT id, {column} FROM cases WHERE {column} IS NOT NULL"))  # noqa: S608
    values = [{"id": i, "v": change(v)} for i, v in rows]
    postgresql = conn.dialect.name == "postgresql"
    if postgresql:  # TEXT while the values change (ciphertext is longer), then the new type
        op.execute(f"ALTER TABLE cases ALTER COLUMN {column} TYPE TEXT")
        target = column
    else:
        target = f"{column}_new"
        op.execute(f"ALTER TABLE cases ADD COLUMN {target} {sql_type}")
    if values:
        conn.execute(sa.text(f"UPDATE cases SET {target} = :v WHERE id = :id"), values)  # noqa: S608
    if postgresql and sql_type != "TEXT":
        op.execute(f"ALTER TABLE cases ALTER COLUMN {column} TYPE {sql_type}")
    if not postgresql:
        op.execute(f"ALTER TABLE cases DROP COLUMN {column}")
        op.execute(f"ALTER TABLE cases RENAME COLUMN {target} TO {column}")


def upgrade() -> None:
    for column in COLUMNS:
        _convert(column, crypto.encrypt, "TEXT")
    op.create_table(
        "erasure_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), sa.ForeignKey("officers.id"), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_erasure_requests_case_id", "erasure_requests", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_erasure_requests_case_id", "erasure_requests")
    op.drop_table("erasure_requests")
    for column, length in COLUMNS.items():
        _convert(column, lambda v, n=length: crypto.decrypt(v)[:n], f"VARCHAR({length})")
