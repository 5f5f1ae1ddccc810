"""The deadlines of a case, computed once for the rules that judge them and the view that lists them.

Each function may raise ``CalendarMissing`` when a period runs into a year without holiday data.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from desk.casefile.facts import Document
from desk.procedure.context import Context


def notices_served(ctx: Context, before: date | None = None) -> list[tuple[Document, date]]:
    """Issued prior notices with their effective service date (on or before ``before``), oldest first."""
    out = []
    for notice in ctx.cf.issued_of("penalty_prior_notice"):
        served = ctx.served(notice)
        if served is not None and (before is None or served <= before):
            out.append((notice, served))
    return sorted(out, key=lambda pair: pair[1])


def statement_end(ctx: Context, served: date) -> date:
    """Last day of the period to state and defend after the notice took effect on ``served``."""
    return ctx.calendar.add_working_days(served, ctx.settings.statement_working_days)


def hearing_told(ctx: Context) -> list[Document]:
    """Issued documents that told the party of the right to a hearing."""
    told = ctx.cf.issued_of("hearing_right_notice")
    told += [
        n
        for n in ctx.cf.issued_of("penalty_prior_notice")
        if n.hearing_right or (n.fields or {}).get("hearing_right") is True
    ]
    return told


def hearing_window_start(ctx: Context) -> tuple[Document, date] | None:
    """The notice the hearing-request period runs from (one that told of the right, else the prior notice)."""
    for docs in (hearing_told(ctx), [n for n, _ in notices_served(ctx)]):
        served = sorted(((d, s) for d in docs if (s := ctx.served(d)) is not None), key=lambda pair: pair[1])
        if served:
            return served[0]
    return None


def hearing_request_end(ctx: Context, served: date) -> date:
    """Last day to ask for a hearing after the notice of the right took effect on ``served``."""
    return ctx.calendar.add_working_days(served, ctx.settings.hearing_request_working_days)


def nominal_decision_limit(ctx: Context) -> date | None:
    """90 days after filing plus the extensions approved in time, before a rest-day end moves to the next
    working day. Needs the holiday calendar only when an extension comes after the nominal end."""
    filed = ctx.filing_date
    if filed is None:
        return None
    end = filed + timedelta(days=int(ctx.params("R-DECISION-90D")["days"]))
    for extension in ctx.cf.events_of("extension_approved"):
        if extension.on <= end or extension.on <= ctx.calendar.next_working_day(end):
            end += timedelta(days=extension.days or ctx.settings.extension_days)
    return end


def decision_limit(ctx: Context) -> date | None:
    """Last day for the decision (a limit ending on a rest day ends on the next working day)."""
    end = nominal_decision_limit(ctx)
    return None if end is None else ctx.calendar.next_working_day(end)


def service_due(ctx: Context, decision: Document) -> date | None:
    """Last day to serve a decision not handed over on its date."""
    if decision.issued_on is None:
        return None
    return ctx.calendar.add_working_days(decision.issued_on, int(ctx.params("R-SERVICE-7D")["working_days"]))


def payment_due(ctx: Context, decision: Document) -> date | None:
    """Last day to pay the fine after the decision took effect."""
    served = ctx.served(decision)
    if served is None:
        return None
    return ctx.calendar.period_end(served, days=int(ctx.params("R-PAYMENT")["days"]))


def publication_due(ctx: Context, decision: Document) -> date | None:
    """Last day to publish a general-procedure penalty decision."""
    if decision.issued_on is None:
        return None
    return ctx.calendar.add_working_days(decision.issued_on, ctx.settings.publication_working_days)


def fine_paid_on(ctx: Context, until: date | None = None) -> date | None:
    """The day the fine was paid in full (payments on or before ``until``), or None."""
    fine = ctx.cf.case.penalty.fine or Decimal(0)
    total = Decimal(0)
    for paid in ctx.cf.events_of("paid"):
        if until is not None and paid.on > until:
            break
        total += paid.amount if paid.amount is not None else fine
        if total >= fine:
            return paid.on
    return None
