"""Rendering: a DOCX → flowables and page templates; any number of documents → one PDF in one platypus pass.

Laying every document of a dossier volume out in one pass means one font subset per font for the whole volume
(merging separately rendered PDFs duplicates the subsets, ~38 KiB a page). Each document starts on a new page
with its own page size and margins; where each starts is recorded as it is laid out.

What depends on a DOCX's bytes alone is kept for the process, by their sha256 (an issued document is frozen):
its model, its paragraphs' atoms and lines, and the PDF of a volume of the same documents in the same order.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from lxml import etree
from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, NextPageTemplate, PageBreak, PageTemplate

from desk.errors import TemplateError
from desk.gc_pause import no_gc
from desk.render.fonts import FontMap, default_fonts
from desk.render.pdf import model
from desk.render.pdf.atoms import Shaper
from desk.render.pdf.features import grid_feature, unsupported_features
from desk.render.pdf.flowables import Builder
from desk.render.pdf.ooxml import DocxPackage
from desk.render.pdf.pages import Mark, SectionPages, page_template
from desk.render.pdf.paragraph import Context, KeptLines
from desk.render.pdf.reader import read_document

log = logging.getLogger(__name__)
Docx = bytes | Path


@dataclass
class RenderedDoc:
    """One document as flowables, with the page templates its flowables switch to (one per section)."""

    flowables: list[Flowable]
    templates: list[PageTemplate]
    page: model.PageSetup  # the first section's page size and margins
    key: str
    warnings: list[str] = field(default_factory=list)
    source: tuple[FontMap, bytes] | None = None  # the font map and the sha256 of the DOCX it was made from


@dataclass(frozen=True)
class DocumentPages:
    """Where one document of a volume lies: its first page (1-based) and how many pages it has."""

    start: int
    count: int


class VolumePdf(bytes):
    """The PDF of a volume (it *is* the bytes) with the pages of each document in it."""

    documents: tuple[DocumentPages, ...]

    def __new__(cls, data: bytes, documents: Sequence[DocumentPages]) -> VolumePdf:
        self = super().__new__(cls, data)
        self.documents = tuple(documents)
        return self


@dataclass(frozen=True)
class _Parsed:
    """A DOCX read once: its model, what in it the renderer cannot draw, the shaper that remembers the atoms of its
    paragraphs and the lines they were broken into. Shared by every rendering of the same bytes: none of it is
    changed once made."""

    doc: model.Document
    problems: list[str]
    shaper: Shaper
    lines: KeptLines = field(default_factory=dict)


_PARSED: dict[tuple[FontMap, bytes], _Parsed] = {}
_PARSED_KEPT = 128  # documents: issued ones are frozen, and a volume binds a few dozen


def _parsed(docx: Docx, fonts: FontMap) -> tuple[tuple[FontMap, bytes], _Parsed]:
    """``docx`` read and checked, or the reading of the same bytes kept from before (by their sha256)."""
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    key = (fonts, hashlib.sha256(data).digest())
    found = _PARSED.get(key)
    if found is None:
        try:
            pkg = DocxPackage(data)
            doc = read_document(pkg)
        except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
            where = docx if isinstance(docx, Path) else "the document"
            raise TemplateError("template_unreadable", path=where, detail=exc) from None
        found = _PARSED[key] = _Parsed(doc, unsupported_features(pkg) + grid_feature(doc), Shaper(fonts))
        while len(_PARSED) > _PARSED_KEPT:
            _PARSED.pop(next(iter(_PARSED)), None)
    return key, found


def docx_flowables(docx: Docx, *, fonts: FontMap, key: str = "doc", strict: bool = True) -> RenderedDoc:
    """Read ``docx`` and turn it into flowables.

    ``strict``: a construct the renderer does not support (see ``unsupported_features``) raises
    ``TemplateError``; otherwise it is skipped with a warning."""
    source, parsed = _parsed(docx, fonts)
    doc, problems, shaper = parsed.doc, parsed.problems, parsed.shaper
    if problems and strict:
        raise TemplateError("pdf_unsupported", features=problems)
    notes = [f"unsupported: {p}" for p in problems]
    for note in notes:
        warnings.warn(note, stacklevel=2)
    flowables: list[Flowable] = [Mark(("doc", key))]
    templates: list[PageTemplate] = []
    for index, section in enumerate(doc.sections):
        ctx = Context(shaper, doc.default_tab, section.page.body_height, parsed.lines)
        builder = Builder(ctx, doc.compat_mode)
        template_id = f"{key}/{index}"
        templates.append(
            page_template(template_id, SectionPages(key, index, section, builder, doc.even_and_odd_headers))
        )
        if index:
            flowables += [NextPageTemplate(template_id), PageBreak()]
        flowables.append(Mark(("sec", key, str(index))))
        flowables += builder.flowables(section.blocks)
    if shaper.missing:
        notes.append("no installed font has: " + "".join(sorted(shaper.missing)))
        log.warning(notes[-1])
    return RenderedDoc(flowables, templates, doc.sections[0].page, key, notes, source)


class _VolumeTemplate(BaseDocTemplate):
    def __init__(self, out: BytesIO, templates: list[PageTemplate], initial_font: str) -> None:
        super().__init__(
            out,
            pageTemplates=templates,
            initialFontName=initial_font,
            invariant=1,
            creator="Desk",
            producer="Desk",
            title="",
            author="",
            subject="",
        )
        self.marks: dict[tuple[str, ...], int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Mark):
            self.marks.setdefault(flowable.key, self.page)


@contextmanager
def without_ascii85() -> Iterator[None]:
    """Deflated page streams without reportlab's default ASCII85 layer on top (a quarter smaller, faster)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


