"""perpetrator records: identifiers (keyed hashes), case links, enforcement, repeat-risk
state, and place keys for hotspots

Identifiers, reasons, outcomes and notes are Fernet-encrypted text (EncryptedText); matching
uses only ``perpetrator_identifiers.digest`` (HMAC with PERPETRATOR_MATCH_KEY).
``case_places`` starts empty: ``tellonce hotspots backfill`` fills it for existing cases.

Revision ID: 0011perp
Revises: 0009safety
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011perp"
down_revision: str | None = "0009safety"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)
ACTIVE = "unlinked_at IS NULL"


def upgrade() -> None:
    op.create_table(
        "perpetrators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("created_by_officer_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("aliases", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("tenancy", sa.String(length=32), nullable=False),
        sa.Column("online_handles", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("unlinked_since", TS, nullable=True),
        sa.ForeignKeyConstraint(["created_by_officer_id"], ["officers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_perpetrators_unlinked_since", "perpetrators", ["unlinked_since"])
    op.create_table(
        "perpetrator_identifiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("perpetrator_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["perpetrator_id"], ["perpetrators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_perpetrator_identifiers_match", "perpetrator_identifiers",
                    ["kind", "digest"])
    op.create_index("ix_perpetrator_identifiers_perpetrator_id", "perpetrator_identifiers",
                    ["perpetrator_id"])
    op.create_table(
        "case_perpetrator_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("perpetrator_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", TS, nullable=False),
        sa.Column("linked_by_officer_id", sa.Integer(), nullable=True),
        sa.Column("link_reason", sa.Text(), nullable=True),
        sa.Column("unlinked_at", TS, nullable=True),
        sa.Column("unlinked_by_officer_id", sa.Integer(), nullable=True),
        sa.Column("unlink_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["perpetrator_id"], ["perpetrators.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["linked_by_officer_id"], ["officers.id"]),
        sa.ForeignKeyConstraint(["unlinked_by_officer_id"], ["officers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_case_perpetrator_links_case_id", "case_perpetrator_links", ["case_id"])
    op.create_index("ix_case_perpetrator_links_perpetrator_id", "case_perpetrator_links",
                    ["perpetrator_id"])
    op.create_index("uq_case_perpetrator_active", "case_perpetrator_links",
                    ["case_id", "perpetrator_id"], unique=True,
                    sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))
    op.create_table(
        "perpetrator_enforcement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("perpetrator_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["perpetrator_id"], ["perpetrators.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_perpetrator_enforcement_perpetrator_id", "perpetrator_enforcement",
                    ["perpetrator_id"])
    op.create_table(
        "case_repeat_risk",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("base_level", sa.String(length=16), nullable=False),
        sa.Column("linked_reports", sa.Integer(), nullable=False),
        sa.Column("raised_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id"),
    )
    op.create_table(
        "case_places",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "kind"),
    )
    op.create_index("ix_case_places_window", "case_places", ["created_at", "kind", "digest"])


def downgrade() -> None:
    op.drop_index("ix_case_places_window", table_name="case_places")
    op.drop_table("case_places")
    op.drop_table("case_repeat_risk")
    op.drop_index("ix_perpetrator_enforcement_perpetrator_id",
                  table_name="perpetrator_enforcement")
    op.drop_table("perpetrator_enforcement")
    op.drop_index("uq_case_perpetrator_active", table_name="case_perpetrator_links")
    op.drop_index("ix_case_perpetrator_links_perpetrator_id", table_name="case_perpetrator_links")
    op.drop_index("ix_case_perpetrator_links_case_id", table_name="case_perpetrator_links")
    op.drop_table("case_perpetrator_links")
    op.drop_index("ix_perpetrator_identifiers_perpetrator_id",
                  table_name="perpetrator_identifiers")
    op.drop_index("ix_perpetrator_identifiers_match", table_name="perpetrator_identifiers")
    op.drop_table("perpetrator_identifiers")
    op.drop_index("ix_perpetrators_unlinked_since", table_name="perpetrators")
    op.drop_table("perpetrators")
