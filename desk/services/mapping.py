"""Between the database rows of a case and its immutable ``CaseFile`` snapshot."""

from __future__ import annotations

from dataclasses import fields as dc_fields
from datetime import UTC, datetime
from typing import Any

from desk.casefile import facts as f
from desk.discretion.model import parse_circumstance
from desk.models import Agency, Attachment, Case, Document, Event, Party

_AGENCY_SETTINGS = {fld.name for fld in dc_fields(f.AgencySettings)}


def agency_facts(agency: Agency, squad: str = "") -> f.Agency:
    settings = {k: v for k, v in (agency.settings or {}).items() if k in _AGENCY_SETTINGS}
    return f.Agency(
        name=agency.name,
        code=agency.code,
        squad=squad,
        reconsideration_body=agency.reconsideration_body,
        court=agency.court,
        number_pattern=agency.number_pattern,
        contact=f.Contact(person=agency.contact_person, phone=agency.contact_phone, address=agency.contact_address),
        payment=f.Payment(bank=agency.payment_bank, account_name=agency.payment_account_name,
                          account=agency.payment_account, channel=agency.payment_channel),
        public_security=agency.public_security,
        transfer_to=agency.transfer_to,
        settings=f.AgencySettings(**settings),
    )


def agency_columns(a: f.Agency) -> dict[str, str]:
    """The agency's document settings from a case file, by column name (empty when the file has none)."""
    return {
        "reconsideration_body": a.reconsideration_body, "court": a.court,
        "contact_person": a.contact.person, "contact_phone": a.contact.phone, "contact_address": a.contact.address,
        "payment_bank": a.payment.bank, "payment_account_name": a.payment.account_name,
        "payment_account": a.payment.account, "payment_channel": a.payment.channel,
        "public_security": a.public_security, "transfer_to": a.transfer_to,
    }


def to_casefile(case: Case, agency: Agency) -> f.CaseFile:
    """The snapshot of a loaded case (with its parties, events, documents and attachments)."""
    c = f.Case(
        number=case.number,
        cause=case.cause,
        procedure=case.procedure,
        outcome=case.outcome,
        domain=case.domain,
        source=case.source,
        discovered_on=case.discovered_on,
        violation_on=case.violation_on,
        place=case.place or "",
        violation_at=case.violation_at,
        facts=case.facts,
        evidence=tuple(case.evidence),
        violated=tuple(case.violated),
        basis=tuple(case.basis),
        discretion=discretion_facts(case.discretion),
        penalty=f.Penalty(kinds=tuple(case.penalty_kinds), fine=case.fine, confiscated=case.confiscated),
        major=case.major,
        complex=case.complex,
        endangers_safety=case.endangers_safety,
        officers=tuple(f.Officer(**o) for o in case.officers),
        retention=case.retention,
    )
    return f.CaseFile(
        agency=agency_facts(agency, case.squad),
        case=c,
        parties=tuple(
            f.Party(kind=p.kind, name=p.name, id_type=p.id_type, id_number=p.id_number, uscc=p.uscc,
                    legal_representative=p.legal_representative, address=p.address, phone=p.phone)
            for p in case.parties
        ),
        events=tuple(
            f.Event(type=e.type, on=e.on, at=e.at, by=e.by, note=e.note, amount=e.amount,
                    kinds=tuple(e.kinds) if e.kinds is not None else None, days=e.days,
                    leaders=tuple(e.leaders) if e.leaders is not None else None)
            for e in case.events
        ),
        documents=tuple(document_facts(d) for d in case.documents),
        attachments=tuple(
            f.Attachment(title=a.title, kind=a.kind, made_on=a.made_on, made_by=a.made_by, proves=a.proves,
                         pages=a.pages, file=a.file_name and f"store:{a.sha256}/{a.file_name}", sha256=a.sha256,
                         id=a.id)
            for a in case.attachments
        ),
        id=case.id,
        status=case.status,
    )


