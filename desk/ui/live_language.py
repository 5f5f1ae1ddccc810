"""Settings › Language takes effect at once: Qt's own dialogs get their translation, and the open window
is shown again in the chosen language — menus, titles, the case list and the deadlines; each case tab is
reopened (its editors too, unless they hold unsaved changes: those stay as they are until closed)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from desk.ui import language

if TYPE_CHECKING:
    from desk.ui.main_window import MainWindow


def switch(window: MainWindow, lang: str) -> None:
    """Speak ``lang`` from now on (and at the next start)."""
    language.choose(lang)
    os.environ["DESK_LANG"] = lang
    app = QApplication.instance()
    if app is not None:
        for old in app.findChildren(QTranslator):
            app.removeTranslator(old)
            old.deleteLater()
        language.install(app, lang)
    reopen_tabs(window)
    window.retranslate()


def reopen_tabs(window: MainWindow) -> None:
    """Close and open again each case tab and each editor without unsaved changes, in the same order."""
    from desk.ui.editor.view import EditorView
    from desk.ui.workspace import CaseWorkspace

    current = window.tabs.currentIndex()
    tabs = [window.tabs.widget(i) for i in range(1, window.tabs.count())]
    for tab in tabs:
        if isinstance(tab, CaseWorkspace) and not any(
                isinstance(t, EditorView) and t.case_id == tab.case_id and t.dirty for t in tabs):
            case_id = tab.case_id
            editors = [(t.kind.id, t.doc_id) for t in tabs if isinstance(t, EditorView) and t.case_id == case_id]
            window.close_tab(tab)
            workspace = window.open_case(case_id)
            for kind_id, doc_id in editors:
                workspace.open_editor(kind_id, doc_id)
    window.tabs.setCurrentIndex(min(current, window.tabs.count() - 1))
