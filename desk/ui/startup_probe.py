"""``desk gui --quit-when-shown``: how long the window takes to open, measured in the real program.

Seconds from the launch — ``DESK_LAUNCHED_AT`` (epoch seconds, set by whoever started the process, so that an
installed bundle's unpacking and library loading count too), else this process's start as the kernel recorded
it (Linux), else the moment Desk was imported — to the case list's first paint ("shown") and to its first page
of rows ("rows"); printed as one line of JSON, then the window closes.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desk.ui.main_window import MainWindow

_IMPORTED = time.time()


def launched_at() -> float:
    given = os.environ.get("DESK_LAUNCHED_AT")
    if given:
        return float(given)
    try:  # /proc/self/stat field 22: start time in clock ticks after boot
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return _IMPORTED


class StartupProbe(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.began = launched_at()
        self.marks: dict[str, float] = {}
        window.cases.table.viewport().installEventFilter(self)
        window.cases.model.page_loaded.connect(self._rows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "shown" not in self.marks:
            self.marks["shown"] = round(time.time() - self.began, 3)
        return False

    def _rows(self) -> None:
        self.marks["rows"] = round(time.time() - self.began, 3)
        print(json.dumps(self.marks), flush=True)
        QApplication.quit()
