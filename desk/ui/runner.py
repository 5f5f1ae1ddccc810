"""One op runner: background work on a QThreadPool, results back on the UI thread through a signal.

An op is a plain function of a ``Progress``; it opens its own unit of work and returns an immutable
snapshot (never an ORM object). ``Runner.submit`` starts it and delivers its result, its progress and
its failure on the UI thread; a failure nobody handles goes to ``show_error``, a cancelled op ends
quietly. ``Latest`` keeps only the newest of a stream of submissions (a search typed on, a preview
re-rendered): older results are dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desk.errors import Cancelled
from desk.ui import collector
from desk.ui.errors import show_error
from desk.ui.signals import emit
from desk.ui.text import _

Op = Callable[["Progress"], Any]


class Progress:
    """What a running op sees: report how far it is, and whether the user cancelled."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()

    def __call__(self, percent: int, text: str = "") -> None:
        emit(self._task._progress, max(0, min(100, int(percent))), text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here (raise ``Cancelled``) when the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled("cancelled")

    def cancel(self) -> None:
        self._cancel.set()


class Task(QObject):
    """One submitted op; its signals fire on the UI thread."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(int, str)
    ended = Signal()
    # emitted on the worker's thread; the slots below (this object lives on the UI thread) re-emit there
    _outcome = Signal(bool, object)
    _progress = Signal(int, str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.progress = Progress(self)
        self._outcome.connect(self._deliver)
        self._progress.connect(self._advance)

    def cancel(self) -> None:
        self.progress.cancel()

    @Slot(int, str)
    def _advance(self, percent: int, text: str) -> None:
        emit(self.progressed, percent, text)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        if ok:
            emit(self.finished, value)
        elif isinstance(value, Cancelled):
            emit(self.cancelled)
        else:
            emit(self.failed, value)
        emit(self.ended)


class _Job(QRunnable):
    def __init__(self, op: Op, task: Task) -> None:
        super().__init__()
        self._op, self._task = op, task

    def run(self) -> None:
        try:
            ok, value = True, self._op(self._task.progress)
        except BaseException as exc:  # delivered to the UI thread, shown or handled there
            ok, value = False, exc
        emit(self._task._outcome, ok, value)


class Runner(QObject):
    """Runs ops on a thread pool; ``busy_changed`` tells the window when work starts and stops."""

    busy_changed = Signal(bool)

    def __init__(self, window: QWidget | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.pool = QThreadPool(self)
        self._tasks: set[Task] = set()

    def submit(self, op: Op, *, done: Callable[[Any], None] | None = None,
               failed: Callable[[BaseException], None] | None = None,
               progress: Callable[[int, str], None] | None = None) -> Task:
        task = Task(self)
        if done is not None:
            task.finished.connect(done)
        task.failed.connect(failed or self._show)
        if progress is not None:
            task.progressed.connect(progress)
        task.ended.connect(lambda: self._end(task))
        self._tasks.add(task)
        if len(self._tasks) == 1:
            emit(self.busy_changed, True)
        collector.hold()  # no collection on the worker's thread (desk.ui.collector)
        self.pool.start(_Job(op, task))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def _end(self, task: Task) -> None:
        self._tasks.discard(task)
        collector.release()
        task.deleteLater()
        if not self._tasks:
            emit(self.busy_changed, False)

    def _show(self, error: BaseException) -> None:
        show_error(self._window, error)

    def with_dialog(self, op: Op, *, title: str, done: Callable[[Any], None]) -> tuple[Task, QProgressDialog]:
        """Run ``op`` behind a progress dialog whose Cancel button cancels it."""
        dialog = QProgressDialog(title, _("Cancel"), 0, 100, self._window)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        task = self.submit(op, done=done, progress=lambda pct, text: _advance(dialog, pct, text))
        dialog.canceled.connect(task.cancel)
        task.ended.connect(dialog.close)
        dialog.show()
        return task, dialog


def _advance(dialog: QProgressDialog, percent: int, text: str) -> None:
    dialog.setValue(percent)
    if text:
        dialog.setLabelText(text)


class Latest:
    """Submits a stream of ops of which only the newest result matters."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner
        self._serial = 0

    def submit(self, op: Op, done: Callable[[Any], None],
               failed: Callable[[BaseException], None] | None = None) -> Task:
        self._serial += 1
        serial = self._serial

        def current(handle: Callable[[Any], None]) -> Callable[[Any], None]:
            owner = getattr(handle, "__self__", None)  # a widget closed meanwhile takes no result
            return lambda value: handle(value) if serial == self._serial and (
                not isinstance(owner, QObject) or shiboken6.isValid(owner)) else None

        return self._runner.submit(op, done=current(done), failed=current(failed) if failed else None)

    def forget(self) -> None:
        """Drop whatever is still running."""
        self._serial += 1
