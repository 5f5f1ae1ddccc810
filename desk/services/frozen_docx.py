"""The frozen DOCX of an issued document, found with one SQL query: what a cold ``desk render DOC`` reads.

``documents.docx_bytes`` answers through the ORM: the models, the mappers and the services they pull in cost a
fresh process ~0.18 s before the first row is read, a third of ``desk render``. An issued (or void) document's
DOCX is frozen in the store under the hash its row records, so finding that row is all there is to do; this
module does it with SQLAlchemy Core on the same engine (migrated to head as always). For anything else — a draft
(rendered from the case), a reference that names no document, or names one in two agencies — it answers None,
and the caller takes the full path, which renders or refuses as it always did.
tests/integration/test_frozen_docx.py proves both paths give the same bytes for every document.
"""

from __future__ import annotations

from sqlalchemy import text

from desk.db.engine import get_engine
from desk.services import store

_BY_ID = text("SELECT status, docx_sha256 FROM document WHERE id = :ref")
_BY_NUMBER = text("SELECT status, docx_sha256 FROM document WHERE number = :ref LIMIT 2")
LONGEST = 200  # longer than any number: not looked up here


def issued_docx(ref: str) -> bytes | None:
    """The frozen DOCX of the issued or void document ``ref`` (its id or its number), else None."""
    if not ref or len(ref) > LONGEST:
        return None
    with get_engine().connect() as conn:
        rows = conn.execute(_BY_ID, {"ref": int(ref)}).all() if ref.isdigit() and len(ref) < 10 else []
        if not rows:
            rows = conn.execute(_BY_NUMBER, {"ref": ref}).all()
    if len(rows) != 1:
        return None
    status, sha256 = rows[0]
    return store.read(sha256) if status != "draft" and sha256 else None
