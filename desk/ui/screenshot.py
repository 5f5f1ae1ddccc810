"""``desk gui --screenshot``: drive the window to one view, wait until its data is in, save a picture, quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desk.ui.main_window import MainWindow
from desk.ui.ops.cases import case_id
from desk.ui.session import Session

SETTLE_MS = 700  # quiet this long (no op running, no preview pending) before the picture is taken
TIMEOUT_MS = 120_000
EDITOR_KIND = "rectification_order"


class Screenshot(QObject):
    def __init__(self, window: MainWindow, path: Path, case: str | None, view: str) -> None:
        super().__init__(window)
        self.window, self.path, self.case, self.view = window, path, case, view
        self.saved: Path | None = None
        window.signed_in.connect(self._signed_in)
        QTimer.singleShot(TIMEOUT_MS, self._give_up)

    def _signed_in(self, session: Session) -> None:
        self.window.signed_in.disconnect(self._signed_in)
        if self.view == "list":
            self.when_idle(self.shoot)
        elif self.view == "forms":
            self.window.open_forms()
            self.when_idle(self.shoot)
        elif self.case:
            ref = self.case
            self.window.runner.submit(lambda _p: case_id(session, ref), done=self._open)
        else:
            self.when_idle(lambda: self._open(self.window.cases.model.row(0).id))

    def _open(self, found: int) -> None:
        workspace = self.window.open_case(found)
        tabs = {"case": workspace.documents, "dossier": workspace.dossier, "check": workspace.check}

        def show() -> None:
            if self.view == "editor":
                view = workspace.view
                draft = next((d for d in view.cf.documents if d.status == "draft"), None) if view else None
                workspace.open_editor(draft.kind if draft else EDITOR_KIND, draft.id if draft else None)
            else:
                workspace.tabs.setCurrentWidget(tabs[self.view])
            self.when_idle(self.shoot)

        self.when_idle(show)

    def when_idle(self, then: Callable[[], None]) -> None:
        """Call ``then`` once no op has run (and no preview waited) for ``SETTLE_MS``."""
        quiet = {"since": 0}

        def poll() -> None:
            if self.window.runner.busy or _preview_pending(self.window):
                quiet["since"] = 0
            else:
                quiet["since"] += 100
            if quiet["since"] >= SETTLE_MS:
                timer.stop()
                then()

        timer = QTimer(self)
        timer.timeout.connect(poll)
        timer.start(100)

    def shoot(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.window.grab().save(str(self.path)):
            raise OSError(f"cannot write {self.path}")
        self.saved = self.path
        QApplication.quit()

    def _give_up(self) -> None:
        QApplication.exit(3)


def _preview_pending(window: MainWindow) -> bool:
    from desk.ui.editor.view import EditorView

    editor = window.tabs.currentWidget()
    return isinstance(editor, EditorView) and editor.preview.pending
