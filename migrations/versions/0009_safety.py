"""issue 8: consent split three ways, what matters to the resident, third parties, urgent

Adds the case columns for separate sharing choices (police / support / landlord), wishes,
safety at home, access needs, safe contact (name, voicemail), the person it happened to,
safeguarding, urgent danger-now reports and the submission key (one case per report), and
the purpose of an outbox message (resident, or a duty-contact note). Cases
written before it keep their single yes as police and support consent.

Revision ID: 0009safety
Revises: 0008wardq
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009safety"
down_revision: str | None = "0008wardq"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BOOLS = ("subject_knows", "subject_agrees", "support_wanted", "feels_safe_home", "voicemail_ok",
         "consent_police", "consent_support", "consent_landlord")
TEXTS = ("subject_contact", "wishes_text", "access_other", "contact_name")
LISTS = ("faiths", "safeguarding_reasons", "wishes", "access_needs")


def upgrade() -> None:
    op.add_column("cases", sa.Column("urgent", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    op.add_column("cases", sa.Column("submission_key", sa.String(160), nullable=True))
    op.add_column("cases", sa.Column("safeguarding", sa.String(16), nullable=True))
    op.add_column("cases", sa.Column("access_language", sa.String(64), nullable=True))
    for name in BOOLS:
        op.add_column("cases", sa.Column(name, sa.Boolean(), nullable=True))
    for name in TEXTS:
        op.add_column("cases", sa.Column(name, sa.Text(), nullable=True))
    for name in LISTS:
        op.add_column("cases", sa.Column(name, sa.JSON(), nullable=True))
    op.add_column("outbound_messages", sa.Column("purpose", sa.String(16), nullable=False,
                                                 server_default="resident"))
    # a unique index, not a constraint: SQLite adds it without rebuilding the table
    op.create_index("uq_cases_submission_key", "cases", ["submission_key"], unique=True)
    op.execute("UPDATE cases SET consent_police = share_consent, consent_support = share_consent "
               "WHERE share_consent")


def downgrade() -> None:
    op.drop_index("uq_cases_submission_key", table_name="cases")
    with op.batch_alter_table("outbound_messages") as batch:
        batch.drop_column("purpose")
    with op.batch_alter_table("cases") as batch:
        for name in ("urgent", "submission_key", "safeguarding", "access_language",
                     *BOOLS, *TEXTS, *LISTS):
            batch.drop_column(name)
