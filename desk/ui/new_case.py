"""File › New case (the roster is loaded, the dialog asks, the case is registered and opened) and Settings ›
Import holiday calendar (the notice that turns provisional dates into final ones)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.ui.case_dialogs import NewCaseDialog
from desk.ui.ops.lifecycle import new_case, roster

if TYPE_CHECKING:
    from desk.services.directory import OfficerRow
    from desk.ui.main_window import MainWindow
    from desk.ui.runner import Runner
    from desk.ui.session import Session


def ask_new_case(window: MainWindow, runner: Runner, session: Session) -> None:
    def ask(found: tuple[list[OfficerRow], list[str]]) -> None:
        dialog = NewCaseDialog(*found, parent=window)
        dialog.accepted.connect(lambda: runner.submit(
            lambda _p: new_case(session, dialog.party_value(), **dialog.values()), done=opened))
        window.new_case_dialog = dialog
        dialog.open()

    def opened(case_id: int) -> None:
        window.refresh()
        window.open_case(case_id)

    runner.submit(lambda _p: roster(session), done=ask)


def ask_calendar_file(window: MainWindow, runner: Runner, session: Session) -> None:
    """Choose the notice's calendar file, import it, and refresh what was counted provisionally."""
    from PySide6.QtWidgets import QFileDialog

    from desk.ui.ops.lifecycle import import_calendar
    from desk.ui.text import _

    path, _chosen = QFileDialog.getOpenFileName(window, _("Import holiday calendar"), "",
                                               _("Calendar files (*.toml *.csv)"))
    if path:
        runner.submit(lambda _p: import_calendar(session, path), done=lambda _count: window.refresh())
