"""Idle time: after ``DESK_IDLE_MINUTES`` (default 10) without a key or a click, the window locks itself."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                       QEvent.Type.MouseMove})


def idle_minutes() -> float:
    try:
        return max(float(os.environ.get("DESK_IDLE_MINUTES", "10")), 0.05)
    except ValueError:
        return 10.0


class IdleWatch(QObject):
    """Calls ``on_idle`` once the application has had no user input for the idle time, while watching."""

    def __init__(self, parent: QObject, on_idle: Callable[[], None]) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(idle_minutes() * 60_000))
        self.timer.timeout.connect(on_idle)
        self._installed = False

    def watch(self, on: bool) -> None:
        app = QApplication.instance()
        if on and not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True
        elif not on and self._installed and app is not None:
            app.removeEventFilter(self)
            self._installed = False
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.timer.start()  # restarts the count
        return False
