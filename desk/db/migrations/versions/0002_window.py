"""window: the scan of an issued document's signed and sealed paper (document.scan_sha256, scan_name)

Revision ID: window
Revises: 0001
Create Date: 2026-12-07 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "window"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scan_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("scan_name", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_column("scan_name")
        batch_op.drop_column("scan_sha256")
