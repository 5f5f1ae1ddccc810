"""``build_dossier``: the bound volume of a case, from its plan to the finished PDF.

1. plan the volume under a binding profile (``plan.py``);
2. fetch every item's pages: the generated documents laid out together in one reportlab pass, evidence PDFs
   opened from the store (``sources.py``);
3. number the content pages 1… through the volume, then lay out the binder's own pages — cover, index with those
   numbers, captioned pictures, reference sheet — in a second reportlab pass (``layout.py``);
4. assemble with pikepdf, stamp the numbers as overlays, add bookmarks, page labels, index links and metadata
   (``assemble.py``, ``stamps.py``, ``navigation.py``), and write the file atomically.

``cancel`` is asked between items and stages; when it answers yes, ``Cancelled`` is raised and no file is left.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pikepdf

from desk import outputs
from desk.db.uow import UnitOfWork
from desk.dossier import navigation
from desk.dossier.assemble import Bound, Pages, assemble, bookmarks
from desk.dossier.front import Front, front_facts
from desk.dossier.layout import Laid, lay_out
from desk.dossier.photos import place_picture
from desk.dossier.plan import VolumePlan, plan_volume
from desk.dossier.profile import VOLUMES, load_profile
from desk.dossier.sheets import IndexRow
from desk.dossier.stamps import POSITIONS, stamp_pages
from desk.dossier.typeset import Typesetter
from desk.errors import Cancelled, UserError
from desk.gc_pause import no_gc
from desk.services import access
from desk.services.cases import load_casefile, resolve
from desk.services.dossier_sources import Gathered, gather

Progress = Callable[[float, str], None]
FILE_SUFFIXES = {"main": "-正卷", "sub": "-副卷"}


@dataclass(frozen=True)
class DossierOptions:
    """Settings of a build: where the stamps go, PDF/A-2b, and the 备考表's signatures (default: the case's first
    officer filed it today; the checker signs by hand)."""

    stamp: str = "top-right"
    pdfa: bool = False
    filed_by: str | None = None
    checked_by: str | None = None
    checked_on: date | None = None
    today: date | None = None


class DossierItem(NamedTuple):
    title: str
    number: str | None
    start: int
    end: int


@dataclass(frozen=True)
class DossierResult:
    path: Path
    pages: int
    items: list[DossierItem]


@no_gc()  # ~100 000 short-lived objects per volume: the collector would walk the whole heap (~60 ms) every build or two
def build_dossier(uow: UnitOfWork, case_ref: str | int, *, volume: str = "main", out: Path, duplex: bool = False,
                  profile: str = "default", progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                  options: DossierOptions | None = None) -> DossierResult:
    """Build one volume (``main`` 正卷 or ``sub`` 副卷) of a case as a bound PDF at ``out``."""
    options = options or DossierOptions()
    if volume not in VOLUMES:
        raise UserError("bad_option", option="--volume", detail=f"“{volume}”: use main, sub or all")
    if options.stamp not in POSITIONS:
        raise UserError("bad_option", option="--stamp", detail=f"“{options.stamp}”: use {', '.join(POSITIONS)}")
    access.require(uow, "dossier")
    outputs.check_target(out)
    report = _reporter(progress, cancel)
    case = resolve(uow, case_ref)
    cf = load_casefile(uow, case.id)
    prof = load_profile(profile)
    plans = {v: plan_volume(cf, prof, v) for v in VOLUMES}
    plan = plans[volume]
    present = [v for v in VOLUMES if plans[v].items or v == volume]
    items = plan.items
    report(0.0, "plan")

    done = itertools.count()

    def step(title: str) -> None:
        report(0.05 + 0.5 * next(done) / (len(items) + 1), title or "layout")

    got = gather(uow, items, step)
    spans = _spans([got.count(i) for i in range(len(got.items))])
    report(0.6, "sheets")
    ts = Typesetter()
    front = front_facts(cf, volume_title=plan.title, volume_no=present.index(volume) + 1,
                        volume_count=len(present), items=len(got.items), pages=spans[-1][1] if spans else 0,
                        archive_number=case.archive_number, filed_by=options.filed_by,
                        checked_by=options.checked_by, checked_date=options.checked_on,
                        today=options.today or date.today())
    rows = [IndexRow(it.number or "", it.author, it.title, it.on, first, last, it.note)
            for it, (first, last) in zip(got.items, spans, strict=True)]
    laid = lay_out(ts, front, rows, [item for item, _ in got.pictures], [*plan.remarks, *got.damaged])
    report(0.7, "assemble")
    bound = _assemble(got, laid, duplex)
    report(0.8, "stamp")
    stamp_pages(bound.pdf, bound.numbered, ts.latin, position=options.stamp, duplex=duplex)
    _navigation(bound, laid, got, plan, front, options)
    report(0.9, "save")
    _save(bound.pdf, out, report)
    report(1.0, "done")
    return DossierResult(out, len(bound.pdf.pages), [DossierItem(it.title, it.number, first, last)
                                                     for it, (first, last) in zip(got.items, spans, strict=True)])


def _spans(counts: list[int]) -> list[tuple[int, int]]:
    """The first and last stamped number of each item, numbering on from 1 through the volume."""
    spans, first = [], 1
    for count in counts:
        spans.append((first, first + count - 1))
        first += count
    return spans


def _assemble(got: Gathered, laid: Laid, duplex: bool) -> Bound:
    """The volume's pages in order, the pictures drawn into their boxes."""
    binder = pikepdf.open(io.BytesIO(laid.pdf))
    picture_items = [i for i, p in enumerate(got.pages) if p is None]
    pages = list(got.pages)
    for n, i in enumerate(picture_items):
        pages[i] = Pages(binder, laid.parts[f"photo:{n}"])
    bound = assemble(binder, laid.parts, [p for p in pages if p is not None], duplex=duplex)
    for n, i in enumerate(picture_items):
        place_picture(bound.pdf, bound.items[i].start, laid.boxes[n][1], got.pictures[n][1])
    return bound


