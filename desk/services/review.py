"""The annual review, ``desk check --all``: every case checked, on every core where the system can fork.

The cases are cut into runs of consecutive ids. Each worker process loads a run a batch at a time
(``iter_casefiles``: one query per table) and checks it; the parent hands the runs out and yields their
results in id order as they come back, so what is printed is what one process prints, streamed. Where
processes cannot be forked safely (Windows, macOS), or for a single run, the parent checks every run itself.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from desk.db.uow import unit_of_work

if TYPE_CHECKING:
    from desk.procedure.checker import Report

RUN = 500  # cases a worker checks before handing its results back

Render = Callable[[str, "Report"], str]


def check_all(render: Render, *, workers: int | None = None) -> Iterator[tuple[str, bool]]:
    """(``render(number, report)``, archivable) for every case, in id order. ``render`` must be a module-level
    function (it is sent to the workers by name); ``workers`` defaults to the machine's cores."""
    from desk.services.cases import all_case_ids

    with unit_of_work(write=False) as uow:
        ids = all_case_ids(uow)
    runs = [ids[i:i + RUN] for i in range(0, len(ids), RUN)]
    workers = min(workers or os.cpu_count() or 1, len(runs))
    if workers <= 1 or not _can_fork():
        for run in runs:
            yield from check_run(render, run)
        return
    with multiprocessing.get_context("fork").Pool(workers, initializer=_forked) as pool:
        for results in pool.imap(partial(check_run, render), runs):
            yield from results


def check_run(render: Render, ids: Sequence[int]) -> list[tuple[str, bool]]:
    """The cases ``ids`` checked and rendered, in id order."""
    from desk.procedure.checker import check
    from desk.services.calendar_admin import calendar
    from desk.services.cases import iter_casefiles

    out = []
    with unit_of_work(write=False) as uow:
        cal = calendar(uow.session)
        for cf in iter_casefiles(uow, ids):
            report = check(cf, calendar=cal)
            out.append((render(cf.case.number or str(cf.id), report), report.archivable))
    return out


def _can_fork() -> bool:
    """Linux forks safely (macOS offers fork but its system libraries do not survive it; Windows spawns)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _forked() -> None:
    """A worker opens connections of its own: those the parent's pool holds stay the parent's. What the parent
    made (modules, rules, templates) lives as long as the worker: the collector no longer walks it."""
    import gc

    from desk.db.engine import get_engine

    get_engine().dispose(close=False)
    gc.freeze()
