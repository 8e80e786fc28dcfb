"""case facets (strand / incident type side tables) and contacted_at

Normalised (case_id, strand) and (case_id, incident_type) tables so statistics and queue filters
count and match without JSON functions, identically on SQLite and PostgreSQL. Existing cases
are back-filled from their JSON lists.

Revision ID: 0003
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contacted_at", sa.DateTime(timezone=True), nullable=True))

    op.create_table(
        "case_strands",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("strand", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "strand"),
    )
    op.create_index("ix_case_strands_created_at", "case_strands", ["created_at"])
    op.create_index("ix_case_strands_strand_created", "case_strands",
                    ["strand", "created_at", "case_id"])
    op.create_table(
        "case_incident_types",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("incident_type", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "incident_type"),
    )
    op.create_index("ix_case_incident_types_created_at", "case_incident_types", ["created_at"])
    op.create_index("ix_case_incident_types_type_created", "case_incident_types",
                    ["incident_type", "created_at", "case_id"])
    _backfill()


def _backfill() -> None:
    """Mirror the JSON lists of cases that already exist into the new tables."""
    bind = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("created_at", sa.DateTime),
                     sa.column("strands", sa.JSON), sa.column("incident_types", sa.JSON))
    strands = sa.table("case_strands", sa.column("case_id", sa.Integer),
                       sa.column("strand", sa.String), sa.column("created_at", sa.DateTime))
    types = sa.table("case_incident_types", sa.column("case_id", sa.Integer),
                     sa.column("incident_type", sa.String), sa.column("created_at", sa.DateTime))
    rows = bind.execute(sa.select(cases.c.id, cases.c.created_at, cases.c.strands,
                                  cases.c.incident_types)).all()
    strand_rows = [{"case_id": r.id, "strand": s, "created_at": r.created_at}
                   for r in rows for s in sorted(set(r.strands or []))]
    type_rows = [{"case_id": r.id, "incident_type": t, "created_at": r.created_at}
                 for r in rows for t in sorted(set(r.incident_types or []))]
    if strand_rows:
        bind.execute(strands.insert(), strand_rows)
    if type_rows:
        bind.execute(types.insert(), type_rows)


def downgrade() -> None:
    op.drop_table("case_incident_types")
    op.drop_table("case_strands")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("contacted_at")