def _navigation(bound: Bound, laid: Laid, got: Gathered, plan: VolumePlan, front: Front,
                options: DossierOptions) -> None:
    """Index links, bookmarks by section, page labels, metadata (and the PDF/A declaration)."""
    index_start = laid.parts["index"].start
    navigation.add_links(bound.pdf, [(bound.parts["index"].start + page - index_start, rect, bound.items[row].start)
                                     for (page, row), rect in laid.links.items()])
    positions = {id(it): i for i, it in enumerate(got.items)}
    sections = [(s.title, [(positions[id(it)], it.title) for it in s.items if id(it) in positions])
                for s in plan.sections]
    navigation.add_outline(bound.pdf, bookmarks(bound, sections))
    navigation.add_page_labels(bound.pdf, bound.labels())
    keywords = "; ".join(x for x in (front.case_number, front.decision_number, plan.title) if x)
    navigation.set_metadata(bound.pdf, title=f"{front.title}（{plan.title}）", author=front.agency,
                            subject=front.case_number, keywords=keywords, pdfa=options.pdfa)


def build_volumes(uow: UnitOfWork, case_ref: str | int, *, out: Path, duplex: bool = False,
                  profile: str = "default", progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                  options: DossierOptions | None = None) -> list[DossierResult]:
    """Both volumes: ``out`` = ``案卷.pdf`` gives ``案卷-正卷.pdf`` and ``案卷-副卷.pdf``."""
    results = []
    for n, volume in enumerate(VOLUMES):
        def scaled(fraction: float, message: str, n: int = n) -> None:
            if progress:
                progress((n + fraction) / len(VOLUMES), message)

        target = volume_path(out, volume)
        results.append(build_dossier(uow, case_ref, volume=volume, out=target, duplex=duplex, profile=profile,
                                     progress=scaled, cancel=cancel, options=options))
    return results


def volume_path(out: Path, volume: str) -> Path:
    return out.with_name(f"{out.stem}{FILE_SUFFIXES[volume]}{out.suffix or '.pdf'}")


def _reporter(progress: Progress | None, cancel: Callable[[], bool] | None) -> Progress:
    def report(fraction: float, message: str) -> None:
        if cancel is not None and cancel():
            raise Cancelled("dossier_cancelled")
        if progress is not None:
            progress(fraction, message)

    return report


def _save(pdf: pikepdf.Pdf, out: Path, report: Progress) -> None:
    """Write beside ``out`` and rename into place: a failed or cancelled build leaves no file.

    Streams are written as they are: reportlab's are deflated already, the evidence is kept byte for byte (qpdf
    would inflate and deflate again every stream whose filter is not the bare name ``/FlateDecode``: all of
    reportlab's, and any ASCII85 layer), the binder's own are a few dozen bytes each (stamps, pictures placed).
    The object streams stay uncompressed. qpdf writes into the open temporary file (given a path that exists,
    pikepdf would write yet another temporary file and rename it over that one)."""
    with outputs.atomic(out) as tmp, tmp.open("xb") as part:
        pdf.save(part, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)
        report(0.99, "save")

