"""Archiving a case: the check gate, the archive number, the package, the freeze — one transaction.

``archive`` refuses, changing nothing and writing nothing, while a blocking finding stands. Otherwise it
assigns the archive number, binds both dossier volumes, writes the package (``desk.archive.package``)
and marks the case archived, which makes it read-only on every write path (``cases.ensure_writable``).
The package is written under a temporary name (``desk.outputs``) and its SHA-256 stored on the case in the
same transaction; only after that transaction commits is it renamed into place. A kill at any moment leaves
either no package and an unchanged case, or a committed archive whose package the next run of Desk renames
into place (the journal knows its digest); a package whose digest no archived case holds is never valid.
"""

from __future__ import annotations

import io
import itertools
import logging
import mimetypes
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import event, select

from desk import config, outputs
from desk.archive import names, signature
from desk.archive.metadata import CaseDescription, FileRecord, LogEvent, PayloadItem
from desk.archive.number import next_archive_number
from desk.archive.package import Description, write_package
from desk.casefile.facts import RETENTIONS, CaseFile
from desk.catalogue import kind
from desk.db.uow import UnitOfWork
from desk.errors import Refusal, UserError
from desk.models import Agency, AuditEntry, Case, Document
from desk.services import access, audit, documents, keys, store
from desk.services.cases import ensure_writable, load_casefile, resolve

DECISION_KINDS = ("penalty_decision", "summary_penalty_decision", "no_penalty_decision", "criminal_transfer",
                  "case_transfer_letter")
PERMANENT_PENALTIES = frozenset({"revoke_permit", "order_closure"})
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArchiveResult:
    case_id: int
    archive_number: str
    retention: str
    path: Path


def default_retention(cf: CaseFile) -> str:
    """documents.md: summary 10 years, general 30 years, permanent when a permit is revoked or a business closed."""
    if PERMANENT_PENALTIES & set(cf.case.penalty.kinds):
        return "permanent"
    return "10y" if cf.case.procedure == "summary" else "30y"


def archive(uow: UnitOfWork, case_ref: str | int, *, out: Path, retention: str | None = None,
            today: date | None = None, passphrase: str | None = None) -> ArchiveResult:
    """Check, number, package (to ``out``) and freeze one case; see the module's docstring. ``passphrase`` opens
    the agency's signing key (default: ``DESK_PASSPHRASE``)."""
    from desk.procedure.checker import check
    from desk.services.calendar_admin import calendar

    access.require(uow, "archive")
    check_output(out)
    if retention is not None and retention not in RETENTIONS:
        raise UserError("bad_enum", value=retention, choices=RETENTIONS)
    pair = keys.unlock(uow, passphrase or config.passphrase())
    case, agency = _locked_case(uow, case_ref)
    cf = load_casefile(uow, case.id)
    today = today or date.today()
    report = check(cf, calendar=calendar(uow.session), today=today)
    blockers = [f for f in report.findings if f.severity == "blocker"]
    if blockers:
        raise Refusal("archive_refused", ref=case.number or case.id, count=len(blockers),
                      blockers="".join(f"\n  - {f.rule}: {f.text()}" for f in blockers))
    case.retention = retention or case.retention or default_retention(cf)
    case.archive_number = next_archive_number(uow, agency, today.year)
    uow.session.flush()  # the dossier's cover shows the archive number and retention
    description = _describe(case, cf, today, report.score)

    def seal(records: Sequence[FileRecord]) -> Description:
        """The payload is in: record what was done; the archive entry anchors the log."""
        audit.record(uow, "case_checked", case_id=case.id, score=report.score, findings=len(report.findings))
        audit.record(uow, "dossier_bound", case_id=case.id,
                     pages={r.item.title: r.item.pages for r in records if r.item.role == "dossier"})
        entry = audit.record(uow, "case_archived", case_id=case.id, archive_number=case.archive_number,
                             retention=case.retention, package=out.name, files=len(records),
                             key=pair.fingerprint)
        anchors.append(entry)
        return Description(description, _event_log(uow, case), audit.anchor(entry))

    anchors: list[AuditEntry] = []
    pending = outputs.begin(out)
    try:
        scratch = outputs.scratch_dir()
        try:
            serial = itertools.count(1)  # one number per item (件): a document's DOCX, PDF and original share it
            items = _dossier_items(uow, case, cf, scratch, today, serial)
            items += _document_items(uow, case, cf, serial)
            items += _evidence_items(case, cf, serial)
            write_package(pending.tmp, items, seal, when=datetime.now().astimezone(),
                          signer=lambda tags: signature.signature_file(pair, tags))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        # the freeze and the digest in one flush: from here the case is read-only (services.freeze)
        case.package_sha256 = outputs.sha256_of(pending.tmp)
        case.status, case.archived_at = "archived", datetime.now(UTC)
        uow.session.flush()
        keys.record_package(uow, pair, case_id=case.id, archive_number=case.archive_number, path=pending.tmp,
                            anchor=anchors[0], name=out.name)
        pending.expect(case.package_sha256)
    except BaseException:
        pending.abort()
        raise
    # the package takes its name only once the archive number, the freeze and its digest are committed
    event.listen(uow.session, "after_commit", lambda _session: _name_package(pending), once=True)
    event.listen(uow.session, "after_rollback", lambda _session: pending.abort(), once=True)
    return ArchiveResult(case.id, case.archive_number, case.retention, out)


