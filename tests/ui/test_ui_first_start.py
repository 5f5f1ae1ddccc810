"""The window's first start (the demo offered on an empty default database) and Help › About."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QTextBrowser
from pytestqt.qtbot import QtBot

import desk
from desk.services.accounts import DEMO_PASSWORD
from desk.ui.about_dialog import AboutDialog
from desk.ui.main_window import MainWindow
from desk.ui.signin import FirstStartDialog, SignInDialog
from tests.conftest import BACKENDS, DeskEnv
from tests.ui.conftest import WAIT_MS, case_rows, settle


def _shown(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def _question(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "demo_offer") is not None, timeout=WAIT_MS)
    box = window.findChild(QMessageBox, "demo_offer")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "Load the demo?"
    return box


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("answer", ["yes", "no"])
def test_an_empty_default_database_offers_the_demo_once(desk_env: DeskEnv, qtbot: QtBot, answer: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESK_DATABASE_URL")  # nothing configured: Desk's own SQLite file in DESK_HOME
    window = _shown(qtbot)
    window.start(None)
    box = _question(qtbot, window)
    if answer == "yes":  # the demo loads, then its officers are asked who signs in, with their password
        box.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: window.signin is not None and window.signin.isVisible(), timeout=WAIT_MS)
        assert isinstance(window.signin, SignInDialog) and window.signin.who.count() > 1
        window.signin.password.setText(DEMO_PASSWORD)
    else:  # nobody to choose from: the first start's administrator account is made
        box.button(QMessageBox.StandardButton.No).click()
        qtbot.waitUntil(lambda: window.signin is not None and window.signin.isVisible(), timeout=WAIT_MS)
        assert isinstance(window.signin, FirstStartDialog)
        window.signin.name.setText("郑国平")
        window.signin.password.setText("a-good-password")
        window.signin.repeat.setText("a-good-password")
    with qtbot.waitSignal(window.signed_in, timeout=WAIT_MS):
        window.signin.accept()
    settle(qtbot, window.runner)
    rows = case_rows(desk_env)
    assert window.session is not None
    if answer == "yes":
        assert isinstance(window.signin, SignInDialog)
        assert len(rows) == 12 and window.session.user.login == window.signin.login()
    else:
        assert rows == [] and window.session.user.login == "admin"
    again = _shown(qtbot)  # the next start does not ask again: it asks who signs in
    again.start(None)
    qtbot.waitUntil(lambda: again.signin is not None and again.signin.isVisible(), timeout=WAIT_MS)
    assert isinstance(again.signin, SignInDialog)
    settle(qtbot, again.runner)
    assert again.findChild(QMessageBox, "demo_offer") is None


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b == "postgresql"])
def test_never_on_postgresql(desk_env: DeskEnv, qtbot: QtBot) -> None:
    window = _shown(qtbot)
    window.start(None)  # the office's people sign in with their database logins: asked at once, no demo offered
    qtbot.waitUntil(lambda: window.signin is not None and window.signin.isVisible(), timeout=WAIT_MS)
    assert isinstance(window.signin, SignInDialog) and window.signin.who.isEditable()
    settle(qtbot, window.runner)
    assert window.findChild(QMessageBox, "demo_offer") is None and case_rows(desk_env) == []


@pytest.mark.parametrize("backend", ["sqlite"])
def test_about_shows_version_database_folder_and_licences(desk_env: DeskEnv, qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser, "about_text")
    assert text is not None
    shown = text.toPlainText()
    assert f"Desk {desk.__version__}" in shown
    assert f"Database: {desk_env.url}" in shown and f"Data folder: {desk_env.home}" in shown
    lines = shown.splitlines()
    qt = lines.index("Qt")
    assert lines[qt + 1].startswith("6.") and lines[qt + 2] == "LGPL-3.0-only"
    essentials = lines.index("PySide6_Essentials")
    assert lines[essentials + 2].startswith("LGPL-3.0-only")
    assert "宋体: uming.ttc" in lines and "Arphic Public License" in lines
