"""Ops over cases: a page of the case list, one case with its check and deadlines, what falls due soon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the core loads on the background thread, after the window shows
    from desk.casefile.facts import CaseFile
    from desk.procedure.checker import Report
    from desk.procedure.deadlines import Deadline
    from desk.services.cases import CaseRow
    from desk.services.due_index import DueList
    from desk.ui.runner import Progress
    from desk.ui.session import Session



@dataclass(frozen=True)
class CaseQuery:
    status: str = ""
    procedure: str = ""
    squad: str = ""
    search: str = ""
    only: frozenset[int] | None = None  # "due this week": the cases with a deadline in the week


@dataclass(frozen=True)
class Page:
    rows: tuple[CaseRow, ...]
    next_offset: int
    exhausted: bool


def fetch_page(session: Session, query: CaseQuery, offset: int, size: int) -> Page:
    """Up to ``size`` rows from ``offset`` on, filtered by the database; ``next_offset`` continues."""
    from desk.services.cases import list_cases

    with session.uow(write=False) as uow:
        rows = list_cases(uow, status=query.status or None, search=query.search or None,
                          procedure=query.procedure or None, squad=query.squad or None, ids=query.only,
                          limit=size, offset=offset)
    return Page(tuple(rows), offset + len(rows), len(rows) < size)


def case_id(session: Session, ref: str) -> int:
    """The internal id of the case ``ref`` names (its id or its number)."""
    from desk.services.cases import resolve

    with session.uow(write=False) as uow:
        return resolve(uow, ref).id


@dataclass(frozen=True)
class CaseView:
    """One case as the workspace shows it."""

    cf: CaseFile
    report: Report
    deadlines: tuple[Deadline, ...]
    today: date


def open_case(session: Session, case_id: int, today: date | None = None) -> CaseView:
    from desk.procedure.checker import check
    from desk.procedure.deadlines import upcoming
    from desk.services.calendar_admin import calendar
    from desk.services.cases import load_casefile

    today = today or date.today()
    with session.uow(write=False) as uow:
        cf = load_casefile(uow, case_id)
        cal = calendar(uow.session)
    return CaseView(cf, check(cf, calendar=cal, today=today), tuple(upcoming(cf, cal, today)), today)


DUE_LISTED = 200  # the panel lists the soonest (a day's work and more); its summary counts them all


def due_soon(session: Session, progress: Progress, *, days: int, today: date | None = None) -> DueList:
    """The deadlines of open cases falling due within ``days`` (overdue ones too, and those that cannot be
    counted for want of a holiday calendar), earliest first: read from the kept deadlines (desk.services.
    due_index), after those of the cases changed since were computed again (a batch per transaction)."""
    from desk.errors import DeskError
    from desk.services import due_index

    today = today or date.today()
    with session.uow(write=False) as uow:
        behind = due_index.stale(uow)
    for start in range(0, len(behind), due_index.BATCH):
        progress.check()
        try:
            with session.uow() as uow:
                due_index.refresh(uow, behind[start:start + due_index.BATCH], today)
        except DeskError:  # another desktop computed the same cases meanwhile (PostgreSQL): theirs stand
            pass
        progress(100 * min(start + due_index.BATCH, len(behind)) // len(behind))
    with session.uow(write=False) as uow:
        return due_index.due_soon(uow, until=today + timedelta(days=days), today=today, week_end=week_end(today),
                                  limit=DUE_LISTED)


def week_end(today: date) -> date:
    """The Sunday of ``today``'s week."""
    return today + timedelta(days=6 - today.weekday())
