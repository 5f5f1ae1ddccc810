"""lifecycle: the place and time of the act on the case (case-format.md additions)

Revision ID: lifecycle
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "lifecycle"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("place", sa.String(length=300), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("violation_at", sa.String(length=5), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_column("violation_at")
        batch_op.drop_column("place")
