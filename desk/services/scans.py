"""Signed scans: the scan (PDF or JPEG) of an issued document's signed and sealed paper, stored by checksum
like evidence. The dossier then binds the scan in the document's place, and its index notes 签章扫描件."""

from __future__ import annotations

from pathlib import Path

from desk.db.uow import UnitOfWork
from desk.errors import UserError
from desk.models import Document
from desk.services import access, audit, store
from desk.services.cases import ensure_writable
from desk.services.documents import get

SCAN_SUFFIXES = {".pdf": b"%PDF-", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}


def attach_scan(uow: UnitOfWork, ref: str | int, path: Path) -> Document:
    """Store ``path`` as the signed scan of the issued document ``ref`` (a later scan replaces an earlier)."""
    access.require(uow, "dossier")
    doc = get(uow, ref)
    ensure_writable(doc.case)
    if doc.status != "issued":
        raise UserError("scan_not_issued", document=doc.number or doc.kind)
    if not path.is_file():
        raise UserError("file_unreadable", path=path, detail="no such file")
    magic = SCAN_SUFFIXES.get(path.suffix.lower())
    with path.open("rb") as f:
        head = f.read(8)
    if magic is None or not head.startswith(magic):
        raise UserError("scan_type", path=path)
    if magic == b"%PDF-":
        _check_pdf(path)
    previous = doc.scan_sha256
    doc.scan_sha256, doc.scan_name = store.put_file(path), path.name
    uow.session.flush()
    audit.record(uow, "scan_attached", case_id=doc.case_id, document_id=doc.id, sha256=doc.scan_sha256,
                 file_name=path.name, **({"replaced": previous} if previous else {}))
    return doc


def _check_pdf(path: Path) -> None:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            if not pdf.pages:
                raise UserError("file_unreadable", path=path, detail="no pages")
    except pikepdf.PdfError as exc:
        raise UserError("file_unreadable", path=path, detail=exc) from exc
