"""Starting the window: the application, its language, the main window, and the screenshot mode."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desk.ui.main_window import MainWindow


# the icon sizes rendered from resources/desk.svg (beside the desk package: the source tree and the bundle)
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def window_icon() -> QIcon:
    """Desk's icon in every rendered size; the installed theme icon when the files are not there."""
    from PySide6.QtGui import QIcon

    files = sorted(ICONS.glob("desk-*.png"))
    if not files:
        return QIcon.fromTheme("org.desk.Desk")
    icon = QIcon()
    for path in files:
        icon.addFile(str(path))
    return icon


def open_window(*, user: str | None = None, ask: bool = True) -> tuple[QApplication, MainWindow]:
    """The application and its main window, shown and signing in as ``user`` (else the last user; when neither
    is known, asking — or with ``ask=False`` taking the first). The event loop is not running yet."""
    from PySide6.QtWidgets import QApplication

    from desk.ui import language

    lang = language.apply_preference()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Desk")
    app.setDesktopFileName("org.desk.Desk")
    app.setWindowIcon(window_icon())
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

# Qt platform plugins that draw without a display server
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def need_display() -> None:
    """On Linux and the BSDs the window needs X11 or Wayland (or a headless Qt platform): say so in one line,
    before Qt aborts with a misleading hint about xcb-cursor0."""
    if sys.platform in ("win32", "darwin") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in HEADLESS_PLATFORMS:
        return
    from desk.errors import UserError

    raise UserError("no_display")


def run(*, user: str | None = None, screenshot: Path | None = None, case: str | None = None,
        view: str = "list", probe: bool = False) -> int:
    """Open the window and run until it closes.

    With ``screenshot``: show ``view`` (of ``case``), save a picture of the window there, print its path, exit.
    With ``probe``: print how long the window took to show (desk.ui.startup_probe), exit.
    """
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    need_display()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app, window = open_window(user=user, ask=screenshot is None and not probe)
    if probe:
        from desk.ui.startup_probe import StartupProbe

        StartupProbe(window)
        return app.exec()
    from PySide6.QtCore import Qt

    if screenshot is None:
        if case is not None and case.isdigit():  # a case file opened from the desktop: its workspace, once signed in
            window.signed_in.connect(lambda _s: window.open_case(int(case)), Qt.ConnectionType.SingleShotConnection)
        return app.exec()

    from desk.cli import write_out
    from desk.ui.screenshot import Screenshot

    window.resize(1366, 768)  # the smallest screen an office desktop has (#15: every view fits it)
    shot = Screenshot(window, screenshot, case, view)
    code = app.exec()
    if shot.saved is not None:
        write_out(f"{shot.saved}\n")
    return code
