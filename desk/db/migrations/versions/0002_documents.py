"""documents: the agency settings the documents print (contact, payment, receiving bodies)

Revision ID: documents
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "documents"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = (
    ("contact_person", 60),
    ("contact_phone", 40),
    ("contact_address", 200),
    ("payment_bank", 100),
    ("payment_account_name", 200),
    ("payment_account", 60),
    ("payment_channel", 200),
    ("public_security", 200),
    ("transfer_to", 200),
)


def upgrade() -> None:
    with op.batch_alter_table("agency", schema=None) as batch_op:
        for name, length in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("agency", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
