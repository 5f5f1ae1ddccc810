"""What issued documents prove: the events they imply, and the outcome and penalty a decision sets.

CLI.md "Documents move the case": issuing a document records what it proves, so a case handled in Desk
needs no separate bookkeeping. Nothing here is stored: the implied events are derived from the issued
documents every time a snapshot is read, so voiding a document withdraws them by itself. Where the case
records events of a type itself (an imported case carries its events explicitly), those stand and the
documents imply no more of that type: a file is never read as saying a thing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from desk.casefile import facts as f

# document kind → the event its issue implies (CLI.md "Documents move the case")
IMPLIES: dict[str, str] = {
    "filing_approval": "filed",
    "onsite_inspection_record": "inspected",
    "inquiry_record": "inquired",
    "evidence_preservation_notice": "evidence_preserved",
    "evidence_preservation_disposal": "evidence_handled",
    "rectification_review": "rectification_checked",
    "investigation_report": "investigation_concluded",
    "penalty_prior_notice": "notified",
    "statement_record": "statement",
    "hearing_notice": "hearing_notified",
    "hearing_record": "hearing_held",
    "legal_review_opinion": "legal_review",
    "collective_discussion_record": "collective_discussion",
    "penalty_decision": "decided",
    "summary_penalty_decision": "decided",
    "no_penalty_decision": "decided",
    "criminal_transfer": "transferred",
    "case_transfer_letter": "transferred",
    "demand_notice": "reminded",
    "court_enforcement_application": "enforcement_applied",
    "payment_record": "paid",
    "closing_approval": "closed",
}
DECISIONS = ("penalty_decision", "summary_penalty_decision", "no_penalty_decision")
TRANSFER_OUTCOMES = {"criminal_transfer": "criminal_transfer", "case_transfer_letter": "jurisdiction_transfer"}
NO_PENALTY = ("no_penalty_minor", "no_penalty_unfounded")


@dataclass(frozen=True)
class Implied:
    """An event an issued document implies, and the document (its number, else ``#id``) that implies it."""

    event: f.Event
    source: str


def field_amount(value: object) -> Decimal | None:
    """A money field as a number (None when empty or not a single number)."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None


def _kinds(value: object) -> tuple[str, ...] | None:
    return tuple(str(k) for k in value) if isinstance(value, list | tuple) else None


def _day(value: object, default: date) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return default


def implied_event(doc: f.Document) -> f.Event | None:
    """The event an issued document implies (None for drafts, voided documents and kinds that imply none)."""
    event_type = IMPLIES.get(doc.kind)
    if event_type is None or not doc.issued or doc.issued_on is None:
        return None
    fields = doc.fields or {}
    on = doc.issued_on
    if event_type == "notified":
        return f.Event("notified", on, amount=field_amount(fields.get("fine")),
                       kinds=_kinds(fields.get("penalty_kinds")))
    if event_type == "paid":
        return f.Event("paid", _day(fields.get("paid_on"), on), amount=field_amount(fields.get("amount")))
    if event_type == "collective_discussion":
        return f.Event(event_type, on, leaders=_kinds(fields.get("leaders")))
    if event_type == "transferred":
        body = fields.get("receiver_body")
        return f.Event(event_type, on, note=f"移送{body}" if body else None)
    return f.Event(event_type, on)


def implied_events(cf: f.CaseFile) -> list[Implied]:
    """The events the case's issued documents imply, of the types the case does not record itself."""
    recorded = {e.type for e in cf.events}
    out = []
    for doc in cf.documents:
        event = implied_event(doc)
        if event is not None and event.type not in recorded:
            source = doc.number or (f"#{doc.id}" if doc.id is not None else doc.kind)
            out.append(Implied(event, source))
    return out


def decision_effect(doc: f.Document, case: f.Case) -> tuple[str, f.Penalty] | None:
    """The outcome and penalty a decision or transfer letter sets (None for other kinds)."""
    fields = doc.fields or {}
    if doc.kind in TRANSFER_OUTCOMES:
        return TRANSFER_OUTCOMES[doc.kind], f.Penalty()
    if doc.kind == "no_penalty_decision":
        if case.outcome in NO_PENALTY:
            return case.outcome, f.Penalty()
        grounds = f"{fields.get('no_penalty_basis') or ''}{fields.get('reasons') or ''}"
        unfounded = "第四十条" in grounds or "不成立" in grounds
        return ("no_penalty_unfounded" if unfounded else "no_penalty_minor"), f.Penalty()
    if doc.kind in ("penalty_decision", "summary_penalty_decision"):
        kinds = _kinds(fields.get("penalty_kinds"))
        penalty = f.Penalty(
            kinds=kinds if kinds is not None else case.penalty.kinds,
            fine=field_amount(fields.get("fine")) if "fine" in fields else case.penalty.fine,
            confiscated=(field_amount(fields.get("confiscated")) if "confiscated" in fields
                         else case.penalty.confiscated),
        )
        return "penalty", penalty
    return None


def effective(cf: f.CaseFile) -> tuple[str, f.Penalty] | None:
    """The outcome and penalty of the latest issued decision or transfer letter, if any."""
    docs = cf.issued_of(*DECISIONS, *TRANSFER_OUTCOMES)
    for doc in reversed(docs):
        found = decision_effect(doc, cf.case)
        if found is not None:
            return found
    return None
