"""boundary: the archive package's digest on its case (crash-safe archiving, #13)

Revision ID: boundary
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "boundary"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("package_sha256", sa.String(length=64), nullable=True))
        batch.create_unique_constraint("uq_case_file_package_sha256", ["package_sha256"])


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_constraint("uq_case_file_package_sha256", type_="unique")
        batch.drop_column("package_sha256")
