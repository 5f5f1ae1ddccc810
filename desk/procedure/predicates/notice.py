"""Notice and statement: R-NOTICE, R-NOTICE-WAIT, R-NOTICE-SINGLE, R-NO-HEAVIER, R-STATEMENT-REVIEW."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

from desk.casefile.derived import field_amount
from desk.procedure.context import NO_PENALTY, Context, field_text
from desk.procedure.messages import KindName, Term, penalty_kinds
from desk.procedure.periods import hearing_request_end, hearing_told, notices_served, statement_end
from desk.procedure.predicates.hearing import hearing_reason
from desk.procedure.registry import Params, Violation, predicate, violation

# "5000-10000元", "五千至一万", "警告或者罚款": a range or a choice instead of one penalty
_RANGE = re.compile(r"[\d〇一二三四五六七八九十百千万]\s*(?:-|－|~|～|—|至|到)\s*[\d〇一二三四五六七八九十百千万]|或")


def _needs_notice(ctx: Context) -> bool:
    return ctx.general and (
        ctx.outcome == "penalty" or (ctx.outcome in NO_PENALTY and ctx.settings.no_penalty_needs_notice)
    )


@predicate("R-NOTICE")
def notice(ctx: Context, p: Params) -> Iterator[Violation]:
    decided = ctx.decision_date
    if decided is None or not _needs_notice(ctx):
        return
    notices = ctx.cf.issued_of(p["kind"])
    if not notices:
        yield violation("missing", kind=KindName(p["kind"]), date=decided)
    elif not notices_served(ctx, before=decided - timedelta(days=1)):
        yield violation("not_served", docs=notices, actual=decided, date=decided)


@predicate("R-NOTICE-WAIT")
def notice_wait(ctx: Context, p: Params) -> Iterator[Violation]:
    decided = ctx.decision_date
    served_notices = notices_served(ctx, before=decided)
    if decided is None or not _needs_notice(ctx) or not served_notices:
        return
    notice_doc, served = served_notices[-1]
    waived = {e.type for e in ctx.cf.events_of("statement_waived", "hearing_waived")}
    ends = []
    if "statement_waived" not in waived:
        ends.append((statement_end(ctx, served), Term("the period to state and defend")))
    if "hearing_waived" not in waived and (hearing_reason(ctx) is not None or hearing_told(ctx)):
        told = [s for d in hearing_told(ctx) if (s := ctx.served(d)) is not None and s <= decided]
        ends.append((hearing_request_end(ctx, max([served, *told])), Term("the period to ask for a hearing")))
    if not ends:
        return
    end, period = max(ends, key=lambda pair: pair[0])
    if decided <= end:
        docs = [notice_doc, *([ctx.decision] if ctx.decision else [])]
        yield violation("early", docs=docs, due=end + timedelta(days=1), actual=decided, period=period, end=end)


@predicate("R-NOTICE-SINGLE")
def notice_single(ctx: Context, p: Params) -> Iterator[Violation]:
    if not ctx.general or ctx.outcome != "penalty":
        return
    for event in ctx.cf.events_of("notified"):
        if "fine" in (event.kinds or ctx.cf.case.penalty.kinds) and event.amount is None:
            yield violation("no_amount", events=[event])
    for doc in ctx.cf.documents_of(p["kind"]):
        for name in p["fields"]:
            value = field_text((doc.fields or {}).get(name))
            if _RANGE.search(value):
                yield violation("range", docs=[doc], value=value)


def _notified(ctx: Context) -> tuple[Decimal | None, tuple[str, ...] | None]:
    """The notified fine and kinds: the latest ``notified`` event before the decision, else the notice's fields."""
    decided = ctx.decision_date
    events = [e for e in ctx.cf.events_of("notified") if decided is None or e.on <= decided]
    if events:
        return events[-1].amount, events[-1].kinds
    notices = ctx.cf.issued_of("penalty_prior_notice")
    fields = (notices[-1].fields or {}) if notices else {}
    kinds = fields.get("penalty_kinds")
    return field_amount(fields.get("fine")), tuple(map(str, kinds)) if isinstance(kinds, list) else None


@predicate("R-NO-HEAVIER")
def no_heavier(ctx: Context, p: Params) -> Iterator[Violation]:
    if not ctx.general or ctx.outcome != "penalty" or ctx.decision_date is None:
        return
    fine, kinds = _notified(ctx)
    decided_fields = (ctx.decision.fields or {}) if ctx.decision else {}
    decided_fine = field_amount(decided_fields.get("fine")) or ctx.cf.case.penalty.fine
    listed = decided_fields.get("penalty_kinds")
    decided_kinds = tuple(map(str, listed)) if isinstance(listed, list) else ctx.cf.case.penalty.kinds
    docs = [ctx.decision] if ctx.decision else []
    if fine is not None and decided_fine is not None and decided_fine > fine:
        yield violation("fine", docs=docs, decided=decided_fine, notified=fine)
    if kinds is not None:
        extra = [k for k in decided_kinds if k not in kinds]
        if extra:
            yield violation("kinds", docs=docs, kinds=penalty_kinds(extra))


@predicate("R-STATEMENT-REVIEW")
def statement_review(ctx: Context, p: Params) -> Iterator[Violation]:
    decided = ctx.decision_date
    if decided is None or not ctx.general:
        return
    events = [e for e in ctx.cf.events_of("statement") if e.on <= decided]
    records = [r for r in ctx.cf.issued_of(p["record"]) if r.issued_on and r.issued_on <= decided]
    dates = [e.on for e in events] + [r.issued_on for r in records if r.issued_on]
    if not dates:
        return
    last = max(dates)
    reviews = [r for r in ctx.cf.issued_of(p["review"]) if r.issued_on and last <= r.issued_on <= decided]
    if not reviews:
        yield violation("missing", docs=records, events=events, kind=KindName(p["review"]), date=decided)
