"""Page-number stamps: one tiny reportlab page per number, laid over each content page with ``Page.add_overlay``.

The stamp goes in a corner of what the reader sees (the crop box, turned by the page's ``/Rotate``): top right
by default, or bottom right; in duplex printing the back (even) pages get the mirrored corner, top left.
qpdf turns the overlay upright on a rotated page, so only its rectangle needs mapping.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pikepdf
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desk.render.fonts import Face

POSITIONS = ("top-right", "bottom-right")
SIZE = 12.0
INSET_X, INSET_Y = 12 * mm, 9 * mm


def stamp_pdf(numbers: Sequence[int], face: Face) -> pikepdf.Pdf:
    """A PDF with one page per number, each page exactly the size of its text."""
    buf = io.BytesIO()
    c = Canvas(buf, invariant=True, pageCompression=1, initialFontName=face.name, initialFontSize=SIZE)
    descent = face.info.descent * SIZE
    for n in numbers:
        text = str(n)
        c.setPageSize((face.width(text, SIZE), SIZE * (face.info.ascent + face.info.descent)))
        c.setFont(face.name, SIZE)
        c.drawString(0, descent, text)
        c.showPage()
    c.save()
    return pikepdf.open(io.BytesIO(buf.getvalue()))


def corner(page: pikepdf.Page, size: tuple[float, float], position: str, back: bool) -> pikepdf.Rectangle:
    """The rectangle, in the page's own coordinates, where a ``size`` stamp sits at ``position`` as seen."""
    box = pikepdf.Rectangle(page.cropbox)
    turn = int(page.obj.get("/Rotate", 0)) % 360
    seen_w, seen_h = (box.height, box.width) if turn in (90, 270) else (box.width, box.height)
    bw, bh = size
    right = not back
    vx = seen_w - INSET_X - bw if right else INSET_X
    vy = seen_h - INSET_Y - bh if position == "top-right" else INSET_Y
    w, h = box.width, box.height
    if turn == 90:
        x, y, rw, rh = w - vy - bh, vx, bh, bw
    elif turn == 180:
        x, y, rw, rh = w - vx - bw, h - vy - bh, bw, bh
    elif turn == 270:
        x, y, rw, rh = vy, h - vx - bw, bh, bw
    else:
        x, y, rw, rh = vx, vy, bw, bh
    return pikepdf.Rectangle(box.llx + x, box.lly + y, box.llx + x + rw, box.lly + y + rh)


def stamp_pages(pdf: pikepdf.Pdf, numbered: Sequence[tuple[int, int]], face: Face, *, position: str = "top-right",
                duplex: bool = False) -> None:
    """Stamp ``number`` on page ``index`` for each ``(index, number)``; in duplex, odd indexes are backs."""
    stamps = stamp_pdf([n for _, n in numbered], face)
    for stamp, (index, _) in zip(stamps.pages, numbered, strict=True):
        form = pdf.copy_foreign(stamp.as_form_xobject())
        size = (float(stamp.mediabox[2]), float(stamp.mediabox[3]))
        page = pdf.pages[index]
        page.add_overlay(form, corner(page, size, position, back=duplex and index % 2 == 1))
