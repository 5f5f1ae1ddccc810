"""Page templates: one per section of each document (page size, margins), and the section's header and footer
drawn on every page with the ``PAGE`` field replaced by the page number within the document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate

from desk.render.pdf import model
from desk.render.pdf.flowables import Builder


class Mark(Flowable):
    """A zero-size flowable whose page the document template records (where a document or section starts)."""

    def __init__(self, key: tuple[str, ...]) -> None:
        super().__init__()
        self.key = key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


@dataclass
class SectionPages:
    """What the page callback needs to draw one section's headers and footers."""

    doc_key: str
    index: int
    section: model.Section
    builder: Builder
    even_and_odd: bool

    def page_number(self, page: int, marks: dict[tuple[str, ...], int]) -> int:
        first = marks.get(("sec", self.doc_key, str(self.index)), page)
        if self.section.page_start is not None:
            return page - first + self.section.page_start
        return page - marks.get(("doc", self.doc_key), first) + 1

    def draw(self, canv: Canvas, doc: Any) -> None:
        marks: dict[tuple[str, ...], int] = getattr(doc, "marks", {})
        page = canv.getPageNumber()
        number = self.page_number(page, marks)
        first = marks.get(("sec", self.doc_key, str(self.index)), page) == page
        kind = (
            "first"
            if first and self.section.title_page
            else "even"
            if self.even_and_odd and number % 2 == 0
            else "default"
        )
        setup = self.section.page
        for parts, top in ((self.section.headers, True), (self.section.footers, False)):
            blocks = parts.get(kind, parts.get("default", [])) if kind != "first" else parts.get("first", [])
            if blocks:
                self._place(canv, [_numbered(b, number) for b in blocks], setup, top)

    def _place(self, canv: Canvas, blocks: list[model.Block], setup: model.PageSetup, top: bool) -> None:
        flowables = self.builder.flowables(blocks, inside=True)
        sizes = [f.wrapOn(canv, setup.body_width, setup.height) for f in flowables]
        height = sum(h for _, h in sizes)
        y = setup.height - setup.header if top else setup.footer + height
        for flowable, (_, h) in zip(flowables, sizes, strict=True):
            y -= h
            flowable.drawOn(canv, setup.left, y)


def _numbered(block: model.Block, number: int) -> model.Block:
    """``block`` with its ``PAGE`` fields replaced by ``number``."""
    if isinstance(block, model.Paragraph):
        items: list[model.Inline] = [
            model.Text(str(number), i.fmt) if isinstance(i, model.PageNumber) else i for i in block.items
        ]
        return replace(block, items=items)
    rows = [
        replace(row, cells=[replace(cell, blocks=[_numbered(b, number) for b in cell.blocks]) for cell in row.cells])
        for row in block.rows
    ]
    return replace(block, rows=rows)


def page_template(template_id: str, pages: SectionPages) -> PageTemplate:
    setup = pages.section.page
    frame = Frame(
        setup.left,
        setup.bottom,
        setup.body_width,
        setup.body_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=template_id,
        overlapAttachedSpace=0,
    )
    return PageTemplate(id=template_id, frames=[frame], pagesize=(setup.width, setup.height), onPageEnd=pages.draw)
