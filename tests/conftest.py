"""Test fixtures: a fresh Desk home and database per test, on SQLite and on PostgreSQL.

Every test that takes ``desk_env`` runs once per backend in ``DESK_TEST_BACKENDS`` (default:
both). PostgreSQL comes from ``DESK_TEST_PG_URL`` (an admin URL; ``dev.sh test`` starts a private
cluster and sets it). If PostgreSQL is asked for and cannot be reached, those tests FAIL: never a
silent skip.
"""

from __future__ import annotations

import io
import itertools
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# our own fixture cases and bad inputs: what the tests use, from a plain clone
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# the shared specs and samples sit beside the repository (CI clones main with shared/ next to it): the
# conformance tests against them run when they are there and are reported as skipped when not
SHARED = Path(os.environ.get("DESK_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SAMPLES = SHARED / "samples"
NO_SHARED = f"no shared specs and samples at {SHARED} (CI clones them beside the repository; or set DESK_SHARED)"
needs_shared = pytest.mark.skipif(not SAMPLES.is_dir(), reason=NO_SHARED)
BACKENDS = [b for b in os.environ.get("DESK_TEST_BACKENDS", "sqlite,postgresql").split(",") if b]
_counter = itertools.count()
TEST_PASSPHRASE = "test-passphrase"


def case_files(folder: str = "cases", *, shared: bool = True) -> list[Any]:
    """Parameters: our fixture files in ``folder`` (``cases`` or ``bad``), then (``shared``) the shared samples'
    — or, without ../shared, one parameter reported as skipped. Ids: ``own-NAME`` and ``shared-NAME``."""

    def listed(root: Path) -> list[Path]:
        return sorted(p for p in (root / folder).glob("*.json") if not p.name.endswith(".expect.json"))

    params = [pytest.param(p, id=f"own-{p.stem}") for p in listed(FIXTURES)]
    if not shared:
        return params
    if SAMPLES.is_dir():
        return params + [pytest.param(p, id=f"shared-{p.stem}") for p in listed(SAMPLES)]
    return [*params, pytest.param(None, id="shared", marks=pytest.mark.skip(reason=NO_SHARED))]


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@dataclass
class DeskEnv:
    home: Path
    url: str
    backend: str

    def run(self, *args: str) -> CliResult:
        """Run a ``desk`` verb in this process (as the console script would) and capture its output."""
        from desk.cli import main

        out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        old = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            code = main(list(args))
        finally:
            sys.stdout, sys.stderr = old
        out.flush()
        err.flush()
        return CliResult(code, out.buffer.getvalue().decode(), err.buffer.getvalue().decode())

    def uow(self, write: bool = True):
        from desk.db.uow import unit_of_work

        return unit_of_work(self.url, write=write)


def _pg_admin_url() -> str:
    url = os.environ.get("DESK_TEST_PG_URL")
    if not url:
        pytest.fail("PostgreSQL tests need DESK_TEST_PG_URL (run the suite with ./dev.sh test, which starts a "
                    "private cluster), or set DESK_TEST_BACKENDS=sqlite to run SQLite only", pytrace=False)
    return url


@pytest.fixture(autouse=True, scope="session")
def _font_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Parsed fonts (desk.render.font_cache) are kept in the session's folder, not the user's cache."""
    os.environ.setdefault("DESK_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated template database; each test clones it (CREATE DATABASE … TEMPLATE)."""
    from sqlalchemy import create_engine, text

    admin_url = _pg_admin_url()
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"desk_tpl_{os.getpid()}"
    try:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            c.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server is not there: fail loudly
        pytest.fail(f"PostgreSQL at {admin_url} cannot be used: {exc}", pytrace=False)
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    from desk.db.engine import engine_for, get_engine

    get_engine(url)
    engine_for(url).dispose()
    yield name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def desk_env(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
             ) -> Iterator[DeskEnv]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DESK_HOME", str(home))
    monkeypatch.setenv("DESK_LANG", "en")
    monkeypatch.setenv("DESK_PASSPHRASE", TEST_PASSPHRASE)  # opens (first: makes) the agency's signing key
    if backend == "sqlite":
        url = f"sqlite:///{home / 'desk.sqlite3'}"
        monkeypatch.setenv("DESK_DATABASE_URL", url)
        yield DeskEnv(home, url, backend)
        return
    from sqlalchemy import create_engine, text

    template = request.getfixturevalue("pg_template")
    admin_url = _pg_admin_url()
    name = f"desk_t{os.getpid()}_{next(_counter)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    monkeypatch.setenv("DESK_DATABASE_URL", url)
    try:
        yield DeskEnv(home, url, backend)
    finally:
        from desk.db.engine import engine_for

        engine_for(url).dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
