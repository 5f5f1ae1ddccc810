"""The hostile-input battery of issue #13 on SQLite and PostgreSQL (the inputs are tables in hostile/inputs.py).

Every row is refused the same way: the contract's exit code, a short message in the user's language on
stderr (zh_CN here), no traceback, and every table of the database exactly as it was.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from desk.models import Base
from tests.conftest import BACKENDS, DeskEnv
from tests.integration.hostile import inputs
from tests.integration.hostile.files import make_case_folder, make_packages

CJK = re.compile(r"[\u4e00-\u9fff]")
# Desk's own English words: none may be left in a zh_CN message (values the user typed may be anything)
ENGLISH = re.compile(r"\b(must be|is not|an object|a list|a number|a whole number|true or false|issued|draft|"
                     r"no such file|is required|not allowed|use one of|Traceback)\b")
Snapshot = dict[str, list[tuple[object, ...]]]


@dataclass
class World:
    env: DeskEnv
    tmp: Path
    case: str
    draft: str
    issued: str
    case_file: Path

    def fill(self, arg: str) -> str:
        return arg.format(case=self.case, draft=self.draft, issued=self.issued, tmp=self.tmp, case_file=self.case_file)

    def snapshot(self) -> Snapshot:
        engine = create_engine(self.env.url)
        try:
            with engine.connect() as conn:
                return {t.name: sorted(map(tuple, conn.execute(select(t))), key=repr)
                        for t in Base.metadata.sorted_tables}
        finally:
            engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One database per backend holding the sample case, a draft and an issued decision; the battery's files."""
    tmp = tmp_path_factory.mktemp(f"hostile-{request.param}")
    home = tmp / "home"
    home.mkdir()
    saved = {k: os.environ.get(k) for k in ("DESK_HOME", "DESK_DATABASE_URL", "DESK_LANG")}
    os.environ.update(DESK_HOME=str(home), DESK_LANG="zh_CN")
    admin = None
    if request.param == "sqlite":
        url = f"sqlite:///{home / 'desk.sqlite3'}"
    else:
        from sqlalchemy import text

        template = request.getfixturevalue("pg_template")
        admin_url = os.environ["DESK_TEST_PG_URL"]
        name = f"desk_hostile_{os.getpid()}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    os.environ["DESK_DATABASE_URL"] = url
    env = DeskEnv(home, url, request.param)
    make_packages(tmp)
    case_file = make_case_folder(tmp / "case") / "case.json"
    case_file.write_text(inputs.dumps(inputs.base()), encoding="utf-8")
    imported = env.run("import", str(case_file))
    assert imported.code == 0, imported.err
    drafted = env.run("draft", imported.out.strip(), "inquiry_record")
    assert drafted.code == 0, drafted.err
    yield World(env, tmp, imported.out.strip(), drafted.out.strip(), "东综执罚决字〔2026〕21号", case_file)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    if admin is not None:
        from sqlalchemy import text

        from desk.db.engine import engine_for

        engine_for(url).dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


COUNTED: set[tuple[str, str]] = set()  # (backend, input) of every input refused
_folders = itertools.count()


def refused(world: World, args: list[str], code: int = 2, *, english_ok: bool = False) -> str:
    """Run ``desk *args``: the refusal the contract promises, and nothing changed."""
    from desk.render.fonts import default_fonts

    default_fonts.cache_clear()  # fonts.toml is read again, as a new process would
    before = world.snapshot()
    result = world.env.run(*args)
    err = result.err.strip()
    assert result.code == code, f"exit {result.code}: {result.err or result.out[:300]}"
    assert err, "a refusal says why on stderr"
    assert "Traceback" not in result.err and "Traceback" not in result.out
    lines = err.splitlines()
    if args[0] in ("import", "draft", "edit"):  # a file's or a form's problems: the heading and one line each
        assert len(lines) <= 4 and all(line.startswith("  - ") for line in lines[1:]), err
    elif args[0] != "verify":
        assert len(lines) == 1, err
    assert CJK.search(err), f"not in zh_CN: {err}"
    if not english_ok:
        assert not ENGLISH.search(err), f"English left in a zh_CN message: {err}"
    assert world.snapshot() == before, "the database changed"
    return err


