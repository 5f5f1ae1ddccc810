"""Service: R-SERVICE, R-SERVICE-7D, R-SERVICE-ELECTRONIC, R-SERVICE-NOTICE."""

from __future__ import annotations

from collections.abc import Iterator

from desk.casefile.facts import Document
from desk.catalogue import catalogue
from desk.procedure.context import Context
from desk.procedure.messages import SERVICE_TERMS, KindName, Term
from desk.procedure.periods import service_due
from desk.procedure.registry import Params, Violation, predicate, violation


def _served_kind_documents(ctx: Context) -> list[Document]:
    """Issued documents of kinds that must be served on the party."""
    return ctx.cf.issued_of(*(k.id for k in catalogue().values() if k.served))


@predicate("R-SERVICE")
def service(ctx: Context, p: Params) -> Iterator[Violation]:
    receipts = {r.serves for r in ctx.cf.issued_of(p["receipt"]) if r.serves}
    for doc in _served_kind_documents(ctx):
        if doc.served_on is None or doc.service is None:
            yield violation("unserved", docs=[doc], kind=KindName(doc.kind))
        elif doc.service in p["receipt_methods"] and doc.kind not in p["own_receipt"] and doc.reference not in receipts:
            yield violation(
                "receipt", docs=[doc], kind=KindName(doc.kind), method=Term(SERVICE_TERMS[doc.service]),
                receipt=KindName(p["receipt"]),
            )


@predicate("R-SERVICE-7D")
def service_7d(ctx: Context, p: Params) -> Iterator[Violation]:
    for doc in ctx.cf.issued_of(*p["kinds"]):
        due = service_due(ctx, doc)
        if due is None:
            continue
        if doc.served_on is None:
            if ctx.overdue(due):
                yield violation("unserved", docs=[doc], due=due)
        elif doc.served_on > due:
            yield violation("late", docs=[doc], due=due, actual=doc.served_on)


@predicate("R-SERVICE-ELECTRONIC")
def service_electronic(ctx: Context, p: Params) -> Iterator[Violation]:
    consents = [c.issued_on for c in ctx.cf.issued_of(p["consent"]) if c.issued_on]
    for doc in _served_kind_documents(ctx):
        if doc.service == "electronic" and doc.served_on and not any(c <= doc.served_on for c in consents):
            yield violation("no_consent", docs=[doc], actual=doc.served_on, consent=KindName(p["consent"]))


@predicate("R-SERVICE-NOTICE")
def service_notice(ctx: Context, p: Params) -> Iterator[Violation]:
    depends: dict[str, dict[str, list[str]]] = p["depends"]
    for doc in _served_kind_documents(ctx):
        deemed = ctx.served(doc) if doc.service == "notice" else None
        needs = depends.get(doc.kind)
        if deemed is None or needs is None:
            continue
        docs = [d for d in ctx.cf.issued_of(*needs["documents"]) if d.issued_on and d.issued_on < deemed]
        events = [e for e in ctx.cf.events_of(*needs["events"]) if e.on < deemed]
        if docs or events:
            first = min([d.issued_on for d in docs if d.issued_on] + [e.on for e in events])
            yield violation("early", docs=[doc, *docs], events=events, due=deemed, actual=first)
