"""reports: indexes the statistics and the publication list read by (event type and date, document kind and date)

Revision ID: reports
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "reports"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_type_on", "event", ["type", "on", "case_id"], unique=False)
    op.create_index("ix_document_kind_issued", "document", ["kind", "issued_on", "case_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_document_kind_issued", table_name="document")
    op.drop_index("ix_event_type_on", table_name="event")
