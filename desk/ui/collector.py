"""Cyclic garbage collection on the UI thread only, while ops run on worker threads.

Python's collector runs on whichever thread happens to allocate past its threshold. When that is one of the
runner's worker threads and the garbage holds a Qt wrapper (a dialog, a delegate, a model that went out of use),
the C++ object is destroyed on a thread that does not own it, and the process can crash (seen: a segmentation
fault "Garbage-collecting" in a worker loading the accounts). So, while any op runs, automatic collection is
off and a timer on the UI thread collects with the collector's own generation thresholds; when the last op ends,
the collector is given back as it was (an idle window collects as usual: only its UI thread allocates).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.users = 0
        self.was_enabled = gc.isenabled()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)

    def collect(self) -> None:
        """What the automatic collector would have done by now: the oldest generation past its threshold."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        if due:
            gc.collect(due[-1])


_collector: _Collector | None = None


def hold() -> None:
    """An op starts (called on the UI thread): collections move to the UI thread (the first op switches them)."""
    global _collector
    if _collector is None:
        app = QCoreApplication.instance()
        assert app is not None, "a runner needs the application"
        _collector = _Collector(app)
    if _collector.users == 0:
        _collector.was_enabled = gc.isenabled()
        gc.disable()
        _collector.timer.start()
    _collector.users += 1


def release() -> None:
    """An op ended (on the UI thread): the last one gives the collector back as it found it."""
    if _collector is None or _collector.users == 0:
        return
    _collector.users -= 1
    if _collector.users == 0:
        _collector.timer.stop()
        _collector.collect()
        if _collector.was_enabled:
            gc.enable()
