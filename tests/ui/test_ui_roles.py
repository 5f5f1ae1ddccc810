"""Sign-in and roles: what a role may not do is disabled in the window, and refused by the services too."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk.errors import UserError
from desk.models import AuditEntry, Credential
from desk.services.accounts import DEMO_PASSWORD, password_matches
from desk.ui.main_window import MainWindow
from desk.ui.ops import documents as ops
from desk.ui.session import OPERATOR, Session, User
from desk.ui.signin import FirstStartDialog, SignInDialog
from tests.conftest import DeskEnv
from tests.ui.conftest import CLEAN_CLOSED_CASE, OPEN_CASE, WAIT_MS, OpenWindow, case_rows, open_workspace, settle


def enabled(workspace: object) -> set[str]:
    actions = workspace.documents.actions_by_name  # type: ignore[attr-defined]
    return {name for name, action in actions.items() if action.isEnabled()}


# the window's local accounts are SQLite's; on PostgreSQL people sign in as database logins (test_ui_office_signin)
local_accounts = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def last_entry(env: DeskEnv) -> tuple[str, str, dict[str, object]]:
    """(action, actor, detail) of the newest audit entry."""
    with env.uow(write=False) as uow:
        found = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
        assert found is not None
        return found.action, found.actor, found.detail


@local_accounts
def test_signing_in_asks_the_password_and_refuses_a_wrong_one(demo: DeskEnv, qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.start(None)  # nobody signed in before: the dialog asks
    qtbot.waitUntil(lambda: window.signin is not None and window.signin.isVisible(), timeout=WAIT_MS)
    dialog = window.signin
    assert isinstance(dialog, SignInDialog)
    assert dialog.who.count() == 12
    dialog.who.setCurrentIndex(dialog.who.findData("qianxy"))
    assert dialog.roles.text() == "Archivist"
    dialog.password.setText("not-her-password")
    dialog.accept()
    assert dialog.isVisible() and window.session is None and dialog.password.text() == ""
    assert dialog.message.text() == ("Sign-in refused for “qianxy”: unknown user or wrong password. "
                                     "Check both and try again.")
    action, actor, detail = last_entry(demo)
    assert (action, actor, detail["reason"], detail["why"]) == ("refused", "qianxy", "sign_in_refused",
                                                                "wrong_password")
    dialog.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(window.signed_in, timeout=WAIT_MS):
        dialog.accept()
    assert window.session is not None and window.session.user.roles == frozenset({"archivist"})
    assert "钱秀英" in window.who.text()
    settle(qtbot, window.runner)

    again = MainWindow()  # the next start offers who signed in last, and asks the password again
    qtbot.addWidget(again)
    again.start(None)
    qtbot.waitUntil(lambda: again.signin is not None and again.signin.isVisible(), timeout=WAIT_MS)
    assert isinstance(again.signin, SignInDialog) and again.signin.login() == "qianxy" and again.session is None
    settle(qtbot, again.runner)


@local_accounts
def test_idle_time_locks_the_window_until_the_password(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window("liuxy")
    session = window.session
    window.idle.timer.setInterval(100)
    window.idle.timer.start()
    qtbot.waitUntil(lambda: window.lock_dialog is not None and window.lock_dialog.isVisible(), timeout=WAIT_MS)
    lock = window.lock_dialog
    assert lock is not None and not window.tabs.isVisible()
    lock.password.setText("wrong-password")
    lock.accept()
    assert lock.isVisible() and not window.tabs.isVisible() and "Sign-in refused" in lock.message.text()
    lock.password.setText(DEMO_PASSWORD)
    lock.accept()
    assert window.lock_dialog is None and window.tabs.isVisible() and window.session is session
    assert window.idle.timer.isActive()


@local_accounts
def test_signing_out_closes_everything_and_asks_who_is_there(open_window: OpenWindow, qtbot: QtBot,
                                                            demo: DeskEnv) -> None:
    window = open_window("liuxy")
    open_workspace(qtbot, window, next(r.id for r in case_rows(demo) if r.squad == "东湖街道中队"))  # her squad's
    window.lock()
    assert window.lock_dialog is not None
    window.lock_dialog.sign_out.click()  # signing out from the lock
    assert window.session is None and window.tabs.count() == 1 and not window.tabs.isEnabled()
    assert window.who.text() == "Signed out."
    dialog = window.signin
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    dialog.who.setCurrentIndex(dialog.who.findData("wusf"))
    dialog.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(window.signed_in, timeout=WAIT_MS):
        dialog.accept()
    assert window.session is not None and window.session.user.login == "wusf" and window.tabs.isEnabled()
    settle(qtbot, window.runner)


@local_accounts
def test_the_first_start_makes_the_administrator(desk_env: DeskEnv, qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.start(None)
    qtbot.waitUntil(lambda: window.signin is not None and window.signin.isVisible(), timeout=WAIT_MS)
    dialog = window.signin
    assert isinstance(dialog, FirstStartDialog)
    dialog.name.setText("郑国平")
    dialog.password.setText("a-good-password")
    dialog.repeat.setText("another-password")
    dialog.accept()
    assert dialog.isVisible() and dialog.message.text() == "The two passwords differ; type the same password twice."
    dialog.repeat.setText("a-good-password")
    with qtbot.waitSignal(window.signed_in, timeout=WAIT_MS):
        dialog.accept()
    assert window.session is not None and window.session.user.login == "admin"
    assert window.session.user.roles == frozenset({"admin"})
    settle(qtbot, window.runner)
    with desk_env.uow(write=False) as uow:
        stored = uow.session.get(Credential, "admin")
        assert stored is not None and password_matches(stored.password_hash, "a-good-password")
        assert not password_matches(stored.password_hash, "another-password")


def test_an_archivist_may_not_draft_or_issue(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window("qianxy")
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    workspace.documents.table.selectRow(0)
    assert enabled(workspace) == {"print", "open", "scan"}  # an archivist attaches the signed scans
    assert workspace.dossier.build_button.isEnabled()


def test_a_clerk_may_draft_issue_and_serve_but_not_archive(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window("wangzq")  # 王志强, clerk of 水果湖街道中队, the case's squad
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
        window.start(None, ask=False)  # the operator's own start (the screenshot): no account asked for
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
