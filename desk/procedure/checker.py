"""The procedure completeness check: every rule of ``rules/*.toml`` against one ``CaseFile``.

A rule whose deadline runs into a year without holiday data reports that instead of guessing. The score
is 100 minus each finding's deduction (agency settings by severity), never below 0; a case may be
archived when no blocker stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import desk.procedure.predicates  # noqa: F401  (registers every rule's condition)
from desk import config
from desk.casefile.facts import AgencySettings, CaseFile
from desk.errors import MESSAGES, CalendarMissing
from desk.procedure.calendar import Calendar, shipped_calendar
from desk.procedure.context import Context
from desk.procedure.messages import render
from desk.procedure.registry import PREDICATES, Violation
from desk.procedure.ruleset import SEVERITIES, Rule, rules


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    message_en: str
    documents: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    due: date | None = None
    actual: date | None = None
    provisional: bool = False  # its due date was counted on a provisional calendar (推定)
    template: str = field(default="", repr=False, compare=False)
    params: tuple[tuple[str, object], ...] = field(default=(), repr=False, compare=False)

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the user's language)."""
        lang = lang or config.language()
        if lang == "zh_CN":
            return self.message
        if lang == "en":
            return self.message_en
        return render(self.template, dict(self.params), lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.text(),
            "documents": list(self.documents),
            "events": list(self.events),
            "due": self.due.isoformat() if self.due else None,
            "actual": self.actual.isoformat() if self.actual else None,
            "provisional": self.provisional,
        }


@dataclass(frozen=True)
class Report:
    archivable: bool
    score: int
    findings: tuple[Finding, ...]

    def to_json(self, case_number: str) -> dict[str, Any]:
        """The object ``desk check --json`` prints (CLI.md)."""
        return {
            "case": case_number,
            "archivable": self.archivable,
            "score": self.score,
            "findings": [f.to_json() for f in self.findings],
        }


def finding(rule: Rule, template: str, v: Violation) -> Finding:
    """A rule's violation worded; its due and actual dates are values the message may name too."""
    params = {**v.params, **{k: d for k, d in (("due", v.due), ("actual", v.actual)) if d is not None}}
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=render(template, params, "zh_CN"),
        message_en=render(template, params, "en"),
        documents=v.documents,
        events=v.events,
        due=v.due,
        actual=v.actual,
        template=template,
        params=tuple(params.items()),
    )


def _run(rule: Rule, ctx: Context) -> list[Finding]:
    try:
        found = list(PREDICATES[rule.id](ctx, rule.params))
    except CalendarMissing as missing:
        return [finding(rule, MESSAGES["calendar_missing"], Violation("calendar_missing", {"year": missing.year}))]
    return [replace(finding(rule, rule.messages[v.message], v),
                    provisional=v.due is not None and ctx.calendar.is_provisional(v.due)) for v in found]


def deduction(settings: AgencySettings, severity: str) -> int:
    return int(getattr(settings, f"deduction_{severity}"))


def check_rules(cf: CaseFile, ids: list[str], *, calendar: Calendar | None = None,
                today: date | None = None) -> list[Finding]:
    """The findings of the rules ``ids`` only (the issue guard's subset), most severe first."""
    ruleset = rules()
    ctx = Context(cf, calendar or shipped_calendar(), today or date.today(), ruleset)
    found = [f for rule_id in ids for f in _run(ruleset[rule_id], ctx)]
    return sorted(found, key=lambda f: SEVERITIES.index(f.severity))


def check(
    cf: CaseFile,
    *,
    calendar: Calendar | None = None,
    today: date | None = None,
) -> Report:
    """Every rule against ``cf``; ``calendar`` defaults to the shipped one, ``today`` to the system date."""
    ruleset = rules()
    ctx = Context(cf, calendar or shipped_calendar(), today or date.today(), ruleset)
    findings = [f for rule in ruleset.values() for f in _run(rule, ctx)]
    findings.sort(key=lambda f: SEVERITIES.index(f.severity))
    score = max(0, 100 - sum(deduction(cf.agency.settings, f.severity) for f in findings))
    return Report(
        archivable=not any(f.severity == "blocker" for f in findings),
        score=score,
        findings=tuple(findings),
    )
