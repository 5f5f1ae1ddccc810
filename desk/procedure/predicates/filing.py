"""Filing and investigation: R-FILING, R-EVIDENCE-RECORD, R-PRESERVATION-7D, R-RECTIFY-REVIEW."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desk.casefile.facts import Document
from desk.catalogue import catalogue
from desk.procedure.context import Context, field_text
from desk.procedure.messages import KindName, OneOf
from desk.procedure.registry import Params, Violation, predicate, violation


@predicate("R-FILING")
def filing(ctx: Context, p: Params) -> Iterator[Violation]:
    if not ctx.general:
        return
    if not ctx.cf.issued_of(p["kind"]) and ctx.outcome not in p["exempt_outcomes"]:
        yield violation("missing", kind=KindName(p["kind"]))
    filed = ctx.filing_date
    if filed is None:
        return
    first = ctx.cf.issued_of(p["first_allowed"])[:1]
    early = [
        d
        for d in ctx.cf.issued_of(*(k.id for k in catalogue().values() if k.step in p["steps"]))
        if d.issued_on is not None and d.issued_on < filed and not any(d is f for f in first)
    ]
    if early:
        yield violation("early", docs=early, filed=filed, kinds=tuple(KindName(d.kind) for d in early))


@predicate("R-EVIDENCE-RECORD")
def evidence_record(ctx: Context, p: Params) -> Iterator[Violation]:
    if ctx.general and ctx.outcome not in p["exempt_outcomes"] and not ctx.cf.issued_of(*p["kinds"]):
        yield violation("missing", kinds=OneOf(tuple(p["kinds"])))


@predicate("R-PRESERVATION-7D")
def preservation(ctx: Context, p: Params) -> Iterator[Violation]:
    disposals = ctx.cf.issued_of(p["disposal"])
    for notice in ctx.cf.issued_of(p["notice"]):
        if notice.issued_on is None:
            continue
        due = ctx.calendar.add_working_days(notice.issued_on, int(p["working_days"]))
        handled = [d for d in disposals if d.issued_on is not None and d.issued_on >= notice.issued_on]
        if not handled:
            if ctx.overdue(due):
                yield violation("missing", docs=[notice], due=due, kind=KindName(p["disposal"]))
        elif handled[0].issued_on is not None and handled[0].issued_on > due:
            yield violation("late", docs=[notice, handled[0]], due=due, actual=handled[0].issued_on)


def _deadline(order: Document, field: str) -> date | None:
    value = (order.fields or {}).get(field)
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(field_text(value))
    except ValueError:
        return order.served_on


@predicate("R-RECTIFY-REVIEW")
def rectify_review(ctx: Context, p: Params) -> Iterator[Violation]:
    reviews = [r.issued_on for r in ctx.cf.issued_of(p["review"]) if r.issued_on is not None]
    excused = any(field_text((c.fields or {}).get(p["excuse_field"])) for c in ctx.cf.issued_of(p["closing"]))
    for order in ctx.cf.issued_of(p["order"]):
        deadline = _deadline(order, p["deadline_field"])
        if deadline is None or excused or any(r > deadline for r in reviews):
            continue
        if ctx.overdue(deadline):
            yield violation("missing", docs=[order], due=deadline, kind=KindName(p["review"]))
