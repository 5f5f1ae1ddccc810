"""discretion standards (裁量基准), one row per loaded version

Revision ID: discretion
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "discretion"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "discretion_standard",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("loaded_by", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discretion_standard")),
        sa.UniqueConstraint("name", "version", name=op.f("uq_discretion_standard_name_version")),
    )
    op.create_index(op.f("ix_discretion_standard_sha256"), "discretion_standard", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_discretion_standard_sha256"), table_name="discretion_standard")
    op.drop_table("discretion_standard")
