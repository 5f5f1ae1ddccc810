"""window3: the case's stored search key (case_file.search_key: number, party, cause and every document number,
normalized) and, on SQLite, its index; filled for the cases already there (desk.services.search_key)

Revision ID: window3
Revises: window
Create Date: 2026-12-07 08:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "window3"
down_revision = "window"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.Text(), server_default="", nullable=False))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.create_index("ix_case_file_search", "case_file", ["search_key"], unique=False)
    from desk.services.search_key import rekey

    postgres = bind.dialect.name == "postgresql"
    if postgres:  # archived cases are read-only (trigger desk_case_frozen): filling their key is no change of theirs
        op.execute("ALTER TABLE case_file DISABLE TRIGGER USER")
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM case_file"))]
    for start in range(0, len(ids), 1000):
        rekey(bind, ids[start:start + 1000])
    if postgres:
        op.execute("ALTER TABLE case_file ENABLE TRIGGER USER")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_case_file_search", table_name="case_file")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_column("search_key")
