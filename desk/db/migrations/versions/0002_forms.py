"""forms: pre-numbered form blocks held by a squad or an officer, spoiled forms, sign-off (核销)

The block's ``next_seq`` and free-text ``holder`` go: forms are torn off in any order, so the next
number is derived (the lowest neither used nor spoiled), and a block is held by a squad and/or an
officer of the roster.

Revision ID: forms
Revises: 0001
Create Date: 2026-12-07 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "forms"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("form_block", schema=None) as batch_op:
        batch_op.add_column(sa.Column("squad", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("officer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("registered_by", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("signed_off_by", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("signed_off_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_form_block_officer_id_officer"), "officer", ["officer_id"], ["id"])
        batch_op.drop_column("next_seq")
        batch_op.drop_column("holder")
    op.create_table(
        "form_spoiled",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("block_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("by", sa.String(length=60), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["block_id"], ["form_block.id"], name=op.f("fk_form_spoiled_block_id_form_block"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_spoiled")),
        sa.UniqueConstraint("block_id", "seq", name=op.f("uq_form_spoiled_block_id_seq")),
    )
    with op.batch_alter_table("form_spoiled", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_spoiled_block_id"), ["block_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("form_spoiled", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_spoiled_block_id"))
    op.drop_table("form_spoiled")
    with op.batch_alter_table("form_block", schema=None) as batch_op:
        batch_op.add_column(sa.Column("holder", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("next_seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.drop_constraint(batch_op.f("fk_form_block_officer_id_officer"), type_="foreignkey")
        batch_op.drop_column("signed_off_at")
        batch_op.drop_column("signed_off_by")
        batch_op.drop_column("registered_by")
        batch_op.drop_column("officer_id")
        batch_op.drop_column("squad")
