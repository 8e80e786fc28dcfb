"""officer sign-in hardening: token versions, TOTP, enrolment links, sign-in throttle

``officers.token_version`` (and the version each workspace session was started at) lets a
password change, deactivation or role change end every outstanding token and session at once.
``officers.totp_secret`` (Fernet-encrypted) and ``totp_last_step`` hold the second factor.
``officer_enrolments`` holds the SHA-256 of one-time links to set a password;
``sign_in_throttle`` counts failed sign-ins per keyed hash of a username or client address.

Revision ID: 0014auth
Revises: 0015privacy
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014auth"
down_revision: str | None = "0015privacy"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("officers") as batch:
        batch.add_column(sa.Column("token_version", sa.Integer(), server_default="0",
                                   nullable=False))
        batch.add_column(sa.Column("totp_secret", sa.Text(), nullable=True))
        batch.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))
    with op.batch_alter_table("officer_sessions") as batch:
        batch.add_column(sa.Column("token_version", sa.Integer(), server_default="0",
                                   nullable=False))
    op.create_table(
        "officer_enrolments",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_officer_enrolments_officer_id", "officer_enrolments", ["officer_id"])
    op.create_index("ix_officer_enrolments_expires_at", "officer_enrolments", ["expires_at"])
    op.create_table(
        "sign_in_throttle",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_sign_in_throttle_last_failed_at", "sign_in_throttle", ["last_failed_at"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_throttle_last_failed_at", table_name="sign_in_throttle")
    op.drop_table("sign_in_throttle")
    op.drop_index("ix_officer_enrolments_expires_at", table_name="officer_enrolments")
    op.drop_index("ix_officer_enrolments_officer_id", table_name="officer_enrolments")
    op.drop_table("officer_enrolments")
    with op.batch_alter_table("officer_sessions") as batch:
        batch.drop_column("token_version")
    with op.batch_alter_table("officers") as batch:
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_secret")
        batch.drop_column("token_version")
