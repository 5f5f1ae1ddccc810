"""What the dossier sheets say about the case: the cover's fields and the 备考表's signatures and counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk.casefile.facts import CaseFile
from desk.render.labels import OUTCOMES
from desk.render.wording import penalty_text

RETENTIONS = {"permanent": "永久", "30y": "30年", "10y": "10年"}
DECISION_KINDS = ("penalty_decision", "summary_penalty_decision", "no_penalty_decision", "demolition_order",
                  "criminal_transfer", "case_transfer_letter")
PERMANENT_PENALTIES = ("revoke_permit", "order_closure")


@dataclass(frozen=True)
class Front:
    """The facts of one volume's cover and reference sheet."""

    agency: str
    title: str
    case_number: str
    decision_number: str
    cause: str
    outcome: str
    squad: str
    officers: str
    filed_on: date | None
    closed_on: date | None
    retention: str
    archive_number: str
    volume_title: str
    volume_no: int
    volume_count: int
    items: int
    pages: int
    filed_by: str
    filed_date: date
    checked_by: str
    checked_date: date | None


def retention_of(cf: CaseFile) -> str:
    """The retention code: the case's own, else permanent for revoked permits and closures, 10 years for the
    summary procedure, 30 years otherwise (documents.md, "Retention")."""
    if cf.case.retention:
        return cf.case.retention
    if any(k in PERMANENT_PENALTIES for k in cf.case.penalty.kinds):
        return "permanent"
    return "10y" if cf.case.procedure == "summary" else "30y"


def case_title(cf: CaseFile) -> str:
    """案卷题名: party + act + 案 (``某某公司随意倾倒生活垃圾案``; several parties: the first and 等)."""
    party = cf.main_party.name if cf.main_party else ""
    if len(cf.parties) > 1:
        party += "等"
    return f"{party}{cf.case.cause}案"


def outcome_text(cf: CaseFile) -> str:
    c = cf.case
    if c.outcome == "penalty" and c.penalty.kinds:
        return penalty_text(c.penalty.kinds, c.penalty.fine, c.penalty.confiscated)
    return OUTCOMES.get(c.outcome, c.outcome)


def front_facts(cf: CaseFile, *, volume_title: str, volume_no: int, volume_count: int, items: int, pages: int,
                archive_number: str | None, filed_by: str | None, checked_by: str | None,
                checked_date: date | None, today: date) -> Front:
    decisions = cf.issued_of(*DECISION_KINDS)
    filed = cf.events_of("filed")
    filing = cf.issued_of("filing_approval")
    closed = cf.events_of("closed")
    officers = [o.name for o in cf.case.officers]
    return Front(
        agency=cf.agency.name,
        title=case_title(cf),
        case_number=cf.case.number or "",
        decision_number=next((d.number for d in decisions if d.number), ""),
        cause=cf.case.cause,
        outcome=outcome_text(cf),
        squad=cf.agency.squad,
        officers="、".join(officers),
        filed_on=filed[0].on if filed else filing[0].issued_on if filing else None,
        closed_on=closed[-1].on if closed else None,
        retention=RETENTIONS[retention_of(cf)],
        archive_number=archive_number or "",
        volume_title=volume_title,
        volume_no=volume_no,
        volume_count=volume_count,
        items=items,
        pages=pages,
        filed_by=filed_by if filed_by is not None else (officers[0] if officers else ""),
        filed_date=today,
        checked_by=checked_by or "",
        checked_date=checked_date,
    )
