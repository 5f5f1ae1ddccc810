"""The migrations build exactly the models' schema (alembic check) on every backend."""

from __future__ import annotations

from alembic import command
from alembic.util.exc import CommandError

from desk.db.engine import get_engine
from desk.db.migrate import alembic_config, current, heads
from tests.conftest import DeskEnv


def test_database_is_at_head_and_matches_models(desk_env: DeskEnv) -> None:
    engine = get_engine(desk_env.url)
    assert current(engine) == heads()
    try:
        command.check(alembic_config(engine))
    except CommandError as exc:  # pragma: no cover - the failure message is the diff
        raise AssertionError(f"models and migrations differ: {exc}") from exc


def test_any_verb_on_a_fresh_home_creates_the_database(desk_env: DeskEnv) -> None:
    result = desk_env.run("cases", "--json")
    assert result.code == 0 and result.out.strip() == "[]"


def test_heads_read_from_the_files_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    from desk.db.migrate import MIGRATIONS

    assert heads() == frozenset(ScriptDirectory(str(MIGRATIONS)).get_heads())
