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


@dataclass(frozen=True)
class DueItem:
    case_id: int
    case_number: str
    party: str
    deadline: Deadline


def due_soon(session: Session, progress: Progress, *, days: int, today: date | None = None) -> tuple[DueItem, ...]:
    """The deadlines of open cases falling due within ``days`` (overdue ones too, and those that cannot be
    counted for want of a holiday calendar), earliest first."""
    from desk.procedure.deadlines import upcoming
    from desk.services.calendar_admin import calendar
    from desk.services.cases import list_cases, load_casefile

    today = today or date.today()
    until = today + timedelta(days=days)
    out: list[DueItem] = []
    with session.uow(write=False) as uow:
        cal = calendar(uow.session)
        open_rows = list_cases(uow, status="open")
        for i, row in enumerate(open_rows):
            progress.check()
            cf = load_casefile(uow, row.id)
            out += [DueItem(row.id, row.number or "", row.party, d)
                    for d in upcoming(cf, cal, today) if d.due is None or d.due <= until]
            progress(100 * (i + 1) // len(open_rows))
    return tuple(sorted(out, key=lambda item: item.deadline.due or date.min))


def week_end(today: date) -> date:
    """The Sunday of ``today``'s week."""
    return today + timedelta(days=6 - today.weekday())
