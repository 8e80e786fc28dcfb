"""covering indexes for insight (counts and rising trends by ward / channel over time)

The side tables' single-column created_at indexes go: without planner statistics SQLite picked
them over the covering (strand|incident_type, created_at, case_id) indexes and fetched rows.

Revision ID: 0006stats
Revises: 0005officer
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0006stats"
down_revision: str | None = "0005officer"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_ward_created", "cases", ["location_ward", "created_at"])
    op.create_index("ix_cases_channel_created", "cases", ["channel", "created_at"])
    op.drop_index("ix_case_strands_created_at", table_name="case_strands")
    op.drop_index("ix_case_incident_types_created_at", table_name="case_incident_types")


def downgrade() -> None:
    op.create_index("ix_case_incident_types_created_at", "case_incident_types", ["created_at"])
    op.create_index("ix_case_strands_created_at", "case_strands", ["created_at"])
    op.drop_index("ix_cases_channel_created", table_name="cases")
    op.drop_index("ix_cases_ward_created", table_name="cases")
