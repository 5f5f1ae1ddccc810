"""Desk's own DOCX → PDF renderer (reportlab platypus, embedded subset TrueType fonts).

``render_pdf(docx)`` renders one document; ``render_many(docs)`` lays any number out in one pass (one font
subset per font for the whole volume) and says where each document lies; ``docx_flowables`` gives the
flowables and page templates for callers that compose their own volume (``build_volume``);
``unsupported_features`` names what a template uses that the renderer cannot draw;
``desk.render.pdf.libreoffice`` is the optional LibreOffice backend (same fonts; imported only by who uses
it: it costs a ``desk render`` process 10 ms of imports); ``without_ascii85`` makes
reportlab write plain deflated streams, as the renderer does, for other reportlab passes.
"""

from desk.render.pdf.document import (
    DocumentPages,
    RenderedDoc,
    VolumePdf,
    build_volume,
    docx_flowables,
    render_many,
    render_pdf,
    without_ascii85,
)
from desk.render.pdf.features import unsupported_features

__all__ = [
    "DocumentPages",
    "RenderedDoc",
    "VolumePdf",
    "build_volume",
    "docx_flowables",
    "render_many",
    "render_pdf",
    "unsupported_features",
    "without_ascii85",
]
