"""The window's everyday shortcuts, listed in its menus: Ctrl+S saves the editor shown, Ctrl+W closes the tab
shown (asking about unsaved changes), Ctrl+F goes to the case search, Ctrl+P prints what is shown (the
editor's preview, the documents selected, the dossier volume, the forms reconciliation); F5 refreshes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desk.ui.text import _

if TYPE_CHECKING:
    from desk.archive.verify import VerifyReport
    from desk.ui.editor.view import EditorView
    from desk.ui.main_window import MainWindow


def add_file_actions(window: MainWindow, menu: QMenu) -> None:
    """File › Save (Ctrl+S), Close tab (Ctrl+W), Print… (Ctrl+P)."""
    _action(window, menu, _("&Save"), "Ctrl+S", lambda: save_current(window))
    _action(window, menu, _("&Close tab"), "Ctrl+W", lambda: window.close_tab(window.tabs.currentWidget()))
    _action(window, menu, _("&Print…"), "Ctrl+P", lambda: print_current(window))
    action = QAction(_("&Verify package…"), window)
    action.setObjectName("verify_package")
    action.triggered.connect(lambda: verify_package(window))
    menu.addAction(action)


def add_find_action(window: MainWindow, menu: QMenu) -> None:
    """View › Find case (Ctrl+F)."""
    _action(window, menu, _("&Find case…"), "Ctrl+F", lambda: find_case(window))


def _action(window: MainWindow, menu: QMenu, text: str, keys: str, slot: Callable[[], object]) -> None:
    """A menu entry with its shortcut shown beside it; ``window.shortcuts[keys]`` (what tests press)."""
    action = QAction(text, window)
    action.setShortcut(QKeySequence(keys))
    action.triggered.connect(slot)
    menu.addAction(action)
    window.shortcuts[keys] = action


def save_current(window: MainWindow) -> bool:
    """Save the draft of the editor shown (its fields checked); False when no editor is shown or it refuses."""
    from desk.ui.editor.view import EditorView

    editor = window.tabs.currentWidget()
    return isinstance(editor, EditorView) and editor.form is not None and editor.save()


def find_case(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(0)
    window.cases.search.setFocus()
    window.cases.search.selectAll()


def print_current(window: MainWindow) -> None:
    from desk.ui import printing
    from desk.ui.editor.view import EditorView
    from desk.ui.forms_view import FormsView
    from desk.ui.workspace import CaseWorkspace

    shown = window.tabs.currentWidget()
    if isinstance(shown, EditorView) and shown.preview.pdf is not None:
        printing.print_with_dialog(window, window.runner, [shown.preview.pdf])
    elif isinstance(shown, CaseWorkspace):
        if shown.tabs.currentWidget() is shown.dossier:
            shown.dossier.print_volume()
        else:
            shown.documents.print_selected()
    elif isinstance(shown, FormsView):
        shown.print_report()
    else:
        window.statusBar().showMessage(_("Open a document, a case or the forms to print."), 5000)


def editors_in(widgets: Iterable[QWidget | None]) -> list[EditorView]:
    from desk.ui.editor.view import EditorView

    return [w for w in widgets if isinstance(w, EditorView)]


def editors_of(window: MainWindow, widget: QWidget) -> list[EditorView]:
    """The editors open on the case whose tab ``widget`` is (none for any other tab)."""
    from desk.ui.workspace import CaseWorkspace

    if not isinstance(widget, CaseWorkspace):
        return []
    tabs = [window.tabs.widget(i) for i in range(1, window.tabs.count())]
    return [e for e in editors_in(tabs) if e.case_id == widget.case_id]


def verify_package(window: MainWindow, path: Path | None = None) -> None:
    """File › Verify package…: check an archive package (``desk verify``) and say what was found."""
    from desk.ui.ops.dossier import verify

    if path is None:
        name, _filter = QFileDialog.getOpenFileName(window, _("Verify package"), "",
                                                    _("Archive packages (*.zip);;All files (*)"))
        if not name:
            return
        path = Path(name)
    chosen = path
    window.statusBar().showMessage(_("Verifying {name}…").format(name=chosen.name))
    window.runner.submit(lambda _p: verify(chosen), done=lambda report: _verified(window, report))


def _verified(window: MainWindow, report: VerifyReport) -> None:
    if report.intact:
        text = _("{name} is intact: {files} files, every checksum matches.").format(name=report.path.name,
                                                                                     files=report.files)
        icon = QMessageBox.Icon.Information
    else:
        lines = [f"{d.path}: {d.problem}" + (f" ({d.detail})" if d.detail else "") for d in report.damages[:20]]
        text = _("{name} is damaged:").format(name=report.path.name) + "\n" + "\n".join(lines)
        icon = QMessageBox.Icon.Warning
    window.statusBar().showMessage(text.splitlines()[0], 10000)
    box = QMessageBox(icon, _("Verify package"), text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("verify_result")
    box.open()
