"""identity: local passwords, the agency's signing key, package seals; on PostgreSQL roles, grants, RLS, triggers

Revision ID: identity
Revises: 0001

On PostgreSQL Desk's roles are database roles (cluster-wide, created once, shared by every Desk database of
the cluster); what each may do is granted per database here (``desk.db.pg_security``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk.db.pg_security import SQL as SECURITY_SQL

revision = "identity"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credential",
        sa.Column("login", sa.String(length=60), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_credential")),
    )
    op.create_table(
        "signing_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.String(length=130), nullable=False),
        sa.Column("private_sealed", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_key")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_signing_key_fingerprint")),
    )
    op.create_table(
        "package_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("archive_number", sa.String(length=40), nullable=False),
        sa.Column("package_name", sa.String(length=200), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("anchor_id", sa.Integer(), nullable=False),
        sa.Column("anchor_hash", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=200), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_seal")),
    )
    with op.batch_alter_table("package_seal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_package_seal_case_id"), ["case_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(SECURITY_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DROP_SQL)
    with op.batch_alter_table("package_seal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_package_seal_case_id"))
    op.drop_table("package_seal")
    op.drop_table("signing_key")
    op.drop_table("credential")


# the roles stay: they are the cluster's, and other Desk databases may use them
DROP_SQL = """
DROP TRIGGER IF EXISTS desk_audit_append_only ON audit_log;
DROP TRIGGER IF EXISTS desk_audit_no_truncate ON audit_log;
DROP TRIGGER IF EXISTS desk_case_frozen ON case_file;
DROP TRIGGER IF EXISTS desk_child_frozen ON party;
DROP TRIGGER IF EXISTS desk_child_frozen ON event;
DROP TRIGGER IF EXISTS desk_child_frozen ON document;
DROP TRIGGER IF EXISTS desk_child_frozen ON attachment;
DROP TRIGGER IF EXISTS desk_counter_forward ON number_counter;
ALTER TABLE case_file DISABLE ROW LEVEL SECURITY;
ALTER TABLE party DISABLE ROW LEVEL SECURITY;
ALTER TABLE event DISABLE ROW LEVEL SECURITY;
ALTER TABLE document DISABLE ROW LEVEL SECURITY;
ALTER TABLE attachment DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS desk_all_cases ON case_file;
DROP POLICY IF EXISTS desk_squad_cases ON case_file;
DROP POLICY IF EXISTS desk_visible_case ON party;
DROP POLICY IF EXISTS desk_visible_case ON event;
DROP POLICY IF EXISTS desk_visible_case ON document;
DROP POLICY IF EXISTS desk_visible_case ON attachment;
DROP FUNCTION IF EXISTS desk_audit_append(timestamptz, text, text, integer, integer, json, text, text);
DROP FUNCTION IF EXISTS desk_allocate_number(integer, text, integer);
DROP FUNCTION IF EXISTS desk_spend_number(integer, text, integer, integer);
DROP FUNCTION IF EXISTS desk_squad();
DROP FUNCTION IF EXISTS desk_refuse_audit_change();
DROP FUNCTION IF EXISTS desk_refuse_archived_case();
DROP FUNCTION IF EXISTS desk_refuse_archived_child();
DROP FUNCTION IF EXISTS desk_counter_forward_only();
DROP FUNCTION IF EXISTS desk_privileged(text[]);
"""
