"""The op runner: results on the UI thread, progress, cancel, stale results dropped, one show_error."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desk.errors import NotFound
from desk.ui.errors import show_error
from desk.ui.runner import Latest, Progress, Runner
from desk.ui.signals import emit
from tests.ui.conftest import WAIT_MS


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_work_runs_off_the_ui_thread_and_the_result_arrives_on_it(parent: QWidget, qtbot: QtBot) -> None:
    runner = Runner(parent)
    seen: dict[str, object] = {}

    def op(_p: Progress) -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"], seen["receiver"] = value, threading.current_thread()

    with qtbot.waitSignal(runner.busy_changed, timeout=WAIT_MS, check_params_cb=lambda busy: not busy):
        runner.submit(op, done=done)
    assert seen["value"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["receiver"] is threading.main_thread()


def test_progress_reaches_the_ui_and_cancel_stops_the_op(parent: QWidget, qtbot: QtBot) -> None:
    runner = Runner(parent)
    steps: list[int] = []
    started = threading.Event()

    def op(p: Progress) -> None:
        p(10, "first")
        started.set()
        for _ in range(500):
            p.check()
            time.sleep(0.01)

    task = runner.submit(op, done=lambda _v: steps.append(-1), progress=lambda pct, _text: steps.append(pct))
    started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        task.cancel()
    assert steps == [10]
    assert not boxes()


def test_a_user_error_shows_its_message(parent: QWidget, qtbot: QtBot) -> None:
    runner = Runner(parent)

    def op(_p: Progress) -> None:
        raise NotFound("case_not_found", ref="X-1")

    runner.submit(op)
    qtbot.waitUntil(lambda: bool(boxes()), timeout=WAIT_MS)
    box = boxes()[0]
    assert "X-1" in box.text() and box.icon() == QMessageBox.Icon.Warning
    assert not box.detailedText()
    box.close()


def test_a_fault_logs_and_shows_an_apology_with_details(parent: QWidget, qtbot: QtBot,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    box = show_error(parent, ZeroDivisionError("division by zero"))
    assert box.icon() == QMessageBox.Icon.Critical
    assert "Sorry" in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert any(r.levelname == "ERROR" for r in caplog.records)
    box.close()


def test_latest_drops_results_overtaken_by_newer_work(parent: QWidget, qtbot: QtBot) -> None:
    runner = Runner(parent)
    latest = Latest(runner)
    shown: list[str] = []

    def slow(_p: Progress) -> str:
        time.sleep(0.3)
        return "old"

    latest.submit(slow, shown.append)
    latest.submit(lambda _p: "new", shown.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT_MS)
    assert shown == ["new"]


def test_a_progress_dialog_follows_the_op_and_closes(parent: QWidget, qtbot: QtBot) -> None:
    runner = Runner(parent)

    def op(p: Progress) -> str:
        for pct in (25, 50, 100):
            p(pct, f"step {pct}")
        return "done"

    results: list[str] = []
    task, dialog = runner.with_dialog(op, title="Working", done=results.append)
    shown: list[tuple[int, str]] = []
    task.progressed.connect(lambda _pct, _text: shown.append((dialog.value(), dialog.labelText())))
    with qtbot.waitSignal(dialog.destroyed, timeout=WAIT_MS):  # closed and gone once the op ends
        qtbot.waitUntil(lambda: results == ["done"], timeout=WAIT_MS)
    assert shown == [(25, "step 25"), (50, "step 50"), (100, "step 100")]


def test_emitting_keeps_the_interpreters_true_alive(parent: QWidget) -> None:
    """PySide6 6.12's emit drops a reference to True on every call; ``emit`` gives it back."""
    runner = Runner(parent)
    before = sys.getrefcount(True)
    for _ in range(1000):
        emit(runner.busy_changed, False)
    assert sys.getrefcount(True) >= before


def test_while_ops_run_only_the_ui_thread_collects_garbage(parent: QWidget, qtbot: QtBot) -> None:
    """A collection on a worker thread could destroy a Qt object there (a segfault seen in CI): while an op runs,
    automatic collection is off and the UI thread collects; afterwards it is as it was."""
    import gc
    import weakref

    runner = Runner(parent)
    release, started = threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def op(_p: Progress) -> None:
        seen["collecting during the op"] = gc.isenabled()
        started.set()
        for _ in range(3 * gc.get_threshold()[0]):  # garbage enough for a collection, made on this thread
            cycle: list[object] = []
            cycle.append(cycle)
        release.wait(10)

    class Cycle:
        pass

    before = gc.isenabled()
    runner.submit(op)
    assert started.wait(10)
    garbage = Cycle()
    garbage.me = garbage  # type: ignore[attr-defined]
    collected_on: list[threading.Thread] = []
    weakref.finalize(garbage, lambda: collected_on.append(threading.current_thread()))
    del garbage
    qtbot.waitUntil(lambda: bool(collected_on), timeout=WAIT_MS)  # the UI thread's timer collected it
    assert collected_on == [threading.main_thread()] and seen["collecting during the op"] is False
    with qtbot.waitSignal(runner.busy_changed, timeout=WAIT_MS, check_params_cb=lambda busy: not busy):
        release.set()
    assert gc.isenabled() is before
