"""Cases to archive in the archive tests: our fixture cases, imported through the command line."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, select

from desk.models import Base
from tests.conftest import FIXTURES, DeskEnv

Snapshot = dict[str, list[tuple[object, ...]]]


def imported(env: DeskEnv, sample: str) -> str:
    result = env.run("import", str(FIXTURES / "cases" / f"{sample}.json"))
    assert result.code == 0, result.err
    return result.out.strip()


def archived(env: DeskEnv, sample: str, out: Path, *extra: str) -> tuple[str, str]:
    """Import ``sample`` and archive it to ``out``: (case id, archive number)."""
    case_id = imported(env, sample)
    result = env.run("archive", case_id, "-o", str(out), *extra)
    assert result.code == 0, result.err
    return case_id, result.out.strip()


def snapshot(env: DeskEnv) -> Snapshot:
    """Every row of every table: what "the database is unchanged" compares."""
    engine = create_engine(env.url)
    try:
        with engine.connect() as conn:
            return {t.name: sorted(map(tuple, conn.execute(select(t))), key=repr) for t in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def execute(env: DeskEnv, sql: str) -> None:
    """Change the database behind Desk's back (as someone with a database tool would — on PostgreSQL a superuser
    who switches the database's own guards off: the triggers that keep the audit log append-only)."""
    from sqlalchemy import text

    engine = create_engine(env.url)
    try:
        with engine.begin() as conn:
            if env.backend == "postgresql":
                conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text(sql))
    finally:
        engine.dispose()