def check_output(out: Path) -> None:
    """Refuse, before anything is asked for or written, a package path that is a folder or exists already
    (``outputs.check_target`` without making the folder: a refused archive leaves no trace)."""
    if out.is_dir():
        raise UserError("output_is_folder", path=out)
    if out.exists() or out.is_symlink():
        raise UserError("output_exists", path=out)


def _name_package(pending: outputs.Pending) -> None:
    """Rename the committed package into place; should that fail, the next run's sweep does it (by its digest)."""
    try:
        pending.commit()
    except OSError:
        log.exception("archive package %s left as %s for the next run to finish", pending.target, pending.tmp)


def package_known(uow: UnitOfWork, sha256: str) -> bool:
    """Whether an archived case holds this package digest (the only packages that are valid)."""
    return uow.session.scalar(
        select(Case.id).where(Case.package_sha256 == sha256, Case.status == "archived")) is not None


def package_record(uow: UnitOfWork, path: Path) -> Case | None:
    """The archived case whose package is the file at ``path`` (by its SHA-256), or None: see ``package_known``."""
    return uow.session.scalars(
        select(Case).where(Case.package_sha256 == outputs.sha256_of(path), Case.status == "archived")).first()


def _locked_case(uow: UnitOfWork, case_ref: str | int) -> tuple[Case, Agency]:
    """The case, re-read under its agency's row lock: one archivist at a time draws the agency's numbers."""
    case = resolve(uow, case_ref)
    agency = uow.session.scalars(
        select(Agency).where(Agency.id == case.agency_id).with_for_update(key_share=True)
    ).one()
    uow.session.refresh(case)
    ensure_writable(case)
    return case, agency


def _describe(case: Case, cf: CaseFile, today: date, score: int) -> CaseDescription:
    decisions = cf.issued_of(*DECISION_KINDS)
    closed = cf.events_of("closed")
    party = cf.main_party.name if cf.main_party else ""
    return CaseDescription(
        archive_number=case.archive_number or "",
        agency=cf.agency.name,
        agency_code=cf.agency.code,
        title=f"{party}{cf.case.cause}案",
        case_number=case.number,
        decision_number=decisions[-1].number if decisions else None,
        cause=cf.case.cause,
        party=party,
        procedure=cf.case.procedure,
        outcome=cf.case.outcome,
        squad=case.squad,
        officers=tuple(o.name for o in cf.case.officers),
        filed_on=case.filed_on,
        closed_on=closed[-1].on if closed else None,
        retention=case.retention or "",
        archived_on=today,
        check_score=score,
    )


