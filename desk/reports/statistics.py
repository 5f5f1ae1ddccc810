"""The enforcement statistics of a month or a year (CLI.md ``desk stats --json``).

One SQL aggregate over the cases' milestones, grouped by squad, cause, procedure, outcome and heaviest
penalty kind (a few hundred rows for a year's work, whatever the number of cases), folded into the
contract's tables; paid amounts are one more sum over ``paid`` events. A case counts once in
``penalties``, under its heaviest kind in 行政处罚法 Art 9's order (``case.penalty.kinds`` of
case-format.md), and every kind is present.

Definitions (each a date in the period): ``filed`` — the case was filed (立案); a case handled without a
filing (当场处罚, a transfer before filing) counts as filed on its decision or transfer; ``closed`` — closed
(结案); ``decided`` — a penalty or no-penalty decision, split into ``summary``/``general``; ``fines``,
``confiscated`` — decided in the period; ``paid`` — paid in it; ``hearings`` — hearings held;
``transfers`` — cases transferred, by outcome; ``by_squad`` — filed, closed, decided and fines per squad;
``by_cause`` — cases filed per cause. ``carried_over`` counts the cases open at the start and at the end;
``checks`` holds the consistency checks (kinds sum to the penalty decisions; carried in + filed = closed +
carried out).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, Text, and_, case, cast, func, or_, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desk.casefile.facts import PENALTY_KINDS
from desk.models import Case, Event
from desk.reports.milestones import milestones, paid_by_record, paid_in
from desk.reports.periods import Period

NO_PENALTY = ("no_penalty_minor", "no_penalty_unfounded")
DECISIONS = ("penalty", *NO_PENALTY)
READ = ("filed", "decided", "transferred", "hearing_held", "closed")
SUMS = ("filed", "closed", "decided", "summary", "general", "penalty", "no_penalty", "hearings", "criminal",
        "jurisdiction", "carried_in", "carried_out")


def heaviest_kind(kinds: Any) -> ColumnElement[str]:
    """The heaviest kind named in a JSON list of kinds (text match on the quoted id: portable SQL)."""
    text = cast(kinds, Text)
    return type_coerce(case(*((text.like(f'%"{k}"%'), k) for k in reversed(PENALTY_KINDS)), else_=""), String)


def amount(value: Decimal | int | float | None) -> int | float:
    """A sum of money as JSON shows it: a whole number when whole."""
    if not value:
        return 0
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    return int(d) if d == d.to_integral_value() else float(d)


@dataclass(frozen=True)
class Check:
    id: str
    ok: bool
    left: int
    right: int

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "ok": self.ok, "left": self.left, "right": self.right}


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return type_coerce(func.sum(case((condition, 1), else_=0)), Integer)


def _grouped(session: Session, period: Period) -> list[Any]:
    ms = milestones(upto=period.end, types=READ).subquery("ms")
    s, e = period.start, period.end
    opened = func.coalesce(ms.c.filed, ms.c.decided, ms.c.transferred, ms.c.closed)

    def inside(col: ColumnElement[Any]) -> ColumnElement[bool]:
        return and_(col >= s, col <= e)

    decided = and_(inside(ms.c.decided), Case.outcome.in_(DECISIONS))
    penalty = and_(decided, Case.outcome == "penalty")
    transferred = inside(ms.c.transferred)
    heaviest = case((penalty, heaviest_kind(Case.penalty_kinds)), else_="")
    money = Case.fine, Case.confiscated
    stmt = (
        select(
            Case.squad, Case.cause, heaviest.label("heaviest"),
            _count(inside(opened)).label("filed"),
            _count(inside(ms.c.closed)).label("closed"),
            _count(decided).label("decided"),
            _count(and_(decided, Case.procedure == "summary")).label("summary"),
            _count(and_(decided, Case.procedure == "general")).label("general"),
            _count(penalty).label("penalty"),
            _count(and_(decided, Case.outcome.in_(NO_PENALTY))).label("no_penalty"),
            _count(inside(ms.c.hearing_held)).label("hearings"),
            _count(and_(transferred, Case.outcome == "criminal_transfer")).label("criminal"),
            _count(and_(transferred, Case.outcome == "jurisdiction_transfer")).label("jurisdiction"),
            _count(and_(opened < s, or_(ms.c.closed.is_(None), ms.c.closed >= s))).label("carried_in"),
            _count(and_(opened <= e, or_(ms.c.closed.is_(None), ms.c.closed > e))).label("carried_out"),
            *(func.sum(case((penalty, m), else_=0)).label(m.key) for m in money),
        )
        .join(ms, ms.c.case_id == Case.id)
        .where(or_(opened <= e, ms.c.closed <= e))
        .group_by(Case.squad, Case.cause, heaviest)
    )
    return list(session.execute(stmt))


def statistics(session: Session, period: Period) -> dict[str, Any]:
    """The contract's ``desk stats --json`` object for ``period`` (zeros when nothing happened in it)."""
    totals: dict[str, int] = dict.fromkeys(SUMS, 0)
    fines = confiscated = Decimal(0)
    penalties = dict.fromkeys(PENALTY_KINDS, 0)
    squads: dict[str, dict[str, Any]] = defaultdict(lambda: {"filed": 0, "closed": 0, "decided": 0, "fines": 0})
    causes: dict[str, int] = defaultdict(int)
    for row in _grouped(session, period):
        for key in SUMS:
            totals[key] += int(getattr(row, key) or 0)
        fine, conf = Decimal(str(row.fine or 0)), Decimal(str(row.confiscated or 0))
        fines += fine
        confiscated += conf
        if row.heaviest in penalties:
            penalties[row.heaviest] += int(row.penalty or 0)
        if row.filed or row.closed or row.decided:
            squad = squads[row.squad or ""]
            for key in ("filed", "closed", "decided"):
                squad[key] += int(getattr(row, key) or 0)
            squad["fines"] = amount(Decimal(str(squad["fines"])) + fine)
        if row.filed:
            causes[row.cause] += int(row.filed)
    paid_events = session.scalar(select(func.sum(Event.amount)).where(paid_in(period.start, period.end))) or 0
    paid_records = session.scalar(paid_by_record(period.start, period.end)) or 0
    paid = Decimal(str(paid_events)) + Decimal(str(paid_records)).quantize(Decimal("0.01"))
    checks = [
        Check("kinds_sum_to_penalty_decisions", sum(penalties.values()) == totals["penalty"],
              sum(penalties.values()), totals["penalty"]),
        Check("filed_and_carried_in_equal_closed_and_carried_out",
              totals["carried_in"] + totals["filed"] == totals["closed"] + totals["carried_out"],
              totals["carried_in"] + totals["filed"], totals["closed"] + totals["carried_out"]),
    ]
    return {
        "period": period.label,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "filed": totals["filed"],
        "closed": totals["closed"],
        "decided": totals["decided"],
        "summary": totals["summary"],
        "general": totals["general"],
        "penalties": penalties,
        "fines": amount(fines),
        "confiscated": amount(confiscated),
        "paid": amount(paid),
        "no_penalty": totals["no_penalty"],
        "hearings": totals["hearings"],
        "transfers": {"criminal": totals["criminal"], "jurisdiction": totals["jurisdiction"]},
        "by_squad": {k: squads[k] for k in sorted(squads)},
        "by_cause": dict(sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "carried_over": {"in": totals["carried_in"], "out": totals["carried_out"]},
        "checks": [c.to_json() for c in checks],
    }
