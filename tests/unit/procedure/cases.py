"""Building test cases: a fixture case loaded as a ``CaseFile``, changed with ``dataclasses.replace``."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from desk.casefile import schema
from desk.casefile.facts import CaseFile, Document, Event
from desk.procedure.calendar import Calendar
from desk.procedure.checker import Finding, check
from tests.conftest import FIXTURES

CASES = FIXTURES / "cases"
TODAY = date(2026, 11, 21)


def d(text: str) -> date:
    return date.fromisoformat(text)


def sample(name: str) -> CaseFile:
    return schema.load(json.loads((CASES / f"{name}.json").read_text(encoding="utf-8")))


def findings(cf: CaseFile, rule: str, *, today: date = TODAY, calendar: Calendar | None = None) -> list[Finding]:
    return [f for f in check(cf, today=today, calendar=calendar).findings if f.rule == rule]


def rule_ids(cf: CaseFile, *, today: date = TODAY) -> set[str]:
    return {f.rule for f in check(cf, today=today).findings}


def doc(kind: str, on: str | None = None, **kw: Any) -> Document:
    return Document(kind=kind, issued_on=d(on) if on else None, **kw)


def event(type_: str, on: str, **kw: Any) -> Event:
    return Event(type=type_, on=d(on), **kw)


def change_case(cf: CaseFile, **kw: Any) -> CaseFile:
    return replace(cf, case=replace(cf.case, **kw))


def change_penalty(cf: CaseFile, **kw: Any) -> CaseFile:
    return change_case(cf, penalty=replace(cf.case.penalty, **kw))


def change_settings(cf: CaseFile, **kw: Any) -> CaseFile:
    return replace(cf, agency=replace(cf.agency, settings=replace(cf.agency.settings, **kw)))


def change_doc(cf: CaseFile, of: str, /, **kw: Any) -> CaseFile:
    """Change the first document of kind ``of``."""
    index = next(i for i, x in enumerate(cf.documents) if x.kind == of)
    docs = list(cf.documents)
    docs[index] = replace(docs[index], **kw)
    return replace(cf, documents=tuple(docs))


def change_event(cf: CaseFile, type_: str, /, **kw: Any) -> CaseFile:
    """Change the first event of ``type_``."""
    index = next(i for i, x in enumerate(cf.events) if x.type == type_)
    events = list(cf.events)
    events[index] = replace(events[index], **kw)
    return replace(cf, events=tuple(events))


def add(cf: CaseFile, *items: Document | Event) -> CaseFile:
    return replace(
        cf,
        documents=cf.documents + tuple(x for x in items if isinstance(x, Document)),
        events=cf.events + tuple(x for x in items if isinstance(x, Event)),
    )


def drop_docs(cf: CaseFile, *kinds: str) -> CaseFile:
    return replace(cf, documents=tuple(x for x in cf.documents if x.kind not in kinds))


def drop_receipt(cf: CaseFile, serves: str) -> CaseFile:
    return replace(cf, documents=tuple(x for x in cf.documents if x.serves != serves))


def drop_events(cf: CaseFile, *types: str) -> CaseFile:
    return replace(cf, events=tuple(x for x in cf.events if x.type not in types))


def drop_proven(cf: CaseFile, *types: str) -> CaseFile:
    """Without the events of ``types``: recorded ones, and the documents that would imply them (a payment
    record proves ``paid``, a closing approval ``closed``: CLI.md "Documents move the case")."""
    from desk.casefile.derived import IMPLIES

    implying = {kind for kind, implied in IMPLIES.items() if implied in types}
    return drop_docs(drop_events(cf, *types), *implying)


def decided_on(cf: CaseFile, on: str) -> CaseFile:
    """Move the penalty decision (document, service and ``decided`` event) to ``on``."""
    cf = change_doc(cf, "penalty_decision", issued_on=d(on), served_on=d(on))
    cf = change_event(cf, "decided", on=d(on))
    number = next(x.number for x in cf.documents if x.kind == "penalty_decision")
    return replace(cf, documents=tuple(replace(x, issued_on=d(on)) if x.serves == number else x for x in cf.documents))
