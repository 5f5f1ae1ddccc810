"""Warming the renderer up: what the first preview of a session would otherwise pay while the user waits.

The window calls ``warm_up()`` on its background thread as soon as it shows: the template engine and the PDF
renderer are imported, the document fonts parsed and registered, a template compiled and a page laid out — once
per process — so that the editor's first preview costs what every later one does.
"""

from __future__ import annotations

from datetime import date

from desk.casefile.facts import Agency, Case, CaseFile, Party

WARM_KIND = "penalty_decision"  # the longest core form: every style and font the templates use


def warm_up() -> int:
    """Render one blank 行政处罚决定书 and forget it; returns its size in bytes (what a test can look at)."""
    from desk.render.context import build_context
    from desk.render.defaults import default_fields
    from desk.render.docx_fill import render_docx
    from desk.render.pdf import render_pdf

    cf = CaseFile(agency=Agency(name="执法局", code="执"),
                  case=Case(number=None, cause="违法行为", procedure="general", outcome="pending"),
                  parties=(Party(kind="person", name="当事人"),))
    today = date.today()
    docx = render_docx(WARM_KIND, build_context(WARM_KIND, cf, default_fields(WARM_KIND, cf, today=today), None,
                                                today))
    return len(render_pdf(docx, strict=False))
