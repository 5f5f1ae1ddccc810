"""The penalty publication list (公示, CLI.md ``desk publish --json``), masked, with its deadlines.

Every penalty decision (general and summary procedure) dated in the period, from one SQL query over the
cases' milestones; a decision whose only penalty is a warning only when the agency's setting
``publish_warnings`` says so. ``publish_by`` is the ``publication_working_days``-th working day after the
decision (国办发〔2018〕118号: 7); a published decision that was voided (changed or revoked) must be
withdrawn within ``withdrawal_working_days`` (3) working days.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Text, and_, cast, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from desk.casefile.facts import AgencySettings
from desk.models import Agency, Case, Document, Event, Party
from desk.render.labels import PENALTY_KINDS
from desk.reports.deadlines import Deadlines
from desk.reports.masking import mask_name, party_text, scrub
from desk.reports.milestones import PENALTY_DECISIONS, decided_between, milestones
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
    parts = []
    for kind in kinds:
        label = PENALTY_KINDS.get(kind, kind)
        if kind == "fine" and fine:
            label += f"人民币{amount(fine)}元"
        elif kind in ("confiscate_gains", "confiscate_property") and confiscated:
            label += f"人民币{amount(confiscated)}元"
        parts.append(label)
    return "；".join(parts)


def _decision_cases(period: Period, settings: AgencySettings, revoked_on: Any) -> Any:
    """The cases listed: a penalty decision dated in the period, or a published one dated in it that was
    voided since (changed or revoked: its publication must be withdrawn)."""
    among = decided_between(period.start, period.end, voided=True)
    ms = milestones(among=among).subquery("ms")
    where = [Case.procedure.in_(("summary", "general")),
             or_(and_(Case.outcome == "penalty", ms.c.decided >= period.start, ms.c.decided <= period.end),
                 and_(ms.c.published.is_not(None), revoked_on >= period.start, revoked_on <= period.end))]
    if not settings.publish_warnings:
        where.append(func.replace(cast(Case.penalty_kinds, Text), " ", "") != '["warning"]')
    return ms, where, among


def _execution(fine: Decimal | None, confiscated: Decimal | None, paid: Decimal | None,
               enforced: date | None, installment: date | None) -> str:
    owed = Decimal(str(fine or 0)) + Decimal(str(confiscated or 0))
    if Decimal(str(paid or 0)) >= owed:
        return "paid"
    if enforced:
        return "enforcement_applied"
    return "installment" if installment else "unpaid"


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
    # per listed case, by its index (case_id): the issued decision's number, when one was voided, what was paid
    # (the kind is tested through coalesce so that SQLite looks the documents up by case_id, not by kind)
    decision = (Document.case_id == Case.id, func.coalesce(Document.kind, "").in_(PENALTY_DECISIONS))
    number = select(func.max(Document.number)).where(*decision, Document.status == "issued").scalar_subquery()
    void = (*decision, Document.status == "void")
    voided = select(func.max(Document.updated_at)).where(*void).scalar_subquery()
    void_number = select(func.max(Document.number)).where(*void).scalar_subquery()
    revoked_on = type_coerce(select(func.max(Document.issued_on)).where(*void).scalar_subquery(), Date)
    ms, where, among = _decision_cases(period, options.settings, revoked_on)
    paid = select(func.sum(Event.amount)).where(Event.case_id == Case.id, Event.type == "paid").scalar_subquery()
    stmt = (
        select(Case.id, Case.number.label("case_number"), Case.cause, Case.facts, Case.basis, Case.penalty_kinds,
               Case.fine, Case.confiscated, Agency.name.label("agency"), ms.c.decided, ms.c.published,
               ms.c.withdrawn, ms.c.enforcement_applied, ms.c.installment_approved,
               func.coalesce(number, void_number).label("number"), voided.label("voided"),
               revoked_on.label("revoked_on"), paid.label("paid"))
        .join(ms, ms.c.case_id == Case.id)
        .join(Agency, Agency.id == Case.agency_id)
        .where(*where)
    )
    def decided(r: Any) -> date:
        in_period = r.decided is not None and period.start <= r.decided <= period.end
        return r.decided if in_period else r.revoked_on

    rows = sorted(((decided(r), r) for r in session.execute(stmt)),
                  key=lambda dr: (dr[0], dr[1].number or "", dr[1].id))
    parties = _parties(session, among)
    n, w = options.settings.publication_working_days, options.settings.withdrawal_working_days
    entries = []
    for decided_on, r in rows:
        people = parties.get(r.id, [])
        main = people[0] if people else None
        kinds = list(r.penalty_kinds or [])
        publish_by, provisional = options.deadlines.after(decided_on, n)
        voided_on = r.voided.date() if r.voided else None
        withdraw_by = options.deadlines.after(voided_on, w)[0] if voided_on and r.published else None
        entry: dict[str, Any] = {
            "number": r.number or "",
            "decided_on": decided_on,
            "cause": r.cause,
            "party": party_text(main.kind, main.name, main.legal_representative) if main else "",
            "party_kind": main.kind if main else "",
            "uscc": main.uscc if main and main.kind != "person" else None,
            "legal_representative": main.legal_representative if main and main.kind == "organization" else None,
            "operator": mask_name(main.legal_representative) if main and main.kind == "individual_business" else None,
            "facts": scrub(r.facts, **_private(people)) if r.facts else "",
            "basis": list(r.basis or []),
            "kinds": kinds,
            "penalty": penalty_text(kinds, r.fine, r.confiscated),
            "fine": amount(r.fine),
            "confiscated": amount(r.confiscated),
            "agency": r.agency,
            "execution": _execution(r.fine, r.confiscated, r.paid, r.enforcement_applied, r.installment_approved),
            "publish_by": publish_by,
            "published_on": r.published,
            "withdrawn_on": r.withdrawn,
            "withdraw_by": withdraw_by,
            "provisional": provisional,
            "case": r.case_number,
            "case_id": r.id,
        }
        withdraw_due = bool(voided_on and r.published and not (r.withdrawn and r.withdrawn >= r.published))
        entry["status"] = _status(entry, withdraw_due, options.today)
        entries.append(entry)
    return entries


def _parties(session: Session, among: Any) -> dict[int, list[Any]]:
    """Every party of the cases decided in the period, by case (the facts are scrubbed of every person named)."""
    stmt = (select(Party.case_id, Party.kind, Party.name, Party.legal_representative, Party.uscc, Party.address,
                   Party.id_number, Party.phone)
            .where(Party.case_id.in_(among)).order_by(Party.case_id, Party.position))
    found: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(stmt):
        found[row.case_id].append(row)
    return found


def _private(people: list[Any]) -> dict[str, list[str]]:
    """The names (to mask) and addresses (to remove) of the natural persons among the parties."""
    names, addresses = [], []
    for p in people:
        if p.kind == "person":
            names.append(p.name)
            addresses.append(p.address or "")
        elif p.kind == "individual_business":
            names.append(p.legal_representative or "")
            addresses.append(p.address or "")
        addresses += [p.id_number or "", p.phone or ""]
    return {"names": names, "addresses": addresses}


def to_json(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry with its dates as ``YYYY-MM-DD`` text."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in entry.items()}