def discretion_facts(row: dict[str, Any]) -> f.Discretion:
    """The case's ``discretion`` column (a JSON object) as facts; circumstances stored as their texts."""
    found = (parse_circumstance(t) for t in row.get("circumstances", ()))
    return f.Discretion(**{**row, "circumstances": tuple(c for c in found if c is not None)})


def discretion_row(d: f.Discretion) -> dict[str, Any]:
    """The ``discretion`` column for facts: only what is set."""
    row: dict[str, Any] = {k: v for k, v in (("level", d.level), ("standard", d.standard), ("item", d.item),
                                             ("version", d.version)) if v}
    if d.circumstances:
        row["circumstances"] = [c.text for c in d.circumstances]
    return row


def document_facts(d: Document) -> f.Document:
    return f.Document(
        kind=d.kind,
        status=d.status,
        number=d.number,
        issued_on=d.issued_on,
        served_on=d.served_on,
        service=d.service,
        receiver=d.receiver,
        serves=d.serves,
        hearing_right=d.hearing_right,
        pages=d.pages,
        file=d.file_name and f"store:{d.file_sha256}/{d.file_name}",
        fields=dict(d.fields) if d.fields is not None else None,
        void_reason=d.void_reason,
        id=d.id,
        scan=d.scan_name and f"store:{d.scan_sha256}/{d.scan_name}",
    )


def new_case(cf: f.CaseFile, agency: Agency) -> Case:
    """Rows for a new case from a snapshot (documents' numbers and files are set by the caller)."""
    now = datetime.now(UTC)
    c = cf.case
    filed = cf.events_of("filed")
    case = Case(
        agency_id=agency.id,
        number=c.number,
        cause=c.cause,
        domain=c.domain,
        source=c.source,
        procedure=c.procedure,
        outcome=c.outcome,
        squad=cf.agency.squad,
        discovered_on=c.discovered_on,
        violation_on=c.violation_on,
        place=c.place,
        violation_at=c.violation_at,
        filed_on=filed[0].on if filed else None,
        facts=c.facts,
        evidence=list(c.evidence),
        violated=list(c.violated),
        basis=list(c.basis),
        discretion=discretion_row(c.discretion),
        penalty_kinds=list(c.penalty.kinds),
        fine=c.penalty.fine,
        confiscated=c.penalty.confiscated,
        major=c.major,
        complex=c.complex,
        endangers_safety=c.endangers_safety,
        officers=[{"name": o.name, "certificate": o.certificate} for o in c.officers],
        retention=c.retention,
        status="closed" if cf.events_of("closed") else "open",
        party_name=cf.parties[0].name if cf.parties else "",
        created_at=now,
        updated_at=now,
    )
    case.parties = [
        Party(position=i, kind=p.kind, name=p.name, id_type=p.id_type, id_number=p.id_number, uscc=p.uscc,
              legal_representative=p.legal_representative, address=p.address, phone=p.phone)
        for i, p in enumerate(cf.parties)
    ]
    case.events = [
        Event(position=i, type=e.type, on=e.on, at=e.at, by=e.by, note=e.note, amount=e.amount,
              kinds=list(e.kinds) if e.kinds is not None else None, days=e.days,
              leaders=list(e.leaders) if e.leaders is not None else None)
        for i, e in enumerate(cf.events)
    ]
    case.attachments = [
        Attachment(position=i, title=a.title, kind=a.kind, made_on=a.made_on, made_by=a.made_by, proves=a.proves,
                   pages=a.pages, sha256=a.sha256)
        for i, a in enumerate(cf.attachments)
    ]
    return case


def new_document(d: f.Document, *, agency_id: int, position: int) -> Document:
    now = datetime.now(UTC)
    return Document(
        agency_id=agency_id,
        position=position,
        kind=d.kind,
        status=d.status,
        number=d.number,
        fields=dict(d.fields) if d.fields is not None else None,
        issued_on=d.issued_on,
        served_on=d.served_on,
        service=d.service,
        receiver=d.receiver,
        serves=d.serves,
        hearing_right=d.hearing_right,
        pages=d.pages,
        void_reason=d.void_reason,
        created_at=now,
        updated_at=now,
    )
