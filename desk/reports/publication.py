"""The penalty publication list (公示, CLI.md ``desk publish --json``), masked, with its deadlines.

Every penalty decision (general and summary procedure) dated in the period, from one SQL query over the
cases' milestones; a decision whose only penalty is a warning only when the agency's setting
``publish_warnings`` says so. ``publish_by`` is the ``publication_working_days``-th working day after the
decision (国办发〔2018〕118号: 7); a published decision that was voided (changed or revoked) must be
withdrawn within ``withdrawal_working_days`` (3) working days.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.casefile.facts import AgencySettings
from desk.gc_pause import no_gc
from desk.models import Case, Document, Event
from desk.render.labels import PENALTY_KINDS
from desk.reports.deadlines import Deadlines
from desk.reports.listing import Listed, decision_rows
from desk.reports.masking import mask_name, party_text, scrub
from desk.reports.milestones import DECISIONS, decided_between
from desk.reports.periods import Period
from desk.reports.statistics import amount

STATUSES = ("due", "overdue", "published", "published_late", "to_withdraw", "withdrawn")


@dataclass(frozen=True)
class Options:
    settings: AgencySettings
    deadlines: Deadlines
    today: date


def penalty_text(kinds: list[str], fine: Decimal | None, confiscated: Decimal | None) -> str:
    """警告；罚款人民币5000元；没收违法所得人民币1200元."""
    return _penalty_text(tuple(kinds), fine, confiscated)


@lru_cache(maxsize=4096)  # a year's decisions repeat a few hundred combinations
def _penalty_text(kinds: tuple[str, ...], fine: Decimal | None, confiscated: Decimal | None) -> str:
    parts = []
    for kind in kinds:
        label = PENALTY_KINDS.get(kind, kind)
        if kind == "fine" and fine:
            label += f"人民币{amount(fine)}元"
        elif kind in ("confiscate_gains", "confiscate_property") and confiscated:
            label += f"人民币{amount(confiscated)}元"
        parts.append(label)
    return "；".join(parts)


def _execution(fine: Decimal | None, confiscated: Decimal | None, paid: Decimal | None,
               enforced: date | None, installment: date | None) -> str:
    if _decimal(paid) >= _decimal(fine) + _decimal(confiscated):
        return "paid"
    if enforced:
        return "enforcement_applied"
    return "installment" if installment else "unpaid"


def _decimal(value: Decimal | float | None) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value or 0))


def _status(entry: dict[str, Any], withdraw_due: bool, today: date) -> str:
    published, withdrawn = entry["published_on"], entry["withdrawn_on"]
    if withdrawn and (not published or withdrawn >= published):
        return "withdrawn"
    if published:
        if withdraw_due:
            return "to_withdraw"
        return "published" if published <= entry["publish_by"] else "published_late"
    return "overdue" if today > entry["publish_by"] else "due"


def publication(session: Session, period: Period, options: Options) -> list[dict[str, Any]]:
    """The masked list, by decision date and number; dates as ``date`` objects (``to_json`` makes text)."""
    among = None if _most_cases(session, period) else decided_between(period.start, period.end, voided=True)
    stmt = decision_rows(period, options.settings.publish_warnings, among)
    with no_gc():  # its rows and dicts hold no cycles
        cases: dict[int, tuple[Listed, list[Listed]]] = {}
        for row in map(Listed._make, session.connection().execute(stmt)):
            found = cases.get(row.id)
            if found is None:
                cases[row.id] = (row, [row] if row.party_kind is not None else [])
            elif row.party_kind is not None:
                found[1].append(row)
        # (date, number, id) is unique (the id is), so the tuples compare by it alone: no key to build
        rows = sorted((_listed_on(r, period), r.number or "", r.id, r, people) for r, people in cases.values())
        del cases
        entries = [_entry(on, r, sorted(people, key=_position) if len(people) > 1 else people, options)
                   for on, _number, _id, r, people in rows]
        del rows  # freed before the collector is back (it would walk them once more)
    return entries


def _listed_on(r: Listed, period: Period) -> date:
    """The date a case is listed under: its decision's, else (when that is not in the period) the date of its
    voided decision (the query lists a case only when one of them is in the period)."""
    if r.decided is not None and period.start <= r.decided <= period.end:
        return r.decided
    assert r.revoked_on is not None
    return r.revoked_on


def _position(party: Listed) -> int:
    return party.position or 0


def _most_cases(session: Session, period: Period) -> bool:
    """Whether the period's decisions are about a third of all cases or more (a year of a database of one
    year): then reading every case costs less than looking each one up (listing.py). Counted from the
    (type, on) and (kind, issued_on) indexes alone: an estimate, which only chooses the faster way."""
    def counted(stmt: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    s, e = period.start, period.end
    decided = counted(select(Event.case_id).where(Event.type == "decided", Event.on >= s, Event.on <= e))
    decided += counted(select(Document.case_id).where(Document.kind.in_(DECISIONS), Document.issued_on >= s,
                                                      Document.issued_on <= e))
    return decided * 3 > int(session.scalar(select(func.count(Case.id))) or 0)


@lru_cache(maxsize=1024)
def _json_list(text: str | None) -> tuple[Any, ...]:
    return tuple(json.loads(text)) if text else ()


_amount = lru_cache(maxsize=4096)(amount)  # a year's fines repeat a few hundred sums


def _entry(decided_on: date, r: Listed, people: list[Listed], options: Options) -> dict[str, Any]:
    """One masked entry of the list from its row and the rows of its parties (in order)."""
    main = people[0] if people else None
    kind = (main.party_kind or "") if main else ""
    kinds = list(_json_list(r.penalty_kinds))
    settings, published = options.settings, r.published
    publish_by, provisional = options.deadlines.after(decided_on, settings.publication_working_days)
    voided_on = r.voided.date() if r.voided else None
    withdraw_by = (options.deadlines.after(voided_on, settings.withdrawal_working_days)[0]
                   if voided_on and published else None)
    entry: dict[str, Any] = {
        "number": r.number or "",
        "decided_on": decided_on,
        "cause": r.cause,
        "party": party_text(kind, main.party_name or "", main.legal_representative) if main else "",
        "party_kind": kind,
        "uscc": main.uscc if main and kind != "person" else None,
        "legal_representative": main.legal_representative if main and kind == "organization" else None,
        "operator": mask_name(main.legal_representative) if main and kind == "individual_business" else None,
        "facts": scrub(r.facts, **_private(people)) if r.facts else "",
        "basis": list(_json_list(r.basis)),
        "kinds": kinds,
        "penalty": penalty_text(kinds, r.fine, r.confiscated),
        "fine": _amount(r.fine),
        "confiscated": _amount(r.confiscated),
        "agency": r.agency,
        "execution": _execution(r.fine, r.confiscated, r.paid, r.enforced, r.installment),
        "publish_by": publish_by,
        "published_on": published,
        "withdrawn_on": r.withdrawn,
        "withdraw_by": withdraw_by,
        "provisional": provisional,
        "case": r.case_number,
        "case_id": r.id,
    }
    withdraw_due = bool(voided_on and published and not (r.withdrawn and r.withdrawn >= published))
    entry["status"] = _status(entry, withdraw_due, options.today)
    return entry


def _private(people: list[Listed]) -> dict[str, list[str]]:
    """The names (to mask) and addresses (to remove) of the natural persons among the parties."""
    names, addresses = [], []
    for p in people:
        if p.party_kind == "person":
            names.append(p.party_name or "")
            addresses.append(p.address or "")
        elif p.party_kind == "individual_business":
            names.append(p.legal_representative or "")
            addresses.append(p.address or "")
        addresses += [p.id_number or "", p.phone or ""]
    return {"names": names, "addresses": addresses}


def to_json(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry with its dates as ``YYYY-MM-DD`` text."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in entry.items()}
