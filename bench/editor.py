"""From opening the document editor to its first preview on screen (target ≤ 0.5 s), offscreen.

    python bench/editor.py [--runs 5]

Each run is a fresh ``desk`` window on the demo database (a new process): it waits until the window is idle
(signed in, case list loaded, renderer warmed up in the background), opens an open case, then opens the editor
of a new 行政处罚决定书 and times until the preview has been drawn. For comparison the same is timed in a window
whose background warm-up was switched off — what the first preview cost before.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, at_most, demo_home, show

CHILD = """
import json, os, sys, time
from PySide6.QtCore import QTimer
import desk.ui.app as app_module
if sys.argv[1] == "cold":
    app_module._warm_up = lambda _p: 0
from desk.ui.app import open_window
from desk.services.cases import list_cases
from desk.db.uow import unit_of_work

with unit_of_work(write=False) as uow:
    case_id = next(r.id for r in list_cases(uow) if r.status == "open" and r.procedure == "general")
app, window = open_window(user=os.environ.get("DESK_BENCH_USER") or None, ask=False)
marks = {}

def idle():
    if window.session is None or window.runner.busy:
        QTimer.singleShot(20, idle)
        return
    workspace = window.open_case(case_id)
    def opened():
        if window.runner.busy:
            QTimer.singleShot(20, opened)
            return
        start = time.perf_counter()
        workspace.open_editor("penalty_decision", None)
        editor = window.tabs.currentWidget()
        def drawn():
            marks["preview_s"] = time.perf_counter() - start
            app.quit()
        editor.preview.rendered.connect(drawn)
    QTimer.singleShot(50, opened)
QTimer.singleShot(50, idle)
app.exec()
print(json.dumps(marks))
"""


def run_child(env: dict[str, str], mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", CHILD, mode], env={**env, "QT_QPA_PLATFORM": "offscreen"},
                         capture_output=True, text=True, check=True, timeout=300)
    return float(json.loads(out.stdout.strip().splitlines()[-1])["preview_s"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    env = demo_home(Path(tempfile.mkdtemp(prefix="desk-bench-editor-")))
    warm = [run_child(env, "warm") for _ in range(args.runs)]
    cold = [run_child(env, "cold") for _ in range(args.runs)]
    show("editor open → first preview drawn (median of fresh windows)", [
        at_most("with the background warm-up (as shipped)", statistics.median(warm), "s", 0.5),
        Figure("without warm-up (the first preview pays fonts and imports)", statistics.median(cold), "s"),
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
