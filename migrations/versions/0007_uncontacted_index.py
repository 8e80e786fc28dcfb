"""partial index for the overdue queue filter

Cases nobody has acted on yet (status new/triaged, not contacted) in queue order: the overdue
filter walks this small index instead of every case's due date.

Revision ID: 0007overdue
Revises: 0006stats
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007overdue"
down_revision: str | None = "0006stats"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = "status IN ('new', 'triaged') AND contacted_at IS NULL"


def upgrade() -> None:
    op.create_index("ix_cases_uncontacted", "cases",
                    [sa.text("risk_rank DESC"), "created_at", "id"],
                    sqlite_where=sa.text(WHERE), postgresql_where=sa.text(WHERE))


def downgrade() -> None:
    op.drop_index("ix_cases_uncontacted", table_name="cases")
