"""English at 1366×768 (#15): the deadlines dock leaves the cases and the editor their room; what falls due
wraps rather than being cut off; the editor's long English labels sit above fields of a usable width."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout
from pytestqt.qtbot import QtBot

from desk.ui.main_window import DOCK_WIDTH, MainWindow
from tests.ui.conftest import OPEN_CASE, WAIT_MS, open_new_editor, settle


def small_screen(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366, timeout=WAIT_MS)
    settle(qtbot, window.runner)


def test_the_deadlines_dock_wraps_what_falls_due(window: MainWindow, qtbot: QtBot) -> None:
    small_screen(window, qtbot)
    assert window.deadlines_dock.width() <= DOCK_WIDTH + 20
    assert window.tabs.width() >= 1366 - DOCK_WIDTH - 40
    tree = window.deadlines.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=WAIT_MS)
    assert tree.horizontalScrollBar().maximum() == 0  # nothing runs off to the right
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        one_line = tree.fontMetrics().horizontalAdvance(item.text(2))
        needed = -(-one_line // tree.header().sectionSize(2))  # at least this many lines
        assert tree.visualItemRect(item).height() >= needed * tree.fontMetrics().lineSpacing()


def test_english_editor_labels_sit_above_wide_fields(window: MainWindow, qtbot: QtBot) -> None:
    small_screen(window, qtbot)
    editor = open_new_editor(qtbot, window, OPEN_CASE, "rectification_order")
    form = editor.findChild(QFormLayout)
    assert form is not None and form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows
    narrow = [name for name, field in editor.form.inputs.items() if field.isVisible() and field.width() < 300]
    assert narrow == []
