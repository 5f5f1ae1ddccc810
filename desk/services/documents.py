"""Document use cases: draft, edit, issue (number + freeze), void, serve, and the DOCX of a document.

Issuing is one transaction: the number is allocated, the DOCX rendered and stored, the fields and
the DOCX hash frozen, the audit entry written — all or nothing. An issued document is never edited:
changing it means voiding it (its number stays spent) and drafting anew.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from desk.casefile import limits
from desk.casefile.facts import CaseFile
from desk.catalogue import Kind, kind
from desk.db.uow import UnitOfWork
from desk.errors import IssueRefused, NotFound, Problem, Term, UserError, ValidationError
from desk.models import Agency, Document
from desk.services import access, audit, forms, numbering, store
from desk.services.cases import ensure_writable, load_casefile, resolve

if TYPE_CHECKING:
    from desk.procedure.guard import Verdict

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
    # the snapshot counts every document of the case: the ORM collection need not be loaded to append to it
    doc = Document(case=case, agency_id=case.agency_id, position=len(cf.documents), kind=k.id,
                   status="draft", fields=_plain_fields(k, fields), created_at=now, updated_at=now)
    uow.session.add(doc)
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
    from desk.casefile.field_checks import check_values
    from desk.render.docx_fill import validate_fields

    typed = [p for p in validate_fields(k, fields) if p.key != "label_required"]
    failed = {p.where for p in typed}
    return typed + [p for p in check_values(k, fields) if p.where not in failed]


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
    """The number issuing would give now (shown in the confirmation; not reserved): for a kind issued on
    pre-printed forms, the next unused form the case's officer (else squad) holds."""
    doc = get(uow, ref)
    k = kind(doc.kind)
    if not k.numbered:
        return None
    agency = uow.session.get(Agency, doc.agency_id)
    assert agency is not None
    year = (on or date.today()).year
    if k.id in forms.pre_numbered(agency):
        block, seq = forms.propose(uow, agency, k.code, year, doc.case)
        return forms.number_of(agency, block, seq)
    return numbering.peek(uow, agency, k.code, year)


def issue(uow: UnitOfWork, ref: str | int, *, on: date | None = None, form: str | None = None) -> Document:
    """Number (when the kind carries a number), render, store and freeze a draft. ``form``: the printed number
    of the pre-numbered form used (default: the next unused form the case's officer or squad holds)."""
    return issue_checked(uow, ref, on=on, form=form)[0]


def issue_checked(uow: UnitOfWork, ref: str | int, *, on: date | None = None, form: str | None = None
                  ) -> tuple[Document, Verdict]:
    """``issue``, also giving the issue guard's warnings (majors and minors the user confirmed)."""
    from desk.services.lifecycle import after_issue

    access.require(uow, "issue")
    doc = get(uow, ref)
    case = doc.case
    ensure_writable(case)
    if doc.status != "draft":
        raise UserError("document_not_draft", ref=doc.number or doc.id, status=Term(doc.status))
    k = kind(doc.kind)
    on = on or date.today()
    agency = uow.session.get(Agency, doc.agency_id)
    assert agency is not None
    if form is not None and not k.numbered:
        raise UserError("form_kind_unnumbered", kind=k.title)
    # one snapshot for the guard, the rendering and the case row, taken before the number is (the counter
    # stays locked until commit): nothing the three read changes in between
    cf = load_casefile(uow, case.id)
    verdict = guard_verdict(uow, doc, on, cf)  # the law before the number
    if k.numbered:
        doc.number, doc.seq = _allocate(uow, agency, k, on.year, doc, form)
        doc.code, doc.year = k.code, on.year
    doc.status, doc.issued_on = "issued", on
    data = _render(k.id, cf, doc.fields or {}, doc.number, on)
    doc.docx_sha256 = store.put_bytes(data)
    doc.updated_at = datetime.now(UTC)
    if k.id == "filing_approval" and doc.number:
        case.number, case.filed_on = doc.number, on
    previous = after_issue(uow, case, doc, cf.case)
    audit.record(uow, "document_issued", case_id=case.id, document_id=doc.id, kind=k.id, number=doc.number,
                 docx_sha256=doc.docx_sha256, **previous)
    return doc, verdict


def guard_verdict(uow: UnitOfWork, doc: Document, on: date, cf: CaseFile | None = None) -> Verdict:
    """What the issue guard says about issuing ``doc`` on ``on``; refuses an unlawful issue (nothing changed).
    ``cf``: the case's snapshot when the caller has it already (else it is loaded)."""
    from desk.procedure.guard import judge
    from desk.services.calendar_admin import calendar
    from desk.services.lifecycle import require_recorded_date
    from desk.services.mapping import document_facts

    require_recorded_date(on, "--on")
    k = kind(doc.kind)
    try:
        _require_complete(k, doc.fields or {})
        _require_in_order(k, doc.fields or {}, on)
    except ValidationError as err:
        raise IssueRefused(rule="", reason=err.render(), first_lawful=None) from None
    snapshot = cf if cf is not None else load_casefile(uow, doc.case_id)
    verdict = judge(snapshot, document_facts(doc), on, calendar=calendar(uow.session))
    if verdict.blockers:
        first = verdict.blockers[0]
        raise IssueRefused(rule=first.rule, reason=first.text(), first_lawful=verdict.first_lawful,
                           others=[b.rule for b in verdict.blockers[1:]])
    return verdict


