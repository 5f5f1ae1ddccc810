"""coldstart: the deadlines of open cases kept in a table (case_deadline, deadline_mark), for the window's panel

Revision ID: coldstart3
Revises: window
Create Date: 2026-12-07 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "coldstart3"
down_revision = "window"
branch_labels = None
depends_on = None

# PostgreSQL: a clerk sees the deadlines of his squad's cases only, as he sees their documents (identity's rule)
_VISIBLE = ("ALTER TABLE {t} ENABLE ROW LEVEL SECURITY; "
            "CREATE POLICY desk_visible_case ON {t} FOR ALL TO PUBLIC "
            "USING (EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_id)) "
            "WITH CHECK (EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_id))")


def upgrade() -> None:
    op.create_table(
        "case_deadline",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("document", sa.String(length=200), nullable=True),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("missing_year", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_case_deadline_case_id_case_file"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "rule", name=op.f("pk_case_deadline")),
    )
    op.create_index(op.f("ix_case_deadline_due"), "case_deadline", ["due"], unique=False)
    op.create_table(
        "deadline_mark",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_updated", sa.DateTime(timezone=True), nullable=True),
        sa.Column("documents_changed", sa.DateTime(timezone=True), nullable=True),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("events_last", sa.Integer(), nullable=True),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("context", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_deadline_mark_case_id_case_file"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_deadline_mark")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table in ("case_deadline", "deadline_mark"):
            op.execute(_VISIBLE.format(t=table))


def downgrade() -> None:
    op.drop_table("deadline_mark")
    op.drop_index(op.f("ix_case_deadline_due"), table_name="case_deadline")
    op.drop_table("case_deadline")