_VOLUMES: dict[tuple[object, ...], VolumePdf] = {}
_VOLUMES_KEPT = 8  # volumes: a dossier rebuilt (other evidence, other stamps) lays out the same documents again


def build_volume(parts: Sequence[RenderedDoc], out: Path | None = None, *, fonts: FontMap | None = None) -> VolumePdf:
    """Lay ``parts`` out in one pass, each starting on a new page; the PDF, with where each part lies.

    The same DOCX in the same order give the same PDF: a volume of parts that all say which DOCX they were made
    from is kept, and given again."""
    fonts = fonts or default_fonts()
    if len({p.key for p in parts}) != len(parts):
        raise ValueError("every part of a volume needs its own key")
    same = (fonts, *((p.source, p.key) for p in parts)) if all(p.source for p in parts) else None
    pdf = _VOLUMES.get(same) if same else None
    if pdf is None:
        pdf = _lay_out(parts, fonts)
        if same:
            _VOLUMES[same] = pdf
            while len(_VOLUMES) > _VOLUMES_KEPT:
                _VOLUMES.pop(next(iter(_VOLUMES)), None)
    if out is not None:
        out.write_bytes(pdf)
    return pdf


def _lay_out(parts: Sequence[RenderedDoc], fonts: FontMap) -> VolumePdf:
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        if i:
            story += [NextPageTemplate(part.templates[0].id), PageBreak()]
        story += part.flowables
    buffer = BytesIO()
    template = _VolumeTemplate(buffer, [t for p in parts for t in p.templates], fonts.face(None, east_asian=True).name)
    with without_ascii85():
        template.build(story)
    total = template.page
    starts = [template.marks.get(("doc", p.key), 1) for p in parts]
    ends = [*starts[1:], total + 1]
    return VolumePdf(buffer.getvalue(), [DocumentPages(s, e - s) for s, e in zip(starts, ends, strict=True)])


@no_gc()  # a page is ~20 000 short-lived objects: the collector would walk the whole heap every few documents
def render_many(
    docs: Sequence[Docx], out: Path | None = None, *, fonts: FontMap | None = None, strict: bool = True
) -> VolumePdf:
    """Render several DOCX files into one PDF (each from a new page); ``.documents`` says where each lies."""
    fonts = fonts or default_fonts()
    parts = [docx_flowables(d, fonts=fonts, key=f"d{i}", strict=strict) for i, d in enumerate(docs)]
    return build_volume(parts, out, fonts=fonts)


def render_pdf(docx: Docx, out: Path | None = None, *, fonts: FontMap | None = None, strict: bool = True) -> bytes:
    """The PDF of one DOCX file (also written to ``out`` when given)."""
    return bytes(render_many([docx], out, fonts=fonts, strict=strict))
