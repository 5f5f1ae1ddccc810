"""Officers and procedure: R-OFFICERS, R-SUMMARY-LIMIT, R-SUMMARY-DOC, R-LIMITATION."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desk.casefile.facts import Document
from desk.procedure.calendar import add_months
from desk.procedure.context import Context
from desk.procedure.messages import KindName, Term, penalty_kinds
from desk.procedure.registry import Params, Violation, predicate, violation


def _certified(listed: object) -> int:
    """How many officers a document's officers field lists with a certificate number."""
    if isinstance(listed, str):
        listed = re.split(r"[,，;；、]", listed)
    if not isinstance(listed, list | tuple):
        return 0
    count = 0
    for officer in listed:
        if isinstance(officer, dict):
            count += bool(str(officer.get("certificate") or "").strip())
        elif isinstance(officer, str):
            count += any(ch.isdigit() for ch in officer)
    return count


@predicate("R-OFFICERS")
def officers(ctx: Context, p: Params) -> Iterator[Violation]:
    minimum = int(p["minimum"])
    on_case = sum(bool(o.certificate.strip()) for o in ctx.cf.case.officers)
    if on_case < minimum:
        yield violation("case", count=on_case, minimum=minimum)
    for doc in ctx.cf.documents_of(*p["documents"]):
        fields = doc.fields or {}
        if p["field"] not in fields:  # imported without fields: drawn from the case's officers
            continue
        on_doc = _certified(fields[p["field"]])
        if on_doc < minimum:
            yield violation("document", docs=[doc], kind=KindName(doc.kind), count=on_doc, minimum=minimum)


@predicate("R-SUMMARY-LIMIT")
def summary_limit(ctx: Context, p: Params) -> Iterator[Violation]:
    if ctx.general:
        return
    penalty = ctx.cf.case.penalty
    other = [k for k in penalty.kinds if k not in p["kinds"]]
    if other:
        yield violation("kind", kinds=penalty_kinds(other))
    organization = ctx.counts_as_organization
    limit = ctx.settings.summary_limit_organization if organization else ctx.settings.summary_limit_person
    if penalty.fine is not None and penalty.fine > limit:
        party = Term("an organisation") if organization else Term("a person")
        yield violation("fine", fine=penalty.fine, limit=limit, party=party)


@predicate("R-SUMMARY-DOC")
def summary_document(ctx: Context, p: Params) -> Iterator[Violation]:
    if ctx.general:
        return
    decisions = ctx.cf.issued_of(p["kind"])
    if not decisions:
        yield violation("missing", kind=KindName(p["kind"]))
        return
    for doc in decisions:
        yield from _summary_form(ctx, doc, p)


def _summary_form(ctx: Context, doc: Document, p: Params) -> Iterator[Violation]:
    if not doc.number:
        yield violation("number", docs=[doc])
    discovered = ctx.discovered_on
    if discovered is not None and doc.issued_on != discovered:
        yield violation("date", docs=[doc], due=discovered, actual=doc.issued_on, discovered=discovered)
    if doc.served_on != doc.issued_on or doc.service not in p["handed_over"]:
        yield violation("handed", docs=[doc], due=doc.issued_on, actual=doc.served_on)


@predicate("R-LIMITATION")
def limitation(ctx: Context, p: Params) -> Iterator[Violation]:
    committed, discovered = ctx.cf.case.violation_on, ctx.discovered_on
    if committed is None or discovered is None:
        yield violation("dates")
        return
    years = int(p["years_endangering"] if ctx.cf.case.endangers_safety else p["years"])
    limit = add_months(committed, 12 * years)
    if discovered > limit:
        yield violation("late", due=limit, actual=discovered, years=years, committed=committed)
