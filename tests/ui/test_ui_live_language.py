"""Settings › Language applies at once: the open window speaks the language chosen, without a restart."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from tests.ui.conftest import OPEN_CASE, WAIT_MS, open_workspace, settle


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def choose(window: MainWindow, name: str) -> None:
    settings = next(m for m in window.menuBar().findChildren(QMenu) if m.title() in ("&Settings", "设置(&S)")
                    or "設定" in m.title() or "设置" in m.title())
    language = next(a.menu() for a in settings.actions() if a.menu() is not None)
    next(a for a in language.actions() if a.text() == name).trigger()


def test_choosing_chinese_retranslates_the_open_window(window: MainWindow, qtbot: QtBot) -> None:
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    assert "&File" in menu_titles(window) and window.tabs.tabText(0) == "Cases"
    choose(window, "简体中文")
    settle(qtbot, window.runner)
    assert window.tabs.tabText(0) == "案件"
    assert not any(t == "&File" for t in menu_titles(window))
    assert window.cases.search.placeholderText() != "Search case number, party or cause"
    reopened = window.workspace(OPEN_CASE)
    assert reopened is not None and reopened is not workspace
    qtbot.waitUntil(lambda: reopened.view is not None, timeout=WAIT_MS)
    assert reopened.tabs.tabText(0) == "文书"
    assert {"Ctrl+S", "Ctrl+W", "Ctrl+F", "Ctrl+P"} <= set(window.shortcuts)


def test_choosing_traditional_chinese_uses_taiwan_terms(window: MainWindow, qtbot: QtBot) -> None:
    choose(window, "繁體中文")
    settle(qtbot, window.runner)
    titles = "".join(menu_titles(window))
    assert "檢視" in titles and "說明" in titles and "視圖" not in titles and "幫助" not in titles
    choose(window, "English")
    settle(qtbot, window.runner)
    assert "&File" in menu_titles(window) and window.tabs.tabText(0) == "Cases"
