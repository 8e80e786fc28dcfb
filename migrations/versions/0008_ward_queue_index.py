"""queue-order index per ward

The queue filtered by ward walks this index in queue order (risk, then age) instead of sorting
every case of the ward.

Revision ID: 0008wardq
Revises: 0007overdue
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008wardq"
down_revision: str | None = "0007overdue"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_ward_queue", "cases",
                    ["location_ward", sa.text("risk_rank DESC"), "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_cases_ward_queue", table_name="cases")
