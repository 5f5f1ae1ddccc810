"""Hearing: R-HEARING-RIGHT, R-HEARING-HELD, R-HEARING-7D, R-HEARING-LATE."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desk.casefile.facts import Event
from desk.procedure.context import Context
from desk.procedure.messages import kind_names, penalty_kinds
from desk.procedure.periods import hearing_request_end, hearing_told, hearing_window_start
from desk.procedure.registry import Params, Violation, predicate, violation


def hearing_reason(ctx: Context) -> tuple[str, dict[str, object]] | None:
    """Why the decided penalty gives the party the right to a hearing (message key and values), or None."""
    if not ctx.general or ctx.outcome != "penalty":
        return None
    penalty = ctx.cf.case.penalty
    settings = ctx.settings
    org = ctx.counts_as_organization
    threshold = settings.hearing_threshold_organization if org else settings.hearing_threshold_person
    if penalty.fine is not None and penalty.fine >= threshold:
        return "fine", {"amount": penalty.fine, "threshold": threshold}
    if penalty.confiscated is not None and penalty.confiscated >= threshold:
        return "confiscation", {"amount": penalty.confiscated, "threshold": threshold}
    heavy = [k for k in penalty.kinds if k in ctx.params("R-HEARING-RIGHT")["kinds"]]
    if heavy:
        return "kind", {"kinds": penalty_kinds(heavy)}
    return None


@predicate("R-HEARING-RIGHT")
def hearing_right(ctx: Context, p: Params) -> Iterator[Violation]:
    reason = hearing_reason(ctx)
    if reason is not None and not hearing_told(ctx):
        key, values = reason
        yield violation(key, docs=ctx.cf.issued_of("penalty_prior_notice"), values=values)


def _requests(ctx: Context) -> tuple[list[Event], list[Event], date | None]:
    """Hearing requests made in time and late, and the last day to ask (None: no notice to count from)."""
    requests = ctx.cf.events_of("hearing_requested")
    start = hearing_window_start(ctx)
    if start is None or not requests:
        return requests, [], None
    end = hearing_request_end(ctx, start[1])
    return [r for r in requests if r.on <= end], [r for r in requests if r.on > end], end


@predicate("R-HEARING-HELD")
def hearing_held(ctx: Context, p: Params) -> Iterator[Violation]:
    timely, _, _ = _requests(ctx)
    if not timely:
        return
    request = timely[0]
    if any(w.on >= request.on for w in ctx.cf.events_of("hearing_waived")):
        return
    missing = [k for k in p["documents"] if not ctx.cf.issued_of(k)]
    decided = ctx.decision_date
    if missing:
        if decided is not None or ctx.closed_on is not None:
            yield violation("not_held", events=[request], kinds=kind_names(missing))
        return
    reports = ctx.cf.issued_of(p["report"])
    report_on = reports[-1].issued_on
    if decided is not None and report_on is not None and decided < report_on:
        yield violation("before_report", docs=reports[-1:], due=report_on, actual=decided)


@predicate("R-HEARING-7D")
def hearing_notice_period(ctx: Context, p: Params) -> Iterator[Violation]:
    held = ctx.cf.events_of("hearing_held")
    records = [r.issued_on for r in ctx.cf.issued_of("hearing_record") if r.issued_on]
    hearing_on = held[0].on if held else (records[0] if records else None)
    if hearing_on is None:
        return
    for notice in ctx.cf.issued_of(p["notice"]):
        served = ctx.served(notice)
        if served is None:
            continue
        due = ctx.calendar.add_working_days(served, int(p["working_days"]))
        if hearing_on < due:
            yield violation("short", docs=[notice], due=due, actual=hearing_on, served=served)


@predicate("R-HEARING-LATE")
def hearing_late(ctx: Context, p: Params) -> Iterator[Violation]:
    _, late, end = _requests(ctx)
    answers = [a.issued_on for a in ctx.cf.issued_of(p["answer"]) if a.issued_on]
    for request in late:
        if not any(on >= request.on for on in answers):
            yield violation("unanswered", events=[request], due=end, actual=request.on, kinds=kind_names([p["answer"]]))
