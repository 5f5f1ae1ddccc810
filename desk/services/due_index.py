"""The deadlines of every open case, read with one query: what the window's deadlines panel lists.

Each case's deadlines are computed from its snapshot by ``procedure.deadlines.upcoming`` (the rules' own
periods) and kept in ``case_deadline``; ``deadline_mark`` says from which state of the case they were computed:
its own last change, its documents' last change and count, its events' last id and count, and a key of the
imported holiday days, the agencies' settings and Desk's version. Before the deadlines are read, the open cases
whose state is no longer their mark's are found with one query and computed again (none, usually; every open
case once after a calendar import, a change of settings or an upgrade); then the soonest are read, with the
counts, in SQL.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, case, delete, func, or_, select

from desk import __version__, config
from desk.db.uow import UnitOfWork
from desk.models import Case, CaseDeadline, DeadlineMark, Document, Event
from desk.procedure.deadlines import WHAT, Deadline, not_countable, upcoming
from desk.services import access

BATCH = 200  # cases computed per flush


@dataclass(frozen=True)
class Due:
    case_id: int
    case_number: str
    party: str
    deadline: Deadline


@dataclass(frozen=True)
class DueList:
    """The soonest deadlines (at most ``limit``), and the counts over all of them."""

    items: tuple[Due, ...]
    total: int  # deadlines within the period, overdue and not countable ones included
    overdue: int
    undated: int
    this_week: frozenset[int]  # the cases with a deadline due by the end of the week (overdue ones too)


def _open_cases(uow: UnitOfWork) -> Select[int]:
    """Open cases, a clerk's squad only."""
    stmt = select(Case.id).where(Case.status == "open")
    own = access.squad_only(uow)
    return stmt.where(Case.squad == own) if own is not None else stmt


def _context_key(uow: UnitOfWork) -> str:
    """What a case's deadlines depend on besides the case: the imported holiday days, the agencies' settings
    (thresholds) and Desk's version (its rules and periods)."""
    from desk.models import Agency, CalendarDay

    days = uow.session.execute(select(CalendarDay.day, CalendarDay.working).order_by(CalendarDay.day)).all()
    agencies = uow.session.execute(select(Agency.id, Agency.settings).order_by(Agency.id)).all()
    settings = json.dumps([[a, s] for a, s in agencies], sort_keys=True, default=str)
    return hashlib.sha256(f"{__version__}|{days}|{settings}".encode()).hexdigest()[:16]


def _state(ids: Select[int]) -> Select[int, datetime | None, datetime | None, int, int | None, int]:
    """(case id, updated_at, its documents' last change, their count, its events' last id, their count)."""
    docs = (select(Document.case_id, func.max(Document.updated_at).label("changed"),
                   func.count(Document.id).label("n")).group_by(Document.case_id).subquery())
    events = (select(Event.case_id, func.max(Event.id).label("last"), func.count(Event.id).label("n"))
              .group_by(Event.case_id).subquery())
    return (select(Case.id, Case.updated_at, docs.c.changed, func.coalesce(docs.c.n, 0), events.c.last,
                   func.coalesce(events.c.n, 0))
            .where(Case.id.in_(ids))
            .outerjoin(docs, docs.c.case_id == Case.id)
            .outerjoin(events, events.c.case_id == Case.id))


def stale(uow: UnitOfWork) -> list[int]:
    """The open cases whose deadlines are missing or were computed from another state of the case: compared in
    SQL, column by column."""
    now = _state(_open_cases(uow)).subquery()
    mark = DeadlineMark
    return list(uow.session.scalars(
        select(now.c.id).outerjoin(mark, mark.case_id == now.c.id)
        .where(or_(mark.case_id.is_(None), mark.context != _context_key(uow),
                   mark.case_updated.is_distinct_from(now.c.updated_at),
                   mark.documents_changed.is_distinct_from(now.c.changed),
                   mark.documents != now.c[3], mark.events_last.is_distinct_from(now.c.last),
                   mark.events != now.c[5]))
        .order_by(now.c.id)))


def refresh(uow: UnitOfWork, case_ids: list[int], today: date) -> None:
    """Compute the deadlines of ``case_ids`` again from their snapshots, and mark them with their state."""
    from desk.services.calendar_admin import calendar
    from desk.services.cases import load_casefile

    cal, key = calendar(uow.session), _context_key(uow)
    for start in range(0, len(case_ids), BATCH):
        chunk = case_ids[start:start + BATCH]
        states = uow.session.execute(_state(select(Case.id).where(Case.id.in_(chunk)))).all()
        uow.session.execute(delete(CaseDeadline).where(CaseDeadline.case_id.in_(chunk)))
        uow.session.execute(delete(DeadlineMark).where(DeadlineMark.case_id.in_(chunk)))
        for case_id, updated, changed, documents, events_last, events in states:
            cf = load_casefile(uow, case_id)
            for d in upcoming(cf, cal, today):
                uow.session.add(CaseDeadline(case_id=case_id, rule=d.rule, due=d.due, document=d.document,
                                             provisional=d.provisional, missing_year=d.missing_year))
            uow.session.add(DeadlineMark(case_id=case_id, case_updated=updated, documents_changed=changed,
                                         documents=documents, events_last=events_last, events=events,
                                         context=key))
        uow.session.flush()
        uow.session.expunge_all()


def due_soon(uow: UnitOfWork, *, until: date, today: date, week_end: date, limit: int) -> DueList:
    """The deadlines of open cases due by ``until`` (overdue and not countable ones too), soonest first."""
    lang = config.language()
    within = (select(CaseDeadline, Case.number, Case.party_name).join(Case, Case.id == CaseDeadline.case_id)
              .where(Case.id.in_(_open_cases(uow)), or_(CaseDeadline.due.is_(None), CaseDeadline.due <= until)))
    counts = within.subquery()
    total, overdue, undated = uow.session.execute(select(
        func.count(), func.coalesce(func.sum(case((counts.c.due < today, 1), else_=0)), 0),
        func.coalesce(func.sum(case((counts.c.due.is_(None), 1), else_=0)), 0))).one()
    week = frozenset(uow.session.scalars(select(counts.c.case_id).where(counts.c.due <= week_end).distinct()))
    rows = uow.session.execute(within.order_by(CaseDeadline.due.is_not(None), CaseDeadline.due, CaseDeadline.case_id)
                               .limit(limit)).all()
    order = list(WHAT)
    items = [Due(d.case_id, number or "", party, _deadline(d, today, lang)) for d, number, party in rows]
    items.sort(key=lambda i: (i.deadline.due or date.min, i.case_id, order.index(i.deadline.rule)))
    return DueList(tuple(items), int(total), int(overdue), int(undated), week)


def _deadline(row: CaseDeadline, today: date, lang: str) -> Deadline:
    from desk.i18n import gettext

    if row.missing_year is not None:
        return not_countable(row.rule, row.missing_year, lang)
    return Deadline(gettext(WHAT[row.rule], lang), row.due, row.rule, row.document,
                    row.due is not None and row.due < today, row.provisional)
