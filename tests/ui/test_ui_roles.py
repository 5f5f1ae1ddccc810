"""Sign-in and roles: what a role may not do is disabled in the window, and refused by the services too."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desk.errors import UserError
from desk.ui.main_window import MainWindow
from desk.ui.ops import documents as ops
from desk.ui.session import OPERATOR, Session, User
from desk.ui.signin import SignInDialog
from tests.conftest import DeskEnv
from tests.ui.conftest import CLEAN_CLOSED_CASE, OPEN_CASE, WAIT_MS, OpenWindow, open_workspace, settle


def enabled(workspace: object) -> set[str]:
    actions = workspace.documents.actions_by_name  # type: ignore[attr-defined]
    return {name for name, action in actions.items() if action.isEnabled()}


def test_signing_in_chooses_an_officer_and_shows_the_roles(demo: DeskEnv, qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.start(None)  # nobody signed in before: the dialog asks
    qtbot.waitUntil(lambda: window.signin is not None and window.signin.isVisible(), timeout=WAIT_MS)
    dialog = window.signin
    assert isinstance(dialog, SignInDialog)
    assert dialog.who.count() == 12
    dialog.who.setCurrentIndex(dialog.who.findData("qianxy"))
    assert dialog.roles.text() == "Archivist"
    with qtbot.waitSignal(window.signed_in, timeout=WAIT_MS):
        dialog.accept()
    assert window.session is not None and window.session.user.roles == frozenset({"archivist"})
    assert "钱秀英" in window.who.text()
    settle(qtbot, window.runner)

    again = MainWindow()  # the next start remembers who signed in last
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.signed_in, timeout=WAIT_MS):
        again.start(None)
    assert again.session is not None and again.session.user.login == "qianxy"
    settle(qtbot, again.runner)


def test_an_archivist_may_not_draft_or_issue(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window("qianxy")
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    workspace.documents.table.selectRow(0)
    assert enabled(workspace) == {"print", "open", "scan"}  # an archivist attaches the signed scans
    assert workspace.dossier.build_button.isEnabled()


def test_a_clerk_may_draft_issue_and_serve_but_not_archive(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window("liuxy")
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    assert "draft" in enabled(workspace)
    assert not workspace.check.archive.isEnabled()  # archivable, but a clerk does not archive


def test_a_reviewer_drafts_but_may_not_issue(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window("wusf")  # 吴淑芬, legal reviewer only
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    assert "draft" in enabled(workspace)
    assert window.session is not None
    doc_id = ops.save(window.session, OPEN_CASE, "stop_order", None, {})  # the reviewer drafts
    workspace.reload()
    qtbot.waitUntil(lambda: any(d.id == doc_id for d in workspace.view.cf.documents), timeout=WAIT_MS)  # type: ignore[union-attr]
    assert workspace.documents.select("stop_order")
    assert "edit" in enabled(workspace) and "issue" not in enabled(workspace)


def test_the_services_refuse_what_the_window_disables(demo: DeskEnv) -> None:
    archivist = Session(User("qianxy", "钱秀英", frozenset({"archivist"})))
    with pytest.raises(UserError) as refused:
        ops.save(archivist, OPEN_CASE, "stop_order", None, {})
    assert refused.value.key == "not_permitted"
    assert not archivist.may("issue") and archivist.may("archive")


def test_a_database_without_users_opens_for_the_console_operator(desk_env: DeskEnv, qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.signed_in, timeout=WAIT_MS):
        window.start(None)
    assert window.session == Session(OPERATOR) and window.session.may("archive")
    settle(qtbot, window.runner)


def test_signing_in_as_someone_else_closes_what_was_open(window: MainWindow, qtbot: QtBot) -> None:
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    workspace.open_editor("stop_order", None)
    assert window.tabs.count() == 3
    assert window.people is not None
    with qtbot.waitSignal(window.signed_in, timeout=WAIT_MS):
        window.sign_in(window.people.user("qianxy"))  # type: ignore[arg-type]
    assert window.tabs.count() == 1 and window.session is not None
    assert window.session.user.login == "qianxy"
    settle(qtbot, window.runner)
