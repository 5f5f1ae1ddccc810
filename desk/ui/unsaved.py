"""Unsaved work: before an editor goes away (its Close button, its tab's ×, Ctrl+W, closing its case's tab,
quitting, signing out) each editor with changes asks Save / Discard / Cancel. Save stores the draft at once
(it refuses while a field is wrong: the editor stays open, its problems shown); Cancel keeps everything open."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from desk.ui.text import _

if TYPE_CHECKING:
    from desk.ui.editor.view import EditorView

Button = QMessageBox.StandardButton


def ask(parent: QWidget, title: str) -> Button:
    """Save, Discard or Cancel for the unsaved changes of the document ``title``."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Unsaved changes"),
                      _("“{title}” has changes that are not saved. Save them?").format(title=title),
                      Button.Save | Button.Discard | Button.Cancel, parent)
    box.setObjectName("unsaved")
    box.setDefaultButton(Button.Save)
    box.button(Button.Save).setText(_("Save"))
    box.button(Button.Discard).setText(_("Discard"))
    box.button(Button.Cancel).setText(_("Cancel"))
    answer = Button(box.exec())
    box.deleteLater()
    return answer


def may_close(parent: QWidget, editors: Iterable[EditorView]) -> bool:
    """Ask about each editor with unsaved changes; True when all of them may close now."""
    for editor in editors:
        if not editor.dirty:
            continue
        answer = ask(parent, editor.title())
        if answer == Button.Cancel:
            return False
        if answer == Button.Save and not editor.save_now():
            return False
    return True
