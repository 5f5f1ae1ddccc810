"""Transfer and closing: R-CRIMINAL-TRANSFER, R-JURISDICTION-TRANSFER, R-CLOSING, R-COMPLETE."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desk.procedure.context import NO_PENALTY, TRANSFERS, Context
from desk.procedure.messages import KindName, OneOf
from desk.procedure.periods import fine_paid_on
from desk.procedure.predicates.execution import applications
from desk.procedure.registry import Params, Violation, predicate, violation


@predicate("R-CRIMINAL-TRANSFER", "R-JURISDICTION-TRANSFER")
def transfer(ctx: Context, p: Params) -> Iterator[Violation]:
    if ctx.outcome != p["outcome"]:
        return
    if not ctx.cf.issued_of(p["letter"]):
        yield violation("letter", kind=KindName(p["letter"]))
    if not ctx.cf.events_of(p["receipt_event"]):
        yield violation("receipt")
    instead = ctx.cf.issued_of(*p["instead"])
    if instead:
        yield violation("instead", docs=instead)


def ended_on(ctx: Context) -> date | None:
    """The day the case's outcome was carried out (penalty executed, decision served, transfer received)."""
    cf = ctx.cf
    if ctx.outcome in TRANSFERS:
        received = cf.events_of("transfer_receipt") or cf.events_of("transferred")
        return received[0].on if received else None
    decision = ctx.decision
    served = ctx.served(decision) if decision else None
    if ctx.outcome == "penalty" and cf.case.penalty.fine:
        enforced = [a.on for a in applications(ctx)]
        return min(filter(None, [fine_paid_on(ctx), *enforced]), default=None)
    return served


@predicate("R-CLOSING")
def closing(ctx: Context, p: Params) -> Iterator[Violation]:
    closed = ctx.cf.events_of("closed")
    if not closed:
        yield violation("not_closed")
        return
    approvals = ctx.cf.issued_of(p["approval"])
    if ctx.general and not approvals:
        yield violation("no_approval", kind=KindName(p["approval"]))
    if ctx.outcome == "pending":
        return
    ended = ended_on(ctx)
    closed_on = min([closed[-1].on, *(a.issued_on for a in approvals if a.issued_on)])
    if ended is None:
        yield violation("not_ended", events=closed[-1:], actual=closed_on)
    elif closed_on < ended:
        yield violation("early", events=closed[-1:], docs=approvals, due=ended, actual=closed_on)


@predicate("R-COMPLETE")
def complete(ctx: Context, p: Params) -> Iterator[Violation]:
    if ctx.outcome == "pending" and ctx.general:
        yield violation("pending")
        return
    key = "summary" if not ctx.general else ("no_penalty" if ctx.outcome in NO_PENALTY else ctx.outcome)
    groups: list[list[str]] = p["required"][key]
    if key == "no_penalty" and not ctx.settings.no_penalty_needs_notice:
        groups = [g for g in groups if g != [p["notice"]]]
    missing = [OneOf(tuple(g)) for g in groups if not ctx.cf.issued_of(*g)]
    if missing:
        yield violation("missing", kinds=tuple(missing))