def _require_in_order(k: Kind, fields: Mapping[str, object], on: date) -> None:
    """A 改正期限 after the issue date ``on`` (``desk.casefile.field_checks``, as the editor shows it)."""
    from desk.casefile.field_checks import check_values

    wrong = [p for p in check_values(k, fields, on) if p.key == "field_after_issue"]
    if wrong:
        raise ValidationError(wrong, "invalid_fields")


def _require_complete(k: Kind, fields: Mapping[str, object]) -> None:
    """The one check before a document issues (``desk issue``, the window, import, the demo): every value
    valid and every required one given — each problem names the field by its manifest label."""
    from desk.render.docx_fill import validate_fields

    problems = validate_fields(k, fields)
    if problems:
        raise ValidationError(problems, "invalid_fields")


def _allocate(uow: UnitOfWork, agency: Agency, k: Kind, year: int, doc: Document, form: str | None
              ) -> tuple[str, int]:
    """A counter number, or for pre-printed forms (当场处罚决定书) the number of the form used (forms.take)."""
    taken = forms.take(uow, agency=agency, kind_id=k.id, code=k.code, year=year, case=doc.case, form=form,
                       document_id=doc.id)
    return taken or numbering.allocate(uow, agency, k.code, year, document_id=doc.id)


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
    from desk.services.lifecycle import after_void

    after_void(uow, doc)
    audit.record(uow, "document_voided", case_id=doc.case_id, document_id=doc.id, number=doc.number,
                 reason=reason.strip())
    return doc


def serve(uow: UnitOfWork, ref: str | int, *, on: date, method: str, receiver: str | None = None,
          correct: str | None = None) -> Document | None:
    """Record service of an issued document; creates its 送达回证 (returned; None when the form is its own receipt).

    A document is served once: recording it again is refused unless ``correct`` says why the first record
    was wrong (the audit log keeps the first record; the receipt made for it is voided and a new one made).
    """
    from desk.services.lifecycle import require_recorded_date

    access.require(uow, "serve")
    require_recorded_date(on, "--on")
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
    if doc.served_on is not None:
        reason = (correct or "").strip()
        if not reason:
            raise UserError("already_served", ref=doc.number or doc.id, on=doc.served_on)
        audit.record(uow, "service_corrected", case_id=case.id, document_id=doc.id, was_on=doc.served_on,
                     was_method=doc.service, was_receiver=doc.receiver, reason=reason)
        for old in [d for d in case.documents if d.serves_id == doc.id and d.status == "issued"]:
            void(uow, old.id, reason=reason)
    if method == "electronic":
        consents = [d for d in case.documents if d.kind == "service_address_confirmation" and d.status == "issued"
                    and d.issued_on and d.issued_on <= on]
        if not consents:
            raise UserError("electronic_without_consent")
    limits.require(limits.text_error(receiver or "", limits.DOCUMENT["receiver"]), "--receiver")
    doc.served_on, doc.service, doc.receiver = on, method, receiver
    doc.updated_at = datetime.now(UTC)
    audit.record(uow, "document_served", case_id=case.id, document_id=doc.id, on=on, method=method,
                 receiver=receiver)
    if k.id == "summary_penalty_decision":  # the party signs the form itself
        return None
    return _receipt(uow, doc, on, method, receiver)


def _receipt(uow: UnitOfWork, served: Document, on: date, method: str, receiver: str | None) -> Document:
    from desk.casefile.facts import Document as Facts
    from desk.services.frozen_fields import receipt_preset

    # the receipt states the served document's title and number as they are now, and keeps them
    preset = receipt_preset(Facts(kind=served.kind, number=served.number), on=on, method=method, receiver=receiver)
    receipt = draft(uow, served.case_id, "service_receipt", preset, today=on)
    receipt.serves, receipt.serves_id = served.number or served.kind, served.id
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
    from desk.render.pages import with_page_total

    context = build_context(kind_id, cf, fields, number, on)
    return with_page_total(kind_id, context, render_docx(kind_id, context))


def _fields_or_defaults(doc: Document, cf: CaseFile) -> dict[str, object]:
    """Fields of a document; an imported one without fields is drawn from the case."""
    if doc.fields is not None:
        return dict(doc.fields)
    from desk.render.defaults import default_fields

    return default_fields(doc.kind, cf, today=doc.issued_on or date.today())
