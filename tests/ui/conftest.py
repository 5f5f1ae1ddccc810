"""UI tests: real widgets, offscreen, over the demo database (``desk demo``) on SQLite and PostgreSQL."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.runner import Runner
from desk.ui.workspace import CaseWorkspace
from tests.conftest import DeskEnv

WAIT_MS = 60_000
CLEAN_CLOSED_CASE = 2  # 东综执立字〔2026〕1号: general procedure, closed, no finding
OPEN_CASE = 10  # 东综执立字〔2026〕8号: filed, open
OpenWindow = Callable[[str], MainWindow]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window speaks English in the tests (``desk_env`` says so too; tests without a database need it)."""
    monkeypatch.setenv("DESK_LANG", "en")


@pytest.fixture
def demo(desk_env: DeskEnv) -> DeskEnv:
    """The demo agency, its officers and 12 cases (9 closed and clean, 3 open)."""
    from desk.services.demo import make_demo

    with desk_env.uow() as uow:
        make_demo(uow)
    return desk_env


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
            window.start(login)
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
