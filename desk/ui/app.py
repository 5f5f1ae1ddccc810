"""Starting the window: the application, its language, the main window, and the screenshot mode."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desk.ui.main_window import MainWindow


def open_window(*, user: str | None = None, ask: bool = True) -> tuple[QApplication, MainWindow]:
    """The application and its main window, shown and signing in as ``user`` (else the last user; when neither
    is known, asking — or with ``ask=False`` taking the first). The event loop is not running yet."""
    from PySide6.QtWidgets import QApplication

    from desk.ui import language

    lang = language.apply_preference()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Desk")
    language.install(app, lang)

    from desk.ui.main_window import MainWindow

    window = MainWindow()
    window.start(user, ask=ask)  # the database opens on the background thread while the window shows
    window.show()
    window.runner.submit(_warm_up, failed=lambda exc: logging.getLogger("desk").warning("warm-up: %s", exc))
    return app, window


def _warm_up(_progress: object) -> int:
    """Fonts and renderer ready before the first editor opens (its preview then costs what every later one does)."""
    from desk.render.warm import warm_up

    return warm_up()


def run(*, user: str | None = None, screenshot: Path | None = None, case: str | None = None,
        view: str = "list") -> int:
    """Open the window and run until it closes.

    With ``screenshot``: show ``view`` (of ``case``), save a picture of the window there, print its path, exit.
    """
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app, window = open_window(user=user, ask=screenshot is None)
    if screenshot is None:
        return app.exec()

    from desk.cli import write_out
    from desk.ui.screenshot import Screenshot

    window.resize(1366, 768)  # the smallest screen an office desktop has (#15: every view fits it)
    shot = Screenshot(window, screenshot, case, view)
    code = app.exec()
    if shot.saved is not None:
        write_out(f"{shot.saved}\n")
    return code