def _import(world: World, name: str, text: str | bytes) -> str:
    folder = make_case_folder(world.tmp / f"c-{next(_folders)}")
    COUNTED.add((world.env.backend, name))
    src = folder / "case.json"
    src.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return refused(world, ["import", str(src)])


@pytest.mark.parametrize("name", sorted(inputs.CASE_FILE))
def test_case_file_value(world: World, name: str) -> None:
    doc = inputs.base()
    inputs.CASE_FILE[name](doc)
    err = _import(world, name, inputs.dumps(doc))
    key = name.split(":", 1)[-1]
    if ":" in name and key.split(".")[-1].isalpha():
        assert key.split(".")[-1] in err, err  # the problem names where it is


@pytest.mark.parametrize("name", sorted(inputs.FILE_REFERENCES))
@pytest.mark.parametrize("where", ["attachments", "documents"])
def test_file_reference(world: World, name: str, where: str) -> None:
    doc = inputs.base()
    rel = inputs.FILE_REFERENCES[name]
    if where == "attachments":
        doc["attachments"] = [{**inputs.ATTACHMENT, "file": rel}]
    else:
        doc["documents"][7]["file"] = rel
    _import(world, f"{where}:{name}", inputs.dumps(doc))


@pytest.mark.parametrize("name", sorted(inputs.RAW_FILES))
def test_raw_file(world: World, name: str) -> None:
    _import(world, name, inputs.RAW_FILES[name]())


@pytest.mark.parametrize("name", sorted(inputs.COMMANDS))
def test_command(world: World, name: str) -> None:
    code, args = inputs.COMMANDS[name]
    COUNTED.add((world.env.backend, name))
    refused(world, [world.fill(a) for a in args], code)


@pytest.mark.parametrize("name", sorted(inputs.SETTINGS_FILES))
def test_settings_file(world: World, name: str) -> None:
    verb, file_name, data = inputs.SETTINGS_FILES[name]
    COUNTED.add((world.env.backend, name))
    home = world.env.home
    if verb == "calendar":
        path = world.tmp / f"{name}-{file_name}"
        path.write_bytes(data)
        refused(world, ["calendar", "import", str(path)], english_ok=True)
    elif verb == "profile":
        (home / "profiles").mkdir(exist_ok=True)
        (home / "profiles" / f"{name}.toml").write_bytes(data)
        refused(world, ["dossier", world.case, "-o", str(world.tmp / "p.pdf"), "--profile", name], english_ok=True)
    else:
        (home / "fonts.toml").write_bytes(data)
        try:
            refused(world, ["render", world.issued, "--pdf", str(world.tmp / "f.pdf")], english_ok=True)
        finally:
            (home / "fonts.toml").unlink()


@pytest.mark.parametrize("verb", range(len(inputs.ENVIRONMENT_VERBS)))
@pytest.mark.parametrize("name", sorted(inputs.ENVIRONMENTS))
def test_environment(world: World, name: str, verb: int, monkeypatch: pytest.MonkeyPatch) -> None:
    home, url = inputs.ENVIRONMENTS[name]
    COUNTED.add((world.env.backend, f"{name}:{verb}"))
    if home is not None:
        monkeypatch.setenv("DESK_HOME", world.fill(home))
    if url is not None:
        monkeypatch.setenv("DESK_DATABASE_URL", world.fill(url))
    refused(world, [world.fill(a) for a in inputs.ENVIRONMENT_VERBS[verb]], english_ok=True)


def test_zzz_the_case_still_works_and_the_count(world: World) -> None:
    """After the battery: the case exports and checks as before (nothing accepted broke it); the count."""
    exported = world.env.run("export", world.case)
    assert exported.code == 0 and "东综执罚决字〔2026〕21号" in exported.out
    assert world.env.run("check", world.case).code == 0
    count = sum(1 for backend, _ in COUNTED if backend == world.env.backend)
    print(f"\nhostile inputs refused on {world.env.backend}: {count}")
    assert count >= 300


def test_the_battery_has_300_rows() -> None:
    rows = (len(inputs.CASE_FILE) + 2 * len(inputs.FILE_REFERENCES) + len(inputs.RAW_FILES) + len(inputs.COMMANDS)
            + len(inputs.SETTINGS_FILES) + len(inputs.ENVIRONMENTS) * len(inputs.ENVIRONMENT_VERBS))
    print(f"\nhostile inputs in the battery: {rows}")
    assert rows >= 300

