"""The binder's own pages — cover, index, captioned pictures, reference sheet — laid out in one reportlab pass.

The pass runs after the generated documents are laid out and the evidence counted, so every page number the
index prints is known; the ``Ledger`` tells where each part landed and where each index row was drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from desk.dossier import sheets
from desk.dossier.front import Front
from desk.dossier.photos import photo_page
from desk.dossier.plan import Item, Remark
from desk.dossier.typeset import MARGIN, PAGE, Ledger, Mark, Typesetter
from desk.render.pdf import without_ascii85


@dataclass(frozen=True)
class Laid:
    pdf: bytes
    parts: dict[str, range]  # "cover", "index", "photo:<n>", "reference" → page indexes in ``pdf``
    links: dict[tuple[int, int], list[float]]  # (page index, index row) → rectangle
    boxes: dict[int, tuple[int, tuple[float, float, float, float]]]  # picture n → (page index, rectangle)


def lay_out(ts: Typesetter, front: Front, rows: Sequence[sheets.IndexRow], pictures: Sequence[Item],
            remarks: Sequence[Remark]) -> Laid:
    ledger = Ledger()
    story: list[Flowable] = [Mark(ledger, "cover"), *sheets.cover(ts, front), PageBreak(),
                             Mark(ledger, "index"), *sheets.index(ts, front, rows, ledger), PageBreak()]
    for n, item in enumerate(pictures):
        story += [Mark(ledger, f"photo:{n}"), photo_page(ts, item, ledger, n), PageBreak()]
    story += [Mark(ledger, "reference"), *sheets.reference(ts, front, remarks)]
    buf = io.BytesIO()
    frame = Frame(MARGIN, MARGIN, PAGE[0] - 2 * MARGIN, PAGE[1] - 2 * MARGIN, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(buf, pagesize=PAGE, pageTemplates=[PageTemplate("sheet", [frame])], invariant=1,
                          pageCompression=1, title=front.title, author=front.agency, initialFontName=ts.song.name)
    with without_ascii85():
        doc.build(story)
    starts = sorted(ledger.marks.items(), key=lambda kv: kv[1])
    ends = [s for _, s in starts[1:]] + [doc.page]
    parts = {name: range(start, end) for (name, start), end in zip(starts, ends, strict=True)}
    return Laid(buf.getvalue(), parts, ledger.links, ledger.boxes)
