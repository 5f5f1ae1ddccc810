"""Putting the volume together with pikepdf: cover, index, the items' pages, reference sheet, in that order; in
duplex, a blank back wherever a part would otherwise start on a back page. Records what each physical page is,
for the stamps, the page labels, the bookmarks and the index links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pikepdf

from desk.dossier.navigation import Bookmark, Label
from desk.dossier.typeset import PAGE

SHEET_LABELS = {"cover": "封面", "index": "目录", "reference": "备考"}
BLANK_LABEL = "空白"


@dataclass(frozen=True)
class Pages:
    """A run of pages of an open PDF."""

    pdf: pikepdf.Pdf
    pages: range


@dataclass
class Bound:
    pdf: pikepdf.Pdf
    duplex: bool
    per_page: list[tuple[str, int | None]] = field(default_factory=list)  # (label prefix, number) per page
    parts: dict[str, range] = field(default_factory=dict)  # cover/index/reference → physical pages
    items: list[range] = field(default_factory=list)  # physical pages of each item
    blanks: int = 0

    def add(self, src: Pages, name: str, number_from: int | None = None) -> range:
        """Append ``src``'s pages (after a blank back if a part must start on a front page)."""
        if self.duplex and len(self.pdf.pages) % 2 == 1:
            self.blanks += 1
            self.pdf.add_blank_page(page_size=PAGE)
            self.per_page.append((BLANK_LABEL, self.blanks))
        first = len(self.pdf.pages)
        self.pdf.pages.extend(src.pdf.pages[p] for p in src.pages)
        for k in range(len(src.pages)):
            if number_from is not None:
                self.per_page.append(("", number_from + k))
            else:
                self.per_page.append((SHEET_LABELS[name], k + 1 if len(src.pages) > 1 else None))
        return range(first, len(self.pdf.pages))

    @property
    def numbered(self) -> list[tuple[int, int]]:
        """(physical page index, stamped number) of every content page."""
        return [(i, n) for i, (prefix, n) in enumerate(self.per_page) if not prefix and n is not None]

    def labels(self) -> list[Label]:
        """Page-label ranges: 封面, 目录, the stamped numbers, 空白1…, 备考."""
        found: list[Label] = []
        prev: tuple[str, int | None] | None = None
        for i, (prefix, n) in enumerate(self.per_page):
            continues = prev is not None and prev[0] == prefix and n is not None and prev[1] == n - 1
            if not continues or prefix == BLANK_LABEL:
                found.append(Label(i, prefix, n))
            prev = (prefix, n)
        return found


def assemble(binder: pikepdf.Pdf, sheet_parts: dict[str, range], items: Sequence[Pages], *, duplex: bool) -> Bound:
    """The volume: ``binder``'s cover and index, each item's pages numbered on from 1, ``binder``'s reference."""
    bound = Bound(pikepdf.new(), duplex)
    for name in ("cover", "index"):
        bound.parts[name] = bound.add(Pages(binder, sheet_parts[name]), name)
    number = 1
    for pages in items:
        bound.items.append(bound.add(pages, "item", number_from=number))
        number += len(pages.pages)
    bound.parts["reference"] = bound.add(Pages(binder, sheet_parts["reference"]), "reference")
    return bound


def bookmarks(bound: Bound, sections: Sequence[tuple[str, Sequence[tuple[int, str]]]]) -> list[Bookmark]:
    """封面, 卷内文件目录, one bookmark per section with one child per item, 卷内备考表."""
    marks = [Bookmark("卷宗封面", bound.parts["cover"].start), Bookmark("卷内文件目录", bound.parts["index"].start)]
    for title, entries in sections:
        children = tuple(Bookmark(label, bound.items[i].start) for i, label in entries)
        if children:
            marks.append(Bookmark(title, children[0].page, children))
    marks.append(Bookmark("卷内备考表", bound.parts["reference"].start))
    return marks
