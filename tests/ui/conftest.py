"""UI tests: real widgets, offscreen, over the demo database (``desk demo``) on SQLite and PostgreSQL."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.editor.view import EditorView
from desk.ui.main_window import MainWindow
from desk.ui.runner import Runner
from desk.ui.workspace import CaseWorkspace
from tests.conftest import DeskEnv, _pg_admin_url

if TYPE_CHECKING:
    from desk.casefile.facts import CaseFile
    from desk.procedure.checker import Report
    from desk.procedure.deadlines import Deadline
    from desk.services.cases import CaseRow

WAIT_MS = 60_000
# Cases the tests open by id; what they show (number, party, findings, deadlines) is read from the database
# (``case_rows``, ``casefile``, ``report``, ``open_deadlines``), never written down here.
CLEAN_CLOSED_CASE = 2  # general procedure, closed, no finding
OPEN_CASE = 10  # general procedure, open
OpenWindow = Callable[[str], MainWindow]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window speaks English in the tests (``desk_env`` says so too; tests without a database need it)."""
    monkeypatch.setenv("DESK_LANG", "en")


@pytest.fixture(scope="session")
def demo_snapshots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One demo per backend and test session: a copy of its data folder (SQLite), or a database to clone
    (PostgreSQL). The demo is made through the services — every document rendered and judged at issue — which
    costs seconds; the tests that open it read or change their own copy."""
    made: dict[str, str] = {"folder": str(tmp_path_factory.mktemp("demo-snapshots"))}
    yield made
    if "postgresql" in made:
        from sqlalchemy import create_engine, text

        admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{made["postgresql"]}" WITH (FORCE)'))
        admin.dispose()


def _database_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _clone(env: DeskEnv, snapshots: dict[str, str], *, save: bool) -> None:
    """Save ``env``'s data as the backend's demo snapshot, or replace ``env``'s data with it."""
    from sqlalchemy import create_engine, text

    from desk.db.engine import engine_for

    engine_for(env.url).dispose()  # SQLite checkpoints its WAL; PostgreSQL lets the database be copied
    saved = Path(snapshots["folder"]) / env.backend
    source, target = (env.home, saved) if save else (saved, env.home)
    shutil.copytree(source, target, dirs_exist_ok=True)
    if env.backend != "postgresql":
        return
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        if save:
            snapshots["postgresql"] = f"{_database_name(env.url)}_demo"
            c.execute(text(f'CREATE DATABASE "{snapshots["postgresql"]}" TEMPLATE "{_database_name(env.url)}"'))
        else:
            c.execute(text(f'DROP DATABASE "{_database_name(env.url)}" WITH (FORCE)'))
            c.execute(text(f'CREATE DATABASE "{_database_name(env.url)}" TEMPLATE "{snapshots["postgresql"]}"'))
    admin.dispose()

@pytest.fixture(autouse=True)
def unsaved_answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the Save / Discard / Cancel question was asked about; it answers Discard, so closing the window
    after a test never waits on a modal box (tests of the question itself answer it by clicking: ``answer``)."""
    from PySide6.QtWidgets import QMessageBox

    from desk.ui import unsaved

    asked: list[str] = []

    def discard(_parent: object, title: str) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(unsaved, "ask", discard)
    return asked


def answer(button: str, seen: list[str] | None = None) -> None:
    """Click ``button`` ("Save", "Discard", "Cancel", "Yes", "No") of the next modal message box (its text
    appended to ``seen``) — for the boxes that block (``exec``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def click() -> None:
        box = next((w for w in QApplication.allWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text())
        box.button(getattr(QMessageBox.StandardButton, button)).click()

    QTimer.singleShot(0, click)


@pytest.fixture
def demo(desk_env: DeskEnv, demo_snapshots: dict[str, str]) -> DeskEnv:
    """The demo agency, its officers and 12 cases (closed ones, one per scenario, and open ones at recent
    stages: a notice's statement period running, a decision awaiting payment, an investigation, a filing)."""
    from desk.services.demo import make_demo

    if (Path(demo_snapshots["folder"]) / desk_env.backend).exists():
        _clone(desk_env, demo_snapshots, save=False)
    else:
        with desk_env.uow() as uow:
            make_demo(uow)
        _clone(desk_env, demo_snapshots, save=True)
    rows = {r.id: r for r in case_rows(desk_env)}
    # the ids the tests open still name what they stand for (else the demo moved: choose other ids)
    assert (rows[OPEN_CASE].procedure, rows[OPEN_CASE].status) == ("general", "open"), rows[OPEN_CASE]
    assert (rows[CLEAN_CLOSED_CASE].procedure, rows[CLEAN_CLOSED_CASE].status) == ("general", "closed")
    return desk_env


def case_rows(env: DeskEnv, *, status: str | None = None, procedure: str | None = None) -> list[CaseRow]:
    """The cases in the database (as the case list's service lists them, in id order)."""
    from desk.services.cases import list_cases

    with env.uow(write=False) as uow:
        return list_cases(uow, status=status, procedure=procedure)


def casefile(env: DeskEnv, case_id: int) -> CaseFile:
    from desk.services.cases import load_casefile

    with env.uow(write=False) as uow:
        return load_casefile(uow, case_id)


def report(env: DeskEnv, case_id: int, today: date | None = None) -> Report:
    """The checker's report on a case, on the database's calendar."""
    from desk.procedure.checker import check
    from desk.services.calendar_admin import calendar
    from desk.services.cases import load_casefile

    with env.uow(write=False) as uow:
        return check(load_casefile(uow, case_id), calendar=calendar(uow.session), today=today or date.today())


def open_deadlines(env: DeskEnv, today: date) -> dict[int, list[Deadline]]:
    """Every open case's pending deadlines as of ``today`` (by case id), on the database's calendar."""
    from desk.procedure.deadlines import upcoming
    from desk.services.calendar_admin import calendar
    from desk.services.cases import list_cases, load_casefile

    with env.uow(write=False) as uow:
        cal = calendar(uow.session)
        return {row.id: upcoming(load_casefile(uow, row.id), cal, today) for row in list_cases(uow, status="open")}


def settle(qtbot: QtBot, runner: Runner, timeout: int = WAIT_MS) -> None:
    """Wait until no background op runs."""
    qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)


@pytest.fixture
def open_window(demo: DeskEnv, qtbot: QtBot) -> OpenWindow:
    """Opens the main window signed in as a login; waits for the first page of cases. Closing the window
    (pytest-qt does after the test) waits for its background work."""

    def open_(login: str) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
            window.start(login, ask=False)  # signed in as the tests' operator: the password dialog is tested apart
        settle(qtbot, window.runner)
        return window

    return open_


@pytest.fixture
def window(open_window: OpenWindow) -> MainWindow:
    """The main window signed in as 陈建国 (clerk and legal reviewer)."""
    return open_window("chenjg")


def open_workspace(qtbot: QtBot, window: MainWindow, case_id: int) -> CaseWorkspace:
    """The workspace of a case, loaded."""
    workspace = window.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.view is not None, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    return workspace


def open_new_editor(qtbot: QtBot, window: MainWindow, case_id: int, kind_id: str) -> EditorView:
    """The editor of a new draft of ``kind_id`` in the case's workspace, settled."""
    open_workspace(qtbot, window, case_id).open_editor(kind_id, None)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, EditorView)
    settle(qtbot, window.runner)
    return editor