def _dossier_items(uow: UnitOfWork, case: Case, cf: CaseFile, tmp: Path, today: date,
                   serial: Iterator[int]) -> list[PayloadItem]:
    """The bound volumes (正卷, and 副卷 when it holds anything), their covers showing the archive number."""
    from desk.dossier.plan import VOLUME_TITLES
    from desk.dossier.profile import VOLUMES
    from desk.services.dossier import build_volumes

    results = build_volumes(uow, case.id, out=tmp / "dossier.pdf")
    bound = [(VOLUME_TITLES[v], r) for v, r in zip(VOLUMES, results, strict=True) if r.items]
    return [
        PayloadItem(f"dossier/{names.item_name(next(serial), title, suffix='.pdf')}", r.path, title, "dossier",
                    number=case.archive_number, responsible=cf.agency.name, date=today, pages=r.pages,
                    media_type=PDF)
        for title, r in bound
    ]


def _pdf_pages(data: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def _media_type(file_name: str | None, recorded: str | None = None) -> str:
    return recorded or mimetypes.guess_type(file_name or "")[0] or "application/octet-stream"


def _document_name(n: int, doc: Document, title: str, suffix: str, *extra: str) -> str:
    return "documents/" + names.item_name(n, title, doc.number, *extra, suffix=suffix)


def _document_items(uow: UnitOfWork, case: Case, cf: CaseFile, serial: Iterator[int]) -> list[PayloadItem]:
    """Every issued document as DOCX and PDF, and its stored original when it came as a file."""
    from desk.render.pdf import render_pdf

    items: list[PayloadItem] = []
    for doc in (d for d in case.documents if d.status == "issued"):
        n = next(serial)
        title = kind(doc.kind).title + (f"（{doc.serves}）" if doc.serves else "")
        docx = documents.docx_bytes(uow, doc.id)
        pdf = render_pdf(docx)
        item = PayloadItem("", b"", title, "document", number=doc.number, responsible=cf.agency.name,
                           date=doc.issued_on, pages=_pdf_pages(pdf))
        items += [replace(item, name=_document_name(n, doc, title, ".docx"), source=docx, media_type=DOCX),
                  replace(item, name=_document_name(n, doc, title, ".pdf"), source=pdf, media_type=PDF)]
        if doc.file_sha256:
            items.append(replace(item, name=_document_name(n, doc, title, Path(doc.file_name or "").suffix, "原件"),
                                 source=store.path_of(doc.file_sha256), media_type=_media_type(doc.file_name),
                                 sha256=doc.file_sha256))
    return items


def _evidence_items(case: Case, cf: CaseFile, serial: Iterator[int]) -> list[PayloadItem]:
    """The evidence originals, byte for byte from the store."""
    items: list[PayloadItem] = []
    for a in case.attachments:
        if a.sha256:
            name = names.item_name(next(serial), a.title, suffix=Path(a.file_name or "").suffix)
            items.append(PayloadItem(f"evidence/{name}", store.path_of(a.sha256), a.title, "evidence",
                                     responsible=a.made_by or cf.agency.name, date=a.made_on, pages=a.pages,
                                     media_type=_media_type(a.file_name, a.media_type), sha256=a.sha256))
    return items


def _event_log(uow: UnitOfWork, case: Case) -> list[LogEvent]:
    """The case's audit entries: who did what, when, with which Desk version."""
    refs = {d.id: d.number or kind(d.kind).title for d in case.documents}
    rows = uow.session.scalars(select(AuditEntry).where(AuditEntry.case_id == case.id).order_by(AuditEntry.id))
    return [
        LogEvent(e.id, audit.recorded_at(e), e.actor, e.action, refs.get(e.document_id or 0),
                 str(e.detail.get("desk_version", "")), {k: v for k, v in e.detail.items() if k != "desk_version"})
        for e in rows
    ]
