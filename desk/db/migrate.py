"""Alembic, run from inside the package: no alembic.ini needed on a user's machine."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def heads() -> frozenset[str]:
    """The newest revisions: one per independent line of migrations (each topic may add its own)."""
    return frozenset(ScriptDirectory(str(MIGRATIONS)).get_heads())


def current(engine: Engine) -> frozenset[str]:
    with engine.connect() as conn:
        return frozenset(MigrationContext.configure(conn).get_current_heads())


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema (idempotent; quick when already there)."""
    if current(engine) == heads():
        return
    command.upgrade(alembic_config(engine), "heads")
