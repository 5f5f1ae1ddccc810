"""The window in an office (PostgreSQL): a person signs in with their own database login; the window then works
through that login (the database enforces what the roles allow), locks after idle time and signs out."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desk.services.logins import add_user
from desk.ui.main_window import MainWindow
from desk.ui.signin import SignInDialog
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, settle

SQUAD = "东湖街道中队"


@pytest.fixture
def clerk_login(demo: DeskEnv) -> Iterator[str]:
    if demo.backend != "postgresql":
        pytest.skip("database logins are PostgreSQL's")
    name = f"ui{os.getpid()}_{demo.url.rsplit('_', 1)[-1]}"
    with demo.uow() as uow:
        add_user(uow, name, role="clerk", password="clerk-password", squad=SQUAD, name="刘晓燕")
    try:
        yield name
    finally:
        with demo.uow() as uow:
            uow.session.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"),
                                {"n": name})
            uow.session.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


def test_an_office_user_signs_in_with_their_database_login(demo: DeskEnv, clerk_login: str, qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.start(None)
    qtbot.waitUntil(lambda: window.signin is not None and window.signin.isVisible(), timeout=WAIT_MS)
    dialog = window.signin
    assert isinstance(dialog, SignInDialog) and dialog.who.isEditable()
    dialog.who.setEditText(f"nobody_{os.getpid()}")
    dialog.password.setText("x")
    dialog.accept()
    assert dialog.isVisible() and window.session is None and "Sign-in refused" in dialog.message.text()
    dialog.who.setEditText(clerk_login)
    dialog.password.setText("clerk-password")
    with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
        dialog.accept()
    session = window.session
    assert session is not None and session.user.login == clerk_login and session.user.roles == frozenset({"clerk"})
    assert session.url is not None and f"{clerk_login}:" in session.url  # the window works as that login
    rows = [window.cases.model.row(i) for i in range(window.cases.model.rowCount())]
    assert rows and {r.squad for r in rows} == {SQUAD}  # the database shows a clerk his squad's cases only
    settle(qtbot, window.runner)

    window.lock()
    lock = window.lock_dialog
    assert lock is not None and not window.tabs.isVisible()
    lock.password.setText("clerk-password")
    lock.accept()
    assert window.tabs.isVisible() and window.session is session
    window.sign_out()
    assert window.session is None and isinstance(window.signin, SignInDialog) and window.signin.isVisible()
    settle(qtbot, window.runner)
