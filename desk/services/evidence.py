"""Evidence: a file added to a case's dossier with its caption (title, 制作人, 制作时间, 证明对象)."""

from __future__ import annotations

import mimetypes
from datetime import date
from pathlib import Path

from desk.casefile import limits
from desk.casefile.evidence_files import evidence_error
from desk.db.uow import UnitOfWork
from desk.errors import UserError
from desk.models import Attachment
from desk.services import access, audit, store
from desk.services.cases import ensure_writable, resolve

IMAGE_TYPES = ("image/jpeg", "image/png")


def _pages(path: Path, media_type: str | None) -> int | None:
    """Pages the file fills in the dossier: a PDF's own, one per picture, unknown otherwise."""
    if media_type in IMAGE_TYPES:
        return 1
    if media_type == "application/pdf":
        import pikepdf

        try:
            with pikepdf.open(path) as pdf:
                return len(pdf.pages)
        except pikepdf.PdfError as exc:
            raise UserError("file_unreadable", path=path, detail=exc) from exc
    return None


def add_attachment(uow: UnitOfWork, case_ref: str | int, path: Path, *, title: str, kind: str = "other",
                   made_on: date | None = None, made_by: str | None = None, proves: str | None = None) -> int:
    """Store ``path`` by checksum and append it to the case's evidence; returns the attachment's id."""
    access.require(uow, "dossier")
    case = resolve(uow, case_ref)
    ensure_writable(case)
    if not path.is_file():
        raise UserError("file_unreadable", path=path, detail="no such file")
    if not title.strip():
        raise UserError("missing_key", key="title")
    limits.require(evidence_error(path))
    limits.require(limits.text_error(title, limits.ATTACHMENT["title"]), "title")
    media_type = mimetypes.guess_type(path.name)[0]
    pages = _pages(path, media_type)
    sha256 = store.put_file(path)
    row = Attachment(position=len(case.attachments), title=title.strip(), kind=kind, made_on=made_on,
                     made_by=made_by or None, proves=proves or None, pages=pages, sha256=sha256,
                     file_name=path.name, media_type=media_type)
    case.attachments.append(row)
    uow.session.flush()
    audit.record(uow, "evidence_added", case_id=case.id, attachment_id=row.id, title=row.title, sha256=sha256,
                 file_name=path.name)
    return row.id


def _attachment(uow: UnitOfWork, case_ref: str | int, attachment_id: int) -> tuple[list[Attachment], Attachment]:
    access.require(uow, "dossier")
    case = resolve(uow, case_ref)
    ensure_writable(case)
    rows = sorted(case.attachments, key=lambda a: a.position)
    found = next((a for a in rows if a.id == attachment_id), None)
    if found is None:
        raise UserError("evidence_unknown", id=attachment_id)
    return rows, found


def _renumber(rows: list[Attachment]) -> None:
    for i, row in enumerate(rows):
        row.position = i


def remove_attachment(uow: UnitOfWork, case_ref: str | int, attachment_id: int) -> None:
    """Take a piece of evidence out of the case (its stored file stays: other cases may share it)."""
    rows, found = _attachment(uow, case_ref, attachment_id)
    rows.remove(found)
    found.case.attachments.remove(found)
    _renumber(rows)
    uow.session.flush()
    audit.record(uow, "evidence_removed", case_id=found.case_id, attachment_id=attachment_id, title=found.title,
                 sha256=found.sha256)


def move_attachment(uow: UnitOfWork, case_ref: str | int, attachment_id: int, position: int) -> None:
    """Put a piece of evidence at ``position`` (0 first) among the case's evidence."""
    rows, found = _attachment(uow, case_ref, attachment_id)
    rows.remove(found)
    rows.insert(max(0, min(position, len(rows))), found)
    _renumber(rows)
    uow.session.flush()
    audit.record(uow, "evidence_moved", case_id=found.case_id, attachment_id=attachment_id, position=found.position)


def recaption(uow: UnitOfWork, case_ref: str | int, attachment_id: int, *, title: str, kind: str,
              made_on: date | None, made_by: str | None, proves: str | None) -> None:
    """Change a piece of evidence's caption (title, kind, 制作人, 制作时间, 证明对象)."""
    _rows, found = _attachment(uow, case_ref, attachment_id)
    if not title.strip():
        raise UserError("missing_key", key="title")
    found.title, found.kind, found.made_on = title.strip(), kind, made_on
    found.made_by, found.proves = made_by or None, proves or None
    uow.session.flush()
    audit.record(uow, "evidence_recaptioned", case_id=found.case_id, attachment_id=attachment_id, title=found.title)
