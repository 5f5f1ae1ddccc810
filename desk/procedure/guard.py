"""The issue guard: the law before the number (CLI.md "Documents move the case").

Before a document takes its number, every rule whose TOML entry lists its kind in ``guards`` runs on
the case as it would be with that document issued on its date: the same predicates as the archive
check, on the same derived state (implied events, the outcome and penalty a decision sets). A blocker
refuses; majors and minors come back as warnings the user confirms.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from desk.casefile import facts as f
from desk.casefile.derived import decision_effect
from desk.procedure.calendar import Calendar
from desk.procedure.checker import Finding, check_rules
from desk.procedure.ruleset import rules

PENDING_NUMBER = "(待编号)"


@dataclass(frozen=True)
class Verdict:
    blockers: tuple[Finding, ...]
    warnings: tuple[Finding, ...]

    @property
    def first_lawful(self) -> date | None:
        """The first day the blockers would let the document be issued (a period not yet run), if any."""
        waits = [b.due for b in self.blockers if b.due and b.actual and b.due > b.actual]
        if len(waits) != len(self.blockers):
            return None
        return max(waits) if waits else None


def guarded_rules(kind_id: str) -> list[str]:
    return [r.id for r in rules().values() if kind_id in r.guards]


def as_issued(cf: f.CaseFile, doc: f.Document, on: date) -> f.CaseFile:
    """The case as it would be with ``doc`` issued on ``on`` (a decision also sets outcome and penalty)."""
    issued = replace(doc, status="issued", issued_on=on, number=doc.number or PENDING_NUMBER)
    others = tuple(d for d in cf.documents if d.id is None or d.id != doc.id)
    cf = replace(cf, documents=(*others, issued))
    effect = decision_effect(issued, cf.case)
    if effect is not None:
        outcome, penalty = effect
        cf = replace(cf, case=replace(cf.case, outcome=outcome, penalty=penalty))
    return cf


def judge(cf: f.CaseFile, doc: f.Document, on: date, *, calendar: Calendar | None = None) -> Verdict:
    """The guarded rules' findings on the case with ``doc`` issued on ``on`` (judged as of that day)."""
    ids = guarded_rules(doc.kind)
    if not ids:
        return Verdict((), ())
    found = check_rules(as_issued(cf, doc, on), ids, calendar=calendar, today=on)
    return Verdict(tuple(x for x in found if x.severity == "blocker"),
                   tuple(x for x in found if x.severity != "blocker"))
