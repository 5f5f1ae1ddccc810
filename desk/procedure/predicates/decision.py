"""Review and decision: R-LEGAL-REVIEW, R-COLLECTIVE, R-DECISION-90D."""

from __future__ import annotations

from collections.abc import Iterator

from desk.procedure.context import NO_PENALTY, TRANSFERS, Context
from desk.procedure.messages import KindName, Term
from desk.procedure.periods import nominal_decision_limit
from desk.procedure.registry import Params, Violation, predicate, violation


@predicate("R-LEGAL-REVIEW")
def legal_review(ctx: Context, p: Params) -> Iterator[Violation]:
    decided = ctx.decision_date
    if decided is None or not ctx.general:
        return
    heard = bool(ctx.cf.events_of("hearing_held") or ctx.cf.issued_of("hearing_record"))
    if not (ctx.cf.case.major or heard):
        return
    reason = Term("a major case") if ctx.cf.case.major else Term("a case that went through a hearing")
    reviews = [r for r in ctx.cf.issued_of(p["kind"]) if r.issued_on and r.issued_on <= decided]
    reports = [r.issued_on for r in ctx.cf.issued_of("hearing_report") if r.issued_on]
    if not reviews:
        yield violation("missing", kind=KindName(p["kind"]), reason=reason, date=decided)
    elif reports and all(r.issued_on and r.issued_on < reports[-1] for r in reviews):
        yield violation("before_report", docs=reviews, due=reports[-1], actual=reviews[-1].issued_on)


def _collective_reason(ctx: Context, p: Params) -> Term | None:
    if ctx.cf.case.complex:
        return Term("a complex case")
    if ctx.settings.no_penalty_needs_collective:
        if ctx.outcome in NO_PENALTY:
            return Term("a decision not to penalise")
        discretion = ctx.cf.case.discretion
        if discretion.level.strip() in p["mitigated_levels"] or "减轻" in {c.effect for c in discretion.circumstances}:
            return Term("a penalty mitigated below the minimum")
    return None


@predicate("R-COLLECTIVE")
def collective(ctx: Context, p: Params) -> Iterator[Violation]:
    decided = ctx.decision_date
    reason = _collective_reason(ctx, p)
    if decided is None or not ctx.general or reason is None:
        return
    records = [r for r in ctx.cf.issued_of(p["kind"]) if r.issued_on and r.issued_on <= decided]
    if not records:
        yield violation("missing", kind=KindName(p["kind"]), reason=reason, date=decided)
        return
    listed = [(r.fields or {}).get(p["leaders_field"]) for r in records]
    counts = [len(names) for names in listed if isinstance(names, list)]
    counts += [len(e.leaders or ()) for e in ctx.cf.events_of("collective_discussion") if e.on <= decided]
    leaders = max(counts, default=0)
    if leaders < int(p["min_leaders"]):
        yield violation("leaders", docs=records, count=leaders, minimum=int(p["min_leaders"]))


@predicate("R-DECISION-90D")
def decision_90d(ctx: Context, p: Params) -> Iterator[Violation]:
    if not ctx.general or ctx.outcome in TRANSFERS:
        return
    nominal = nominal_decision_limit(ctx)
    decided = ctx.decision_date
    # within the nominal 90 days (or not yet past them) is lawful whatever the holiday calendar says
    if nominal is None or (decided <= nominal if decided else not ctx.overdue(nominal)):
        return
    due = ctx.calendar.next_working_day(nominal)
    if decided is None:
        if ctx.overdue(due):
            yield violation("none", due=due)
    elif decided > due:
        yield violation("late", docs=[ctx.decision] if ctx.decision else [], due=due, actual=decided)
