"""Unsaved work asks Save / Discard / Cancel on every close path, and the everyday shortcuts work — in the
real window over the demo database, keys pressed on the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desk.ui import unsaved
from desk.ui.editor.view import EditorView
from desk.ui.main_window import MainWindow
from desk.ui.workspace import CaseWorkspace
from tests.conftest import DeskEnv
from tests.ui.conftest import OPEN_CASE, WAIT_MS, answer, casefile, open_workspace, settle

REAL_ASK = unsaved.ask


def changed_editor(qtbot: QtBot, window: MainWindow) -> EditorView:
    """A new 责令改正通知书 draft of the open case with its 改正期限 typed (not saved)."""
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    workspace.open_editor("rectification_order", None)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, EditorView)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    assert editor.form is not None and not editor.dirty
    editor.form.inputs["correction"].set_value("立即停止违法行为，并于期限内改正。")
    editor.form.inputs["consequence"].set_value("逾期不改正的，本机关将依法予以处罚。")
    editor.form.inputs["deadline"].set_value((date.today() + timedelta(days=15)).isoformat())
    emit_change(editor)
    assert editor.form.check() == []
    assert editor.dirty and editor.state.text() == "Changed, not saved"
    return editor


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, ctrl: bool = True) -> None:
    """Press a key on the active window, as the user does (shortcuts answer only in the active window)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier)


def emit_change(editor: EditorView) -> None:
    assert editor.form is not None
    editor.form.changed.emit()


def drafts(env: DeskEnv) -> int:
    return sum(1 for d in casefile(env, OPEN_CASE).documents if d.kind == "rectification_order")


@pytest.fixture
def ask_for_real(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The real question, answered by clicking (``answer``). pytest-qt closes the window before this
    teardown: a test leaving a changed editor open marks it saved itself."""
    monkeypatch.setattr(unsaved, "ask", REAL_ASK)
    yield


def test_close_button_with_changes_asks_and_cancel_keeps_the_editor(
        window: MainWindow, qtbot: QtBot, ask_for_real: None) -> None:
    editor = changed_editor(qtbot, window)
    seen: list[str] = []
    answer("Cancel", seen)
    editor.closed.emit()  # the editor's Close button
    assert seen and "has changes that are not saved" in seen[0]
    assert window.tabs.indexOf(editor) > 0 and editor.dirty
    editor.dirty = False  # pytest-qt closes the window before the fixtures' teardown


def test_ctrl_w_with_changes_discard_closes_without_saving(
        window: MainWindow, qtbot: QtBot, demo: DeskEnv, ask_for_real: None) -> None:
    editor = changed_editor(qtbot, window)
    before = drafts(demo)
    answer("Discard")
    press(qtbot, window, Qt.Key.Key_W)
    assert window.tabs.indexOf(editor) == -1
    assert drafts(demo) == before


def test_tab_close_with_changes_save_stores_the_draft(
        window: MainWindow, qtbot: QtBot, demo: DeskEnv, ask_for_real: None) -> None:
    editor = changed_editor(qtbot, window)
    before = drafts(demo)
    answer("Save")
    window.tabs.tabCloseRequested.emit(window.tabs.indexOf(editor))  # the tab's ×
    assert window.tabs.indexOf(editor) == -1
    assert drafts(demo) == before + 1


def test_closing_the_case_tab_asks_about_its_editors(window: MainWindow, qtbot: QtBot,
                                                    unsaved_answers: list[str]) -> None:
    editor = changed_editor(qtbot, window)
    workspace = window.workspace(OPEN_CASE)
    assert isinstance(workspace, CaseWorkspace)
    assert window.close_tab(workspace)
    assert unsaved_answers == [editor.title()]
    assert window.tabs.indexOf(editor) == -1 and window.workspace(OPEN_CASE) is None


def test_quitting_with_changes_cancel_keeps_the_window_open(
        window: MainWindow, qtbot: QtBot, ask_for_real: None) -> None:
    editor = changed_editor(qtbot, window)
    answer("Cancel")
    window.close()
    assert window.isVisible() and window.tabs.indexOf(editor) > 0
    editor.dirty = False  # pytest-qt closes the window before the fixtures' teardown


def test_quitting_without_changes_does_not_ask(window: MainWindow, qtbot: QtBot,
                                               unsaved_answers: list[str]) -> None:
    open_workspace(qtbot, window, OPEN_CASE).open_editor("rectification_order", None)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, EditorView)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=WAIT_MS)
    assert window.close_tab(editor) and unsaved_answers == []


def test_save_refused_while_a_field_is_wrong_keeps_the_editor(window: MainWindow, qtbot: QtBot,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    editor = changed_editor(qtbot, window)
    assert editor.form is not None
    editor.form.inputs["deadline"].set_value((date.today() - timedelta(days=3)).isoformat())
    emit_change(editor)
    monkeypatch.setattr(unsaved, "ask", lambda _p, _t: QMessageBox.StandardButton.Save)
    assert not window.close_tab(editor)
    assert window.tabs.indexOf(editor) > 0
    assert "must be after the issue date" in editor.form.errors["deadline"].text()


def test_ctrl_s_saves_the_editor_shown(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    editor = changed_editor(qtbot, window)
    before = drafts(demo)
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        press(qtbot, window, Qt.Key.Key_S)
    assert not editor.dirty and editor.state.text() == "Draft, saved"
    assert drafts(demo) == before + 1


def test_ctrl_f_goes_to_the_case_search(window: MainWindow, qtbot: QtBot) -> None:
    open_workspace(qtbot, window, OPEN_CASE)
    window.cases.search.setText("占道")
    press(qtbot, window, Qt.Key.Key_F)
    assert window.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is window.cases.search
    assert window.cases.search.selectedText() == "占道"


def test_ctrl_n_opens_the_new_case_dialog(window: MainWindow, qtbot: QtBot) -> None:
    opened: list[bool] = []
    new_case = window.new_case_action
    new_case.triggered.connect(lambda: opened.append(True))
    press(qtbot, window, Qt.Key.Key_N)
    assert opened == [True]
    assert new_case.shortcut().toString() == "Ctrl+N"


def test_ctrl_p_prints_what_is_shown(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.ui import printing

    printed: list[int] = []
    monkeypatch.setattr(printing, "print_with_dialog", lambda _w, _r, pdfs: printed.append(len(pdfs)))
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    workspace.documents.table.selectRow(0)
    press(qtbot, window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: printed == [1], timeout=WAIT_MS)
    window.tabs.setCurrentIndex(0)
    press(qtbot, window, Qt.Key.Key_P)
    assert window.statusBar().currentMessage() == "Open a document, a case or the forms to print."


def test_f5_refreshes_the_case_list(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
        press(qtbot, window, Qt.Key.Key_F5, ctrl=False)


def test_the_shortcuts_are_listed_in_the_menus(window: MainWindow) -> None:
    listed = {a.shortcut().toString() for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}
    assert {"Ctrl+S", "Ctrl+W", "Ctrl+F", "Ctrl+N", "Ctrl+P", "F5"} <= listed
