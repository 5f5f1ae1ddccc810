"""What every bench shares: a demo data folder, medians, and one table with the target beside each figure.

Figures are what a user meets: a cold process, or a warm process given NEW content. A cache hit (the same
bytes rendered again) is printed on its own, labelled, and never compared with a target.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def desk_command() -> list[str]:
    """How to start ``desk`` as a user does: the console script beside this interpreter, else ``-m desk``."""
    script = Path(sys.executable).with_name("desk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desk"]


def demo_home(folder: Path, cases: int = 12) -> dict[str, str]:
    """A fresh data folder holding the demo; returns the environment that points ``desk`` at it."""
    env = {**os.environ, "DESK_HOME": str(folder), "DESK_DATABASE_URL": f"sqlite:///{folder / 'desk.sqlite3'}",
           "DESK_LANG": "zh_CN"}
    subprocess.run([*desk_command(), "demo", "--cases", str(cases)], env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def as_installed(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a ``desk`` process as an installed Desk runs: its modules byte-compiled (pip and PyInstaller
    compile them when installing; a source tree run with PYTHONDONTWRITEBYTECODE compiles ~80 modules again in
    every process, 0.15 s)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "desk")], check=True,
                   stdout=subprocess.DEVNULL)
    return {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}


def process_times(argv: Sequence[str], env: Callable[[int], dict[str, str]], runs: int = 5
                  ) -> tuple[float, float]:
    """Median wall and median CPU seconds (user + system, the process and its children) of a whole process,
    after one unmeasured run (disk cache); ``env(i)`` is the environment of run ``i`` (0 is the unmeasured)."""
    import resource

    walls, cpus = [], []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = timed(lambda i=i: subprocess.run(list(argv), env=env(i), check=True, stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append(wall)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def process_seconds(argv: Sequence[str], env: dict[str, str] | None = None, runs: int = 5) -> float:
    """Median wall time of a whole process (start-up included), after one unmeasured run (disk cache)."""
    def once() -> None:
        subprocess.run(list(argv), env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    once()
    return statistics.median(timed(once) for _ in range(runs))


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""  # e.g. "≥ 40×" or "≤ 0.15 s"; empty for a figure without a target
    met: bool | None = None


def at_least(name: str, value: float, unit: str, target: float) -> Figure:
    return Figure(name, value, unit, f"≥ {target:g}{'×' if unit == '×' else ' ' + unit}", value >= target)


def at_most(name: str, value: float, unit: str, target: float) -> Figure:
    return Figure(name, value, unit, f"≤ {target:g} {unit}", value <= target)


def _columns(text: str) -> int:
    """Terminal columns of ``text`` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _columns(text), 0)


def _number(value: float) -> str:
    """Three significant figures, never in exponent form (3 120 cases/s, not 3.12e+03)."""
    if abs(value) >= 1000:
        return f"{round(value, -len(str(int(abs(value)))) + 3):10,.0f}".replace(",", " ")
    return f"{value:10.3g}"


def show(title: str, figures: Sequence[Figure], cache_hits: Sequence[Figure] = ()) -> None:
    load = os.getloadavg()[0]
    print(f"\n{title}  (load average {load:.1f} on {os.cpu_count()} CPUs)")
    width = max(_columns(f.name) for f in [*figures, *cache_hits]) + 2
    units = max(_columns(f.unit) for f in figures) + 2
    targets = max(_columns(f.target) for f in figures) + 2
    for f in figures:
        verdict = "" if f.met is None else ("met" if f.met else "MISSED")
        print(f"  {_pad(f.name, width)}{_number(f.value)} {_pad(f.unit, units)}{_pad(f.target, targets)}{verdict}")
    if cache_hits:
        print("  cache hits (the same content again; not what a user meets, no target):")
        for f in cache_hits:
            print(f"  {_pad(f.name, width)}{_number(f.value)} {f.unit}")


# The start of a child process that opens the window as ``desk gui`` does (offscreen) and marks, in ``marks``,
# when the case table first paints; bench/startup.py and bench/window.py add what they wait for after it.
WINDOW_CHILD = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from desk.ui.app import open_window

marks = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            marks.setdefault("shown", time.time())
        return False

app, window = open_window(user="chenjg", ask=False)  # the console operator: no password asked
painted = FirstPaint()
window.cases.table.viewport().installEventFilter(painted)
"""
