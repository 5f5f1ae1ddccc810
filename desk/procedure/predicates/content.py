"""What documents say: R-DECISION-CONTENT, R-NUMBER-FORMAT, R-CONSISTENCY."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from desk.casefile.derived import field_amount
from desk.casefile.facts import Document, Party
from desk.casefile.numbers import format_number, parse_number
from desk.catalogue import catalogue
from desk.procedure.context import Context, field_text
from desk.procedure.messages import KindName, Term
from desk.procedure.registry import Params, Violation, predicate, violation

# What each element of a decision (and each part of a party's identity) is called in a finding.
ELEMENT_TERMS: dict[str, str] = {
    "party_name": "the party's name",
    "party_address": "the party's address",
    "facts": "the facts",
    "evidence": "the evidence",
    "violated": "the provisions violated",
    "penalty": "the kind of penalty",
    "fine": "the fine amount",
    "basis": "the legal basis of the penalty",
    "performance": "how and by when to perform",
    "reconsideration_body": "the reconsideration body",
    "court": "the court",
    "agency": "the agency's name",
    "date": "the date of the decision",
    "name": "the party's name",
    "id_number": "the party's ID number",
    "uscc": "the party's unified social credit code",
    "address": "the party's address",
}


def _from_case(ctx: Context) -> dict[str, str]:
    """The elements of an imported decision without fields: the case data it is drawn from."""
    case, party, agency = ctx.cf.case, ctx.party, ctx.cf.agency
    return {
        "party_name": party.name if party else "",
        "party_address": (party.address or "") if party else "",
        "facts": case.facts,
        "evidence": field_text(case.evidence),
        "violated": field_text(case.violated),
        "penalty": field_text(case.penalty.kinds),
        "fine": str(case.penalty.fine or ""),
        "basis": field_text(case.basis),
        "reconsideration_body": agency.reconsideration_body,
        "court": agency.court,
    }


def _elements(ctx: Context, doc: Document, p: Params) -> dict[str, str]:
    fields = doc.fields or {}
    if fields:
        values = {element: field_text(fields.get(name)) for element, name in p["fields"].items()}
        kinds = fields.get(p["fields"]["penalty"])
        fined = "fine" in kinds if isinstance(kinds, list) else False
    else:
        values = _from_case(ctx)
        fined = "fine" in ctx.cf.case.penalty.kinds
    amount = field_amount(values.pop("fine"))
    if fined:
        values["fine"] = str(amount) if amount else ""
    values["agency"] = ctx.cf.agency.name
    if doc.issued:
        values["date"] = doc.issued_on.isoformat() if doc.issued_on else ""
    return values


@predicate("R-DECISION-CONTENT")
def decision_content(ctx: Context, p: Params) -> Iterator[Violation]:
    for doc in ctx.cf.documents_of(p["kind"]):
        values = _elements(ctx, doc, p)
        missing = [element for element, value in values.items() if not value]
        if missing:
            yield violation("missing", docs=[doc], elements=tuple(Term(ELEMENT_TERMS[m]) for m in missing))
        for element in p["named"]:
            value = values.get(element, "")
            if value and (value in p["unnamed"] or any(mark in value for mark in p["unnamed_marks"])):
                yield violation("unnamed", docs=[doc], element=Term(ELEMENT_TERMS[element]), value=value)
        texts = [field_text(v) for v in (doc.fields or {}).values()] if doc.fields else list(values.values())
        if any(p["forbidden"] in text for text in texts):
            yield violation("tentative", docs=[doc], word=p["forbidden"])


@predicate("R-NUMBER-FORMAT")
def number_format(ctx: Context, p: Params) -> Iterator[Violation]:
    agency = ctx.cf.agency
    kinds = catalogue()
    by_number: dict[str, list[Document]] = defaultdict(list)
    for doc in ctx.cf.documents:
        if not doc.number:
            continue
        by_number[doc.number].append(doc)
        kind = kinds.get(doc.kind)
        if kind is None or not kind.code:
            continue
        parsed = parse_number(agency.number_pattern, agency.code, doc.number)
        if parsed is None or parsed.code != kind.code or not all(b in doc.number for b in p["brackets"]):
            year = doc.issued_on.year if doc.issued_on else date.today().year
            example = format_number(agency.number_pattern, agency=agency.code, code=kind.code, year=year, seq=1)
            yield violation("pattern", docs=[doc], number=doc.number, kind=KindName(doc.kind), example=example)
    for number, docs in by_number.items():
        if len(docs) > 1:
            yield violation("duplicate", docs=docs, number=number, count=len(docs))


def _normal(text: str) -> str:
    return "".join(text.split()).upper()


def _party_named(ctx: Context, name: str) -> Party | None:
    return next((party for party in ctx.cf.parties if _normal(party.name) == name), ctx.party)


@predicate("R-CONSISTENCY")
def consistency(ctx: Context, p: Params) -> Iterator[Violation]:
    fields_to_attr: dict[str, str] = p["fields"]
    name_field = next(f for f, attr in fields_to_attr.items() if attr == "name")
    differing: dict[str, list[Document]] = defaultdict(list)
    first_seen: dict[tuple[str, str], str] = {}
    for doc in ctx.cf.documents_of(*catalogue()):
        fields = doc.fields or {}
        party = _party_named(ctx, _normal(field_text(fields.get(name_field))))
        who = party.name if party else ""
        for field, attr in fields_to_attr.items():
            value = _normal(field_text(fields.get(field)))
            if not value:
                continue
            expected = _normal(str(getattr(party, attr, None) or "")) or first_seen.setdefault((who, attr), value)
            if value != expected:
                differing[attr].append(doc)
    for attr, docs in differing.items():
        yield violation("differs", docs=docs, item=Term(ELEMENT_TERMS[attr]))
