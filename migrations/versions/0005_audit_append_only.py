"""audit log append-only (triggers reject UPDATE/DELETE/TRUNCATE) and the queue's sort index

The audit log must be trustworthy even against the application's own database account: a
trigger refuses every UPDATE and DELETE on ``audit_events`` (and TRUNCATE on PostgreSQL).
Note: an Alembic batch operation on ``audit_events`` under SQLite recreates the table; any
future migration doing that must recreate these triggers.

The queue is ordered by risk (highest first) then age (oldest first): ``ix_cases_risk_age``
matches that order so the first page and every keyset page are index range scans.

Revision ID: 0005officer
Revises: 0004tw
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005officer"
down_revision: str | None = "0004tw"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "audit_events is append-only"

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE} (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$
"""


def upgrade() -> None:
    op.create_index("ix_cases_risk_age", "cases",
                    [sa.text("risk_rank DESC"), "created_at", "id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update_delete ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    op.drop_index("ix_cases_risk_age", table_name="cases")
