"""Discretion: R-DISCRETION-LAW, R-DISCRETION-TIER (discretion.md).

Both read the standard the case cites from ``cf.cited`` (resolved by the service that built the
snapshot); a snapshot nobody resolved, or a case with no loaded standard and no cited item, is not
judged. A case that cites no item is found wanting only when the standard has an item for its act (the
reviewer can then pick one); an act the standard does not cover leaves nothing to pick.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from desk.casefile.derived import field_amount
from desk.procedure.context import Context
from desk.procedure.messages import Term
from desk.procedure.registry import Params, Violation, predicate, violation

SUBJECT_TERMS = {"person": "persons", "organization": "organisations", "any": "any party"}


def _fine(ctx: Context, kinds: list[str]) -> Decimal | None:
    """The decided fine: the decision's own field when it has one, else the case's penalty."""
    decision = ctx.decision
    if decision is not None and decision.kind in kinds and decision.fields:
        amount = field_amount(decision.fields.get("fine"))
        if amount is not None:
            return amount
    return ctx.cf.case.penalty.fine


def _effects(ctx: Context) -> set[str]:
    return {c.effect for c in ctx.cf.case.discretion.circumstances}


@predicate("R-DISCRETION-LAW")
def discretion_law(ctx: Context, p: Params) -> Iterator[Violation]:
    cited = ctx.cf.cited
    if cited is None or cited.item is None or ctx.decision_date is None or ctx.outcome != "penalty":
        return
    fine = _fine(ctx, p["kinds"])
    if fine is None:
        return
    item = cited.item
    docs = [ctx.decision] if ctx.decision else []
    if fine > item.statutory_max:
        yield violation("above", docs=docs, fine=fine, maximum=item.statutory_max, item=item.id, act=item.act)
    elif fine < item.statutory_min and p["below_minimum"] not in _effects(ctx):
        yield violation("below", docs=docs, fine=fine, minimum=item.statutory_min, item=item.id, act=item.act)


@predicate("R-DISCRETION-TIER")
def discretion_tier(ctx: Context, p: Params) -> Iterator[Violation]:
    cited, d = ctx.cf.cited, ctx.cf.case.discretion
    decided = ctx.decision_date
    if cited is None or decided is None or not ctx.general or ctx.outcome != "penalty":
        return
    if not d.item:
        if cited.matches:  # the standard has an item for the act: the decision must say which it applied
            yield violation("no_item", items="、".join(dict.fromkeys(i.id for i in cited.matches)))
        return
    if cited.item is None or cited.standard is None:
        yield violation("unknown", item=d.item, version=d.version or "")
        return
    item = cited.item
    if not cited.standard.in_force(decided):
        current = [s.version for s in cited.versions if s.in_force(decided)]
        yield violation("not_in_force", version=cited.standard.version, date=decided,
                        current="、".join(current) or Term("none"))
    party = ctx.party
    if party is not None and not item.applies_to(party.kind, ctx.settings.individual_business_as_organization):
        yield violation("subject", item=item.id, subject=Term(SUBJECT_TERMS[item.subject]))
    tier = item.tier(d.level)
    if tier is None:
        yield violation("no_tier", item=item.id, level=d.level, levels="、".join(t.level for t in item.tiers))
        return
    fine = _fine(ctx, p["kinds"])
    if fine is None or tier.fine_min is None or tier.fine_max is None or tier.contains(fine):
        return
    explains = p["below"] if fine < tier.fine_min else p["above"]
    if not _effects(ctx) & set(explains):
        yield violation("outside", docs=[ctx.decision] if ctx.decision else [], fine=fine, level=tier.level,
                        minimum=tier.fine_min, maximum=tier.fine_max)
