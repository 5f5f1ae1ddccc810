"""What an open case must do next, and by when: the deadlines the rules will later judge.

Each deadline is computed by the same functions the rules use (``periods``), so the list and the check
never disagree. A deadline that runs into a year without holiday data is listed without a date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desk import config
from desk.casefile.facts import CaseFile, Document
from desk.errors import MESSAGES, CalendarMissing
from desk.i18n import gettext
from desk.procedure import periods
from desk.procedure.calendar import Calendar
from desk.procedure.context import TRANSFERS, Context
from desk.procedure.messages import render
from desk.procedure.ruleset import rules


@dataclass(frozen=True)
class Deadline:
    what: str
    due: date | None
    rule: str
    document: str | None = None
    overdue: bool = False
    provisional: bool = False  # counted on a provisional calendar (推定): recomputed when the notice is imported
    missing_year: int | None = None  # not countable: the year without holiday data


Due = tuple[date | None, Document | None] | None


def _hearing_request(ctx: Context) -> Due:
    told = [d for d in periods.hearing_told(ctx) if d.served_on]
    if not told or ctx.decision_date or ctx.cf.events_of("hearing_requested", "hearing_waived"):
        return None
    start = periods.hearing_window_start(ctx)
    return (periods.hearing_request_end(ctx, start[1]), start[0]) if start else None


def _statement(ctx: Context) -> Due:
    served = periods.notices_served(ctx)
    if not served or ctx.decision_date or ctx.cf.events_of("statement_waived"):
        return None
    notice, on = served[-1]
    return periods.statement_end(ctx, on), notice


def _decision(ctx: Context) -> Due:
    if not ctx.general or ctx.outcome in TRANSFERS or ctx.decision_date:
        return None
    due = periods.decision_limit(ctx)
    return (due, None) if due else None


def _service(ctx: Context) -> Due:
    unserved = [d for d in ctx.cf.issued_of("penalty_decision", "no_penalty_decision") if d.served_on is None]
    return (periods.service_due(ctx, unserved[-1]), unserved[-1]) if unserved else None


def _payment(ctx: Context) -> Due:
    decision = ctx.decision
    if ctx.outcome != "penalty" or not ctx.cf.case.penalty.fine or decision is None or decision.served_on is None:
        return None
    if periods.fine_paid_on(ctx) or ctx.cf.events_of("installment_approved"):
        return None
    return periods.payment_due(ctx, decision), decision


def _publication(ctx: Context) -> Due:
    decision = ctx.decision
    if not ctx.general or ctx.outcome != "penalty" or decision is None or decision.kind != "penalty_decision":
        return None
    if ctx.cf.events_of("published"):
        return None
    return periods.publication_due(ctx, decision), decision


CANDIDATES: tuple[tuple[str, str, Callable[[Context], Due]], ...] = (
    ("R-HEARING-HELD", "Last day to ask for a hearing", _hearing_request),
    ("R-NOTICE-WAIT", "End of the period to state and defend", _statement),
    ("R-DECISION-90D", "Time limit for the decision", _decision),
    ("R-SERVICE-7D", "Last day to serve the decision", _service),
    ("R-PAYMENT", "Last day to pay the fine", _payment),
    ("R-PUBLISH", "Last day to publish the decision", _publication),
)


WHAT = {rule: what for rule, what, _ in CANDIDATES}


def not_countable(rule: str, year: int, lang: str) -> Deadline:
    """The deadline of ``rule`` that runs into ``year``, a year without holiday data."""
    return Deadline(render(MESSAGES["calendar_missing"], {"year": year}, lang), None, rule, missing_year=year)


def upcoming(cf: CaseFile, calendar: Calendar, today: date) -> list[Deadline]:
    """The open deadlines of a case not yet closed, earliest first (passed ones marked overdue)."""
    ctx = Context(cf, calendar, today, rules())
    if ctx.closed_on is not None:
        return []
    lang = config.language()
    out = []
    for rule, what, compute in CANDIDATES:
        try:
            found = compute(ctx)
        except CalendarMissing as missing:
            out.append(not_countable(rule, missing.year, lang))
            continue
        due, doc = found or (None, None)
        if due is not None:
            out.append(Deadline(gettext(what, lang), due, rule, doc.reference if doc else None, due < today,
                                calendar.is_provisional(due)))
    return sorted(out, key=lambda d: d.due or date.min)
