"""Ops over documents: the editor's starting values, saving a draft, issuing, voiding, serving, and the
DOCX and PDF of a document (stored, or rendered from unsaved values for the live preview)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.casefile.facts import CaseFile
    from desk.services.directory import OfficerRow
    from desk.ui.session import Session


@dataclass(frozen=True)
class EditorStart:
    """What the editor opens with: the case snapshot, the kind, the document (None: a new draft), its values,
    and the officers to pick from."""

    cf: CaseFile
    kind_id: str
    doc_id: int | None
    values: dict[str, object]
    officers: tuple[OfficerRow, ...]


def start_editing(session: Session, case_id: int, kind_id: str, doc_id: int | None,
                  today: date | None = None) -> EditorStart:
    """A new draft's defaults drawn from the case, or a stored draft's values."""
    from desk.render.docx_fill import default_fields
    from desk.render.fields import plain
    from desk.services.cases import load_casefile
    from desk.services.directory import officers

    with session.uow(write=False) as uow:
        cf = load_casefile(uow, case_id)
        people = tuple(officers(uow))
    stored = next((d for d in cf.documents if doc_id is not None and d.id == doc_id), None)
    if stored is not None and stored.fields is not None:
        values = dict(stored.fields)
    else:
        defaults = default_fields(kind_id, cf, today=today or date.today())
        values = {name: plain(v) for name, v in defaults.items()}
    return EditorStart(cf, kind_id, doc_id, values, people)


def save(session: Session, case_id: int, kind_id: str, doc_id: int | None, values: Mapping[str, object]) -> int:
    """Store the editor's values: a new draft, or the draft's fields changed. Returns the document id."""
    from desk.services import documents

    with session.uow() as uow:
        if doc_id is None:
            return documents.draft(uow, case_id, kind_id, values).id
        return documents.edit(uow, doc_id, values).id


def issue_proposal(session: Session, doc_id: int, on: date | None = None) -> tuple[str | None, bool]:
    """The number issuing would take, and whether the kind is issued on pre-printed forms (forms, #20)."""
    from desk.services import documents, forms

    with session.uow(write=False) as uow:
        doc = documents.get(uow, doc_id)
        agency = forms.the_agency(uow)
        return documents.next_number(uow, doc_id, on=on), doc.kind in forms.pre_numbered(agency)


def issue(session: Session, doc_id: int, on: date | None = None, form: str | None = None) -> str | None:
    """Issue the draft (``form``: the printed number of the pre-numbered form used); returns the number it took
    (None for an unnumbered kind)."""
    from desk.services import documents

    with session.uow() as uow:
        return documents.issue(uow, doc_id, on=on, form=form).number


def void(session: Session, doc_id: int, reason: str) -> None:
    from desk.services import documents

    with session.uow() as uow:
        documents.void(uow, doc_id, reason=reason)


def serve(session: Session, doc_id: int, on: date, method: str, receiver: str | None) -> None:
    from desk.services import documents

    with session.uow() as uow:
        documents.serve(uow, doc_id, on=on, method=method, receiver=receiver)


def docx(session: Session, doc_id: int) -> bytes:
    from desk.services import documents

    with session.uow(write=False) as uow:
        return documents.docx_bytes(uow, doc_id)


def pdf(session: Session, doc_id: int) -> bytes:
    from desk.render.pdf import render_pdf

    return render_pdf(docx(session, doc_id))


def pdfs(session: Session, doc_ids: tuple[int, ...]) -> tuple[bytes, ...]:
    return tuple(pdf(session, d) for d in doc_ids)


def preview(cf: CaseFile, kind_id: str, values: Mapping[str, object], number: str | None) -> bytes:
    """The PDF of unsaved values (needs no database: the case snapshot came with the editor)."""
    from desk.render.docx_fill import build_context, render_docx
    from desk.render.pdf import render_pdf

    return render_pdf(render_docx(kind_id, build_context(kind_id, cf, values, number, None)))
