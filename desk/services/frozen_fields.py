"""The fields a document keeps for ever: derived once (at import, at service) and then stored.

An issued document never consults the live case again. A document imported without ``fields`` gets
them here, once, from the case as it stood when the document was made (the documents before it);
a 送达回证 names the document it served — title and number as they were at service.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desk.casefile.facts import CaseFile, Document
from desk.catalogue import kind


def receipt_preset(served: Document | None, *, on: date | None, method: str | None,
                   receiver: str | None) -> dict[str, object]:
    """What a 送达回证 states about the service it proves (only the values known)."""
    values: dict[str, object] = {
        "document_title": kind(served.kind).title if served else None,
        "document_number": served.number if served else None,
        "method": method,
        "served_at": on.isoformat() if on else None,
        "signer": receiver,
    }
    return {k: v for k, v in values.items() if v not in (None, "")}


def fields_at_import(cf: CaseFile, index: int) -> dict[str, object]:
    """The fields of ``cf.documents[index]`` drawn from the case as it stood when the document was made."""
    from desk.render.defaults import default_fields

    d = cf.documents[index]
    before = replace(cf, documents=cf.documents[:index])
    fields = default_fields(d.kind, before, today=d.issued_on or date.today())
    if d.kind == "penalty_prior_notice":  # what the notice said, as the file records it — never recomputed
        fields["hearing_right"] = bool(d.hearing_right)
    if d.kind == "service_receipt":
        served = next((x for x in cf.documents if x.reference == d.serves and x.kind != "service_receipt"), None)
        fields.update(receipt_preset(served, on=(served.served_on if served else None) or d.issued_on,
                                     method=served.service if served else None,
                                     receiver=d.receiver or (served.receiver if served else None)))
    return fields


def with_fields(cf: CaseFile) -> CaseFile:
    """Every document of ``cf`` with its fields: those given kept, the others derived once."""
    docs = tuple(d if d.fields is not None else replace(d, fields=fields_at_import(cf, i))
                 for i, d in enumerate(cf.documents))
    return replace(cf, documents=docs)
