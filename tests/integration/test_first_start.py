"""A new installation's first start: the demo offered once and only on the default SQLite database, a
missing display said in one line, ``desk --version``, and what Help › About reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import desk
from desk import about
from desk.services import first_start
from tests.conftest import FIXTURES, DeskEnv


def test_demo_offered_once_on_the_default_sqlite_database_only(desk_env: DeskEnv,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if desk_env.backend == "postgresql":  # an office's shared database: never
        assert not first_start.default_database()
        assert not first_start.demo_offer_due()
        return
    monkeypatch.delenv("DESK_DATABASE_URL")  # nothing configured: Desk's own file in DESK_HOME
    assert first_start.default_database() and first_start.demo_offer_due()
    assert first_start.answer_demo_offer(False) == []
    assert not first_start.demo_offer_due()  # asked once: "no" is remembered
    assert desk_env.run("cases", "--json").out.strip() == "[]"
    assert desk_env.run("demo").code == 0  # the command line stays explicit


@pytest.mark.parametrize("backend", ["sqlite"])  # never offered on PostgreSQL (the test above proves it)
def test_the_demo_loads_when_the_answer_is_yes(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESK_DATABASE_URL")
    ids = first_start.answer_demo_offer(True)
    listed = desk_env.run("cases", "--json").out
    assert len(ids) == 12 and all(f'"id": {i}' in listed for i in ids)
    assert not first_start.demo_offer_due()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_no_offer_for_another_sqlite_file_or_a_database_with_cases(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("DESK_DATABASE_URL", f"sqlite:///{tmp_path / 'office.sqlite3'}")  # a file chosen on purpose
    assert not first_start.demo_offer_due()
    monkeypatch.delenv("DESK_DATABASE_URL")
    assert first_start.demo_offer_due()
    assert desk_env.run("import", str(FIXTURES / "cases" / "general_clean.json")).code == 0
    assert not first_start.demo_offer_due()


def test_version(desk_env: DeskEnv) -> None:
    result = desk_env.run("--version")
    assert (result.code, result.out) == (0, f"desk {desk.__version__}\n")


def test_no_display_is_one_clear_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(DESK_HOME=str(tmp_path), DESK_LANG="en")
    env.pop("DESK_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "desk"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "No display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start Desk from the "
        "desktop, or use its verbs on the command line (desk --help)."]
    assert "xcb" not in done.stderr and not (tmp_path / "desk.sqlite3").exists()


def test_about_names_the_libraries_and_their_licences(desk_env: DeskEnv) -> None:
    info = about.about()
    assert (info.version, info.data_folder) == (desk.__version__, desk_env.home)
    libraries = {c.name.lower().replace("_", "-"): c for c in info.libraries}
    assert libraries["pyside6-essentials"].licence.startswith("LGPL-3.0")
    assert libraries["pyside6-pdf"].licence.startswith("LGPL-3.0")
    assert libraries["sqlalchemy"].licence == "MIT" and libraries["docxtpl"].licence == "LGPL-2.1-only"
    assert libraries["python"].licence == "PSF-2.0"
    assert "pytest" not in libraries  # a development tool is not part of Desk
    assert all(c.version and c.licence for c in info.libraries)


def test_about_hides_the_database_password() -> None:
    assert about.hidden_password("postgresql+psycopg://clerk:s3@cret@db.local/desk") == \
        "postgresql+psycopg://clerk:***@db.local/desk"
    assert about.hidden_password("postgresql+psycopg://clerk@db.local:5432/desk") == \
        "postgresql+psycopg://clerk@db.local:5432/desk"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_case_file_opened_without_a_display_changes_nothing(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    result = desk_env.run("gui", str(FIXTURES / "cases" / "general_clean.json"))
    assert result.code == 2 and "No display" in result.err
    assert desk_env.run("cases", "--json").out.strip() == "[]"
