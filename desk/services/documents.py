"""Document use cases: draft, edit, issue (number + freeze), void, serve, and the DOCX of a document.

Issuing is one transaction: the number is allocated, the DOCX rendered and stored, the fields and
the DOCX hash frozen, the audit entry written — all or nothing. An issued document is never edited:
changing it means voiding it (its number stays spent) and drafting anew.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from desk.casefile import limits
from desk.casefile.facts import CaseFile
from desk.catalogue import Kind, kind
from desk.db.uow import UnitOfWork
from desk.errors import NotFound, Problem, Term, UserError, ValidationError
from desk.models import Agency, Document, FormBlock
from desk.services import access, audit, numbering, store
from desk.services.cases import ensure_writable, load_casefile, resolve

SERVICE_METHODS = ("direct", "left", "post", "electronic", "entrusted", "notice")


def get(uow: UnitOfWork, ref: str | int) -> Document:
    """A document by internal id or by number."""
    doc = None
    if limits.text_error(str(ref), limits.DOCUMENT["number"]) is not None:
        raise NotFound("document_not_found", ref=str(ref)[:40].encode("unicode_escape").decode())
    if isinstance(ref, int) or (str(ref).isdigit() and len(str(ref)) < 10):  # an id fits a 32-bit column
        doc = uow.session.get(Document, int(ref))
    if doc is None:
        doc = uow.session.scalars(select(Document).where(Document.number == str(ref))).first()
    if doc is None:
        raise NotFound("document_not_found", ref=ref)
    return doc


def draft(uow: UnitOfWork, case_ref: str | int, kind_id: str, values: Mapping[str, object] | None = None,
          *, today: date | None = None) -> Document:
    """A new draft of ``kind_id``, its fields defaulted from the case and overridden by ``values``."""
    from desk.render.defaults import default_fields

    access.require(uow, "draft")
    case = resolve(uow, case_ref)
    ensure_writable(case)
    k = kind(kind_id)
    cf = load_casefile(uow, case.id)
    fields = default_fields(k.id, cf, today=today or date.today())
    fields.update(_known(k, values or {}))
    problems = _invalid(k, fields)
    if problems:
        raise ValidationError(problems, "invalid_fields")
    now = datetime.now(UTC)
    doc = Document(case_id=case.id, agency_id=case.agency_id, position=len(case.documents), kind=k.id,
                   status="draft", fields=_plain_fields(k, fields), created_at=now, updated_at=now)
    case.documents.append(doc)
    uow.session.flush()
    audit.record(uow, "document_drafted", case_id=case.id, document_id=doc.id, kind=k.id)
    return doc


def edit(uow: UnitOfWork, ref: str | int, values: Mapping[str, object]) -> Document:
    """Change fields of a draft (an issued document is frozen)."""
    access.require(uow, "edit")
    doc = get(uow, ref)
    ensure_writable(doc.case)
    if doc.status != "draft":
        raise UserError("document_frozen", ref=doc.number or doc.id, status=Term(doc.status))
    k = kind(doc.kind)
    fields = {**(doc.fields or {}), **_known(k, values)}
    problems = _invalid(k, fields)
    if problems:
        raise ValidationError(problems, "invalid_fields")
    doc.fields = _plain_fields(k, fields)
    doc.updated_at = datetime.now(UTC)
    audit.record(uow, "document_edited", case_id=doc.case_id, document_id=doc.id, fields=sorted(values))
    return doc


def _invalid(k: Kind, fields: Mapping[str, object]) -> list[Problem]:
    """What is wrong with the values given; a missing required field waits until the document is issued."""
    from desk.render.docx_fill import validate_fields

    return [p for p in validate_fields(k, fields) if p.key != "field_required"]


def _known(k: Kind, values: Mapping[str, object]) -> dict[str, object]:
    names = {f.name for f in k.fields}
    unknown = [Problem(name, "field_unknown", field=name, kind=k.id) for name in values if name not in names]
    if unknown:
        raise ValidationError(unknown, "invalid_fields")
    return dict(values)


def _plain_fields(k: Kind, values: Mapping[str, object]) -> dict[str, Any]:
    from desk.render.fields import plain, typed

    by_name = {f.name: f for f in k.fields}
    return {name: plain(typed(by_name[name], v)) if v not in (None, "") else None for name, v in values.items()}


def next_number(uow: UnitOfWork, ref: str | int, *, on: date | None = None) -> str | None:
    """The number issuing would give now (shown in the confirmation; not reserved)."""
    doc = get(uow, ref)
    k = kind(doc.kind)
    if not k.numbered:
        return None
    agency = uow.session.get(Agency, doc.agency_id)
    assert agency is not None
    return numbering.peek(uow, agency, k.code, (on or date.today()).year)


def issue(uow: UnitOfWork, ref: str | int, *, on: date | None = None) -> Document:
    """Number (when the kind carries a number), render, store and freeze a draft."""
    access.require(uow, "issue")
    doc = get(uow, ref)
    case = doc.case
    ensure_writable(case)
    if doc.status != "draft":
        raise UserError("document_not_draft", ref=doc.number or doc.id, status=Term(doc.status))
    k = kind(doc.kind)
    on = on or date.today()
    limits.require(limits.date_error(on))
    agency = uow.session.get(Agency, doc.agency_id)
    assert agency is not None
    _require_complete(k, doc.fields or {})
    cf = load_casefile(uow, case.id)  # before the number is taken: the counter stays locked until commit
    if k.numbered:
        doc.number, doc.seq = _allocate(uow, agency, k, on.year, doc.id)
        doc.code, doc.year = k.code, on.year
    doc.status, doc.issued_on = "issued", on
    data = _render(k.id, cf, doc.fields or {}, doc.number, on)
    doc.docx_sha256 = store.put_bytes(data)
    doc.updated_at = datetime.now(UTC)
    if k.id == "filing_approval" and doc.number:
        case.number, case.filed_on = doc.number, on
    audit.record(uow, "document_issued", case_id=case.id, document_id=doc.id, kind=k.id, number=doc.number,
                 docx_sha256=doc.docx_sha256)
    return doc


def _require_complete(k: Kind, fields: Mapping[str, object]) -> None:
    missing = [Problem(f.name, "field_required", field=f.name, label=f.label)
               for f in k.fields if f.required and fields.get(f.name) in (None, "", [])]
    if missing:
        raise ValidationError(missing, "invalid_fields")


def _allocate(uow: UnitOfWork, agency: Agency, k: Kind, year: int, document_id: int) -> tuple[str, int]:
    """A counter number, or for pre-printed forms (当场处罚决定书) the next form of a registered block."""
    if k.id == "summary_penalty_decision":
        block = uow.session.scalars(
            select(FormBlock)
            .where(FormBlock.agency_id == agency.id, FormBlock.code == k.code, FormBlock.year == year,
                   FormBlock.next_seq <= FormBlock.last_seq)
            .order_by(FormBlock.first_seq)
            .with_for_update()
        ).first()
        if block is not None:
            from desk.casefile.numbers import ParsedNumber, format_number

            seq = block.next_seq
            block.next_seq += 1
            number = format_number(agency.number_pattern, agency=agency.code, code=k.code, year=year, seq=seq)
            numbering.log(uow, agency.id, ParsedNumber(agency.code, k.code, year, seq), number, "issued",
                          document_id=document_id, note=f"form block {block.first_seq}-{block.last_seq}")
            return number, seq
    return numbering.allocate(uow, agency, k.code, year, document_id=document_id)


def void(uow: UnitOfWork, ref: str | int, *, reason: str) -> Document:
    """Void an issued document; its number stays spent and listed."""
    access.require(uow, "void")
    doc = get(uow, ref)
    ensure_writable(doc.case)
    if doc.status != "issued":
        raise UserError("document_not_issued", ref=doc.number or doc.id, status=Term(doc.status))
    if not reason.strip():
        raise UserError("void_reason_missing")
    limits.require(limits.text_error(reason, limits.DOCUMENT["void_reason"]), "--reason")
    doc.status, doc.void_reason, doc.updated_at = "void", reason.strip(), datetime.now(UTC)
    if doc.number and doc.code and doc.year and doc.seq:
        from desk.casefile.numbers import ParsedNumber

        agency_code = uow.session.get(Agency, doc.agency_id)
        assert agency_code is not None
        numbering.log(uow, doc.agency_id, ParsedNumber(agency_code.code, doc.code, doc.year, doc.seq), doc.number,
                      "voided", document_id=doc.id, note=reason.strip())
    audit.record(uow, "document_voided", case_id=doc.case_id, document_id=doc.id, number=doc.number,
                 reason=reason.strip())
    return doc


def serve(uow: UnitOfWork, ref: str | int, *, on: date, method: str, receiver: str | None = None) -> Document | None:
    """Record service of an issued document; creates its 送达回证 (returned; None when the form is its own receipt)."""
    access.require(uow, "serve")
    doc = get(uow, ref)
    case = doc.case
    ensure_writable(case)
    k = kind(doc.kind)
    if method not in SERVICE_METHODS:
        raise UserError("bad_service_method", value=method, choices=SERVICE_METHODS)
    if doc.status != "issued":
        raise UserError("document_not_issued", ref=doc.number or doc.id, status=Term(doc.status))
    if not k.served:
        raise UserError("kind_not_served", kind=k.title)
    if doc.issued_on and on < doc.issued_on:
        raise UserError("served_before_issue", on=on, issued=doc.issued_on)
    if method == "electronic":
        consents = [d for d in case.documents if d.kind == "service_address_confirmation" and d.status == "issued"
                    and d.issued_on and d.issued_on <= on]
        if not consents:
            raise UserError("electronic_without_consent")
    limits.require(limits.date_error(on))
    limits.require(limits.text_error(receiver or "", limits.DOCUMENT["receiver"]), "--receiver")
    doc.served_on, doc.service, doc.receiver = on, method, receiver
    doc.updated_at = datetime.now(UTC)
    audit.record(uow, "document_served", case_id=case.id, document_id=doc.id, on=on, method=method,
                 receiver=receiver)
    if k.id == "summary_penalty_decision":  # the party signs the form itself
        return None
    return _receipt(uow, doc, on, method, receiver)


def _receipt(uow: UnitOfWork, served: Document, on: date, method: str, receiver: str | None) -> Document:
    receipt = draft(uow, served.case_id, "service_receipt", today=on)
    receipt.serves, receipt.serves_id = served.number or served.kind, served.id
    fields = dict(receipt.fields or {})
    k = kind("service_receipt")
    names = {f.name for f in k.fields}
    preset = {"served_title": kind(served.kind).title, "served_number": served.number or "", "method": method,
              "receiver": receiver or "", "served_on": on.isoformat()}
    fields.update({n: v for n, v in preset.items() if n in names})
    receipt.fields = _plain_fields(k, fields)
    issue(uow, receipt.id, on=on)
    receipt.receiver = receiver
    return receipt


def docx_bytes(uow: UnitOfWork, ref: str | int) -> bytes:
    """The DOCX of a document: the frozen one when issued, a fresh rendering of a draft."""
    doc = get(uow, ref)
    if doc.status != "draft" and doc.docx_sha256:
        return store.read(doc.docx_sha256)
    cf = load_casefile(uow, doc.case_id)
    return _render(doc.kind, cf, _fields_or_defaults(doc, cf), doc.number, doc.issued_on)


def _render(kind_id: str, cf: CaseFile, fields: Mapping[str, object], number: str | None, on: date | None) -> bytes:
    from desk.render.context import build_context
    from desk.render.docx_fill import render_docx

    return render_docx(kind_id, build_context(kind_id, cf, fields, number, on))


def _fields_or_defaults(doc: Document, cf: CaseFile) -> dict[str, object]:
    """Fields of a document; an imported one without fields is drawn from the case."""
    if doc.fields is not None:
        return dict(doc.fields)
    from desk.render.defaults import default_fields

    return default_fields(doc.kind, cf, today=doc.issued_on or date.today())
