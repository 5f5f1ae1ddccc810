"""The window's first start: "load the demo?" — asked once, on the default SQLite database only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.ui.ops.people import Directory, directory
from desk.ui.runner import Runner
from desk.ui.text import _

if TYPE_CHECKING:
    from desk.ui.runner import Progress


def _due(_p: Progress) -> bool:
    from desk.services.first_start import demo_offer_due

    return demo_offer_due()


def _answer(load: bool) -> Callable[[Progress], Directory]:
    def op(_p: Progress) -> Directory:
        from desk.services.first_start import answer_demo_offer

        answer_demo_offer(load)
        return directory()

    return op


class DemoOffer(QObject):
    """After the database opened (``found``): when the demo is due, ask; then ``ready`` with the directory as
    it is now (with the demo's officers when it was loaded). ``question`` is the open box (tests answer it).
    A child of ``window``, so it lives while the question is open."""

    def __init__(self, window: QWidget, runner: Runner, found: Directory, ready: Callable[[Directory], None]) -> None:
        super().__init__(window)
        self.owner, self.runner, self.found, self.ready = window, runner, found, ready
        self.question: QMessageBox | None = None
        if any(o.login for o in found.officers):
            self._done(found)
        else:
            runner.submit(_due, done=self._ask)

    def _ask(self, due: bool) -> None:
        if not due:
            self._done(self.found)
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Load the demo?"),
                          _("This database is empty. Load a fictional agency with officers and cases to try Desk? "
                            "Desk asks only this once; “desk demo” on the command line does the same later."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.owner)
        box.setObjectName("demo_offer")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        yes = QMessageBox.StandardButton.Yes
        box.finished.connect(lambda _r: self._answered(box.standardButton(box.clickedButton()) == yes))
        self.question = box
        box.open()

    def _answered(self, load: bool) -> None:
        if self.question is not None:
            self.question.deleteLater()
        self.runner.submit(_answer(load), done=self._done)

    def _done(self, found: Directory) -> None:
        self.ready(found)
        self.deleteLater()
