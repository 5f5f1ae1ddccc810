"""The procedure rules as data: ``rules/*.toml`` (ids of rules.md, severity, parameters, message texts).

Each table is one rule::

    [R-NOTICE]
    severity = "blocker"
    title = "Prior notice served before the decision"
    [R-NOTICE.params]          # numbers and names the predicate reads; no expressions
    [R-NOTICE.messages]        # message key → English text (the gettext msgid) with {placeholders}

A rule may list document kinds in ``guards = ["penalty_decision", …]``: the issue guard runs it before
such a document takes its number (``desk.procedure.guard``).

Rules come in file order (the files are numbered as rules.md's sections), then table order.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desk.errors import TemplateError

RULES_DIR = Path(__file__).parent / "rules"
SEVERITIES = ("blocker", "major", "minor")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str
    params: dict[str, Any] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    guards: tuple[str, ...] = ()


def _rule(rule_id: str, raw: Any, source: str) -> Rule:
    if not isinstance(raw, dict) or raw.get("severity") not in SEVERITIES or not isinstance(raw.get("title"), str):
        raise TemplateError("manifest_invalid", kind=f"{source} {rule_id}", problem="severity and title are required")
    if set(raw) - {"severity", "title", "params", "messages", "guards"}:
        raise TemplateError("manifest_invalid", kind=f"{source} {rule_id}", problem=f"unknown keys {sorted(raw)}")
    guards = raw.get("guards", [])
    if not isinstance(guards, list) or not all(isinstance(k, str) for k in guards):
        raise TemplateError("manifest_invalid", kind=f"{source} {rule_id}", problem="guards must list kind ids")
    return Rule(rule_id, raw["severity"], raw["title"], dict(raw.get("params", {})), dict(raw.get("messages", {})),
                tuple(guards))


@cache
def rules() -> dict[str, Rule]:
    """Every rule, by id, in report order."""
    out: dict[str, Rule] = {}
    for path in sorted(RULES_DIR.glob("*.toml")):
        for rule_id, raw in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if rule_id in out:
                raise TemplateError("manifest_invalid", kind=path.name, problem=f"{rule_id} defined twice")
            out[rule_id] = _rule(rule_id, raw, path.name)
    return out
