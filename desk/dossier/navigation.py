"""What makes the bound PDF easy to move around in: bookmarks, page labels, index links, document metadata,
and the PDF/A-2b declaration (XMP identification and an sRGB output intent)."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

SRGB_ICC = files("pikepdf").joinpath("pdfa", "data", "sRGB.icc")


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int
    children: tuple[Bookmark, ...] = ()


@dataclass(frozen=True)
class Label:
    """Pages from ``start`` on are labelled ``prefix`` followed by a decimal count from ``first`` (none: prefix
    alone)."""

    start: int
    prefix: str = ""
    first: int | None = None


def add_outline(pdf: pikepdf.Pdf, marks: Sequence[Bookmark]) -> None:
    def item(mark: Bookmark) -> OutlineItem:
        node = OutlineItem(mark.title, mark.page)
        node.children.extend(item(child) for child in mark.children)
        return node

    with pdf.open_outline() as outline:
        outline.root.extend(item(m) for m in marks)
    pdf.Root.PageMode = Name.UseOutlines


def add_page_labels(pdf: pikepdf.Pdf, labels: Sequence[Label]) -> None:
    nums = Array()
    for label in labels:
        entry = Dictionary()
        if label.prefix:
            entry.P = String(label.prefix)
        if label.first is not None:
            entry.S, entry.St = Name.D, label.first
        nums.append(label.start)
        nums.append(entry)
    pdf.Root.PageLabels = pdf.make_indirect(Dictionary(Nums=nums))


def add_links(pdf: pikepdf.Pdf, links: Sequence[tuple[int, Sequence[float], int]]) -> None:
    """A borderless, printable link annotation on page ``p`` over ``rect`` to the top of page ``target``."""
    for p, rect, target in links:
        page = pdf.pages[p]
        annot = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([float(v) for v in rect]),
                                             Border=Array([0, 0, 0]), F=4,
                                             Dest=Array([pdf.pages[target].obj, Name.Fit])))
        if Name.Annots not in page.obj:
            page.obj.Annots = Array()
        page.obj.Annots.append(annot)


def set_metadata(pdf: pikepdf.Pdf, *, title: str, author: str, subject: str, keywords: str, pdfa: bool) -> None:
    """Document information and XMP, in step; with ``pdfa``, the PDF/A-2b identification and output intent."""
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [author]
        meta["dc:description"] = subject
        meta["pdf:Keywords"] = keywords
        meta["pdf:Producer"] = "Desk"
        meta["xmp:CreatorTool"] = "Desk"
        if pdfa:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
    if pdfa:
        _declare_pdfa(pdf)


def _declare_pdfa(pdf: pikepdf.Pdf) -> None:
    """The sRGB output intent (the ICC profile pikepdf ships); the empty ``/Trans`` reportlab writes on each
    page goes, as validators do not expect it. Fonts are embedded subsets already; evidence PDFs are merged as
    they are, so a volume is PDF/A only if they are."""
    icc = pdf.make_stream(zlib.compress(SRGB_ICC.read_bytes()), Filter=Name.FlateDecode, N=3)
    pdf.Root.OutputIntents = Array([Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFA1,
                                               OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                                               Info=String("sRGB IEC61966-2.1"), DestOutputProfile=icc)])
    for page in pdf.pages:
        if Name.Trans in page.obj:
            del page.obj[Name.Trans]
