"""Alembic, run from inside the package: no alembic.ini needed on a user's machine.

Alembic itself is imported only when the database is behind: a database at head is recognised by reading
``alembic_version`` and the revision ids of the migration files, which costs a query and a directory listing
instead of alembic's 0.1 s of imports on every command.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _revisions(source: str) -> tuple[str | None, tuple[str, ...]]:
    """``revision`` and ``down_revision`` of a migration file, read as data (the module is not imported, nor
    parsed whole: only the two assignments' values, one line each at the top level)."""
    revision: str | None = None
    down: tuple[str, ...] = ()
    for line in source.splitlines():
        name, equals, value = line.partition("=")
        name = name.split(":")[0].strip()  # ``revision: str = "…"`` as alembic's newer template writes it
        if not equals or line[:1].isspace() or name not in ("revision", "down_revision"):
            continue
        value = ast.literal_eval(value.strip())
        if name == "revision":
            revision = value
        elif value:
            down = (value,) if isinstance(value, str) else tuple(value)
    return revision, down


@cache
def heads() -> frozenset[str]:
    """The newest revisions: one per independent line of migrations (each topic may add its own)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (p for p in (MIGRATIONS / "versions").iterdir() if p.suffix == ".py"):
        revision, down = _revisions(path.read_text(encoding="utf-8"))
        if revision:
            revisions.add(revision)
            parents.update(down)
    return frozenset(revisions - parents)


def current(engine: Engine) -> frozenset[str]:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return frozenset()
        return frozenset(conn.scalars(text("SELECT version_num FROM alembic_version")))


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema (idempotent; quick when already there)."""
    if current(engine) == heads():
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "heads")
