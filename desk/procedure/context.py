"""What the rules ask of a case again and again: filing date, the decision, effective service dates.

A ``Context`` wraps one ``CaseFile`` with the calendar and the day of the check. Only issued documents
count as done; drafts and voided documents never satisfy a rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cached_property
from typing import Any

from desk.casefile.facts import AgencySettings, CaseFile, Document, Party
from desk.procedure.calendar import Calendar
from desk.procedure.ruleset import Rule

DECISION_KINDS = ("penalty_decision", "no_penalty_decision", "summary_penalty_decision")
NO_PENALTY = ("no_penalty_minor", "no_penalty_unfounded")
TRANSFERS = ("criminal_transfer", "jurisdiction_transfer")


class Context:
    def __init__(self, cf: CaseFile, calendar: Calendar, today: date, rules: Mapping[str, Rule]) -> None:
        self.cf = cf
        self.calendar = calendar
        self.today = today
        self.rules = rules

    def params(self, rule_id: str) -> Mapping[str, Any]:
        return self.rules[rule_id].params

    @property
    def settings(self) -> AgencySettings:
        return self.cf.agency.settings

    @property
    def general(self) -> bool:
        return self.cf.case.procedure == "general"

    @property
    def outcome(self) -> str:
        return self.cf.case.outcome

    @cached_property
    def closed_on(self) -> date | None:
        closed = self.cf.events_of("closed")
        return closed[-1].on if closed else None

    def overdue(self, due: date) -> bool:
        """Whether something due on ``due`` and not done is now missing: the case is closed or the day is past."""
        return self.closed_on is not None or self.today > due

    @cached_property
    def discovered_on(self) -> date | None:
        events = self.cf.events_of("discovered")
        return self.cf.case.discovered_on or (events[0].on if events else None)

    @cached_property
    def filing_date(self) -> date | None:
        events = self.cf.events_of("filed")
        if events:
            return events[0].on
        approvals = self.cf.issued_of("filing_approval")
        return approvals[0].issued_on if approvals else None

    @cached_property
    def decision(self) -> Document | None:
        """The latest issued decision (penalty, no-penalty or on-the-spot)."""
        decisions = [d for d in self.cf.issued_of(*DECISION_KINDS) if d.issued_on]
        return decisions[-1] if decisions else None

    @cached_property
    def decision_date(self) -> date | None:
        if self.decision is not None:
            return self.decision.issued_on
        events = self.cf.events_of("decided")
        return events[-1].on if events else None

    @property
    def party(self) -> Party | None:
        return self.cf.main_party

    @property
    def counts_as_organization(self) -> bool:
        """Organisations, and individual businesses when the agency's setting says so."""
        kind = self.party.kind if self.party else "person"
        return kind == "organization" or (
            kind == "individual_business" and self.settings.individual_business_as_organization
        )

    def served(self, doc: Document) -> date | None:
        """When service took effect: the service date, or for service by public notice the end of its period."""
        if doc.served_on is None:
            return None
        if doc.service == "notice":
            days = int(self.params("R-SERVICE-NOTICE")["deemed_after_days"])
            return self.calendar.period_end(doc.served_on, days=days)
        return doc.served_on


def field_text(value: object) -> str:
    """A field value as text: lists joined, a party object by its name, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "；".join(field_text(v) for v in value)
    if isinstance(value, dict):
        return field_text(value.get("name"))
    return str(value).strip()


