"""Execution and publication: R-PAYMENT, R-DEMAND-FIRST, R-ENFORCE-WINDOW, R-PUBLISH."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from desk.casefile.facts import Document, Event
from desk.procedure.context import Context
from desk.procedure.messages import KindName
from desk.procedure.periods import fine_paid_on, payment_due, publication_due
from desk.procedure.registry import Params, Violation, predicate, violation


@dataclass(frozen=True)
class Application:
    """An application for enforcement: the court application document, else the ``enforcement_applied`` event."""

    on: date
    document: Document | None = None
    event: Event | None = None


def applications(ctx: Context) -> list[Application]:
    court = ctx.cf.issued_of("court_enforcement_application")
    docs = [Application(d.issued_on, document=d) for d in court if d.issued_on]
    return docs or [Application(e.on, event=e) for e in ctx.cf.events_of("enforcement_applied")]


def _violation(app: Application, message: str, due: date | None = None, **values: object) -> Violation:
    docs, events = [app.document] if app.document else [], [app.event] if app.event else []
    return violation(message, docs=docs, events=events, due=due, actual=app.on, values=values)


@predicate("R-PAYMENT")
def payment(ctx: Context, p: Params) -> Iterator[Violation]:
    fine, decision = ctx.cf.case.penalty.fine, ctx.decision
    if ctx.outcome != "penalty" or not fine or decision is None:
        return
    due = payment_due(ctx, decision)
    if due is None or fine_paid_on(ctx, until=due) is not None:
        return
    if ctx.cf.events_of("installment_approved") or ctx.cf.issued_of(*p["deferral"]) or ctx.cf.issued_of(p["demand"]):
        return
    if ctx.overdue(due):
        paid = ctx.cf.events_of("paid")
        yield violation("unpaid", docs=[decision], due=due, actual=paid[-1].on if paid else None, fine=fine,
                        demand=KindName(p["demand"]))


@predicate("R-DEMAND-FIRST")
def demand_first(ctx: Context, p: Params) -> Iterator[Violation]:
    served = [s for d in ctx.cf.issued_of(p["demand"]) if (s := ctx.served(d)) is not None]
    for app in applications(ctx):
        if not served:
            yield _violation(app, "no_demand", demand=KindName(p["demand"]))
            continue
        # 行政强制法 Art 54 + Art 69: the 10 days of the 催告书 are working days; enforcement only after them
        earliest = min(ctx.calendar.add_working_days(s, int(p["days"])) for s in served) + timedelta(days=1)
        if app.on < earliest:
            yield _violation(app, "early", due=earliest, days=int(p["days"]))


@predicate("R-ENFORCE-WINDOW")
def enforce_window(ctx: Context, p: Params) -> Iterator[Violation]:
    decision = ctx.decision
    served = ctx.served(decision) if decision else None
    apps = [a for a in applications(ctx) if a.document is not None]
    if served is None or not apps:
        return
    remedies_end = ctx.calendar.period_end(served, months=int(p["remedy_months"]))
    window_end = ctx.calendar.period_end(remedies_end, months=int(p["window_months"]))
    for app in apps:
        if app.on <= remedies_end:
            yield _violation(app, "early", due=remedies_end + timedelta(days=1), end=remedies_end)
        elif app.on > window_end:
            yield _violation(app, "late", due=window_end)


@predicate("R-PUBLISH")
def publish(ctx: Context, p: Params) -> Iterator[Violation]:
    decision = ctx.decision
    if not ctx.general or ctx.outcome != "penalty" or decision is None or decision.kind != p["kind"]:
        return
    due = publication_due(ctx, decision)
    if due is None:
        return
    published = ctx.cf.events_of("published")
    if not published:
        if ctx.overdue(due):
            yield violation("missing", docs=[decision], due=due)
    elif published[0].on > due:
        yield violation("late", docs=[decision], events=published[:1], due=due, actual=published[0].on)
