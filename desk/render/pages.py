"""笔录 state their own length (以上笔录共 Y 页, 第 X 页 共 Y 页): the DOCX is laid out once to count its
pages, then filled again with the total, so Word, LibreOffice and Desk's renderer print the same number."""

from __future__ import annotations

import io
from collections.abc import Mapping

from desk.render.docx_fill import render_docx


def page_count(data: bytes) -> int:
    """The pages of a DOCX as Desk's renderer lays it out."""
    import pikepdf

    from desk.render.pdf import render_pdf

    with pikepdf.open(io.BytesIO(render_pdf(data))) as pdf:
        return len(pdf.pages)


def with_page_total(kind_id: str, context: Mapping[str, object], data: bytes) -> bytes:
    """``data`` again with ``pages_total`` filled in, when its template prints the total (else ``data``)."""
    from desk.render.docx_fill import template_for, uses_page_total

    if not uses_page_total(template_for(kind_id)):
        return data
    return render_docx(kind_id, {**context, "pages_total": str(page_count(data))})
