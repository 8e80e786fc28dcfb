"""twilio outbox: keyed hash of the recipient and how a message went out (text or template)

``to_hash`` lets the gateway find messages held for a WhatsApp number (outside the 24-hour window)
when that resident writes again, without decrypting every row; ``sent_as`` tells the officer
whether the resident got their words or the approved template.

Revision ID: 0004tw
Revises: 0003
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004tw"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("to_hash", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("sent_as", sa.String(length=16), nullable=True))
        batch_op.create_index("ix_outbound_messages_to_hash", ["to_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_outbound_messages_to_hash")
        batch_op.drop_column("sent_as")
        batch_op.drop_column("to_hash")
