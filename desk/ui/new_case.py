"""File › New case: the roster is loaded, the dialog asks, the case is registered and opened."""

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
