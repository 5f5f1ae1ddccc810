"""Page-number stamps: the number's text appended to each content page's own content, in one digits font.

The font is the stamp face subset to the ten digits (reportlab writes it, from a one-line page), shared by all
pages. Each page gets one small content stream more: the page's own content is closed off (``q`` before it,
``Q`` after: a stream of ``q`` shared by all pages) and the number drawn in the corner.

The stamp goes in a corner of what the reader sees (the crop box, turned by the page's ``/Rotate``): top right
by default, or bottom right; in duplex printing the back (even) pages get the mirrored corner, top left. The
number is turned against the page's ``/Rotate``, so it reads upright.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

import pikepdf
from pikepdf import Dictionary, Name
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desk.render.fonts import Face

POSITIONS = ("top-right", "bottom-right")
SIZE = 12.0
INSET_X, INSET_Y = 12 * mm, 9 * mm
DIGITS = "0123456789"


@cache
def _digits(face: Face) -> bytes:
    """A one-line PDF of the ten digits in ``face``: reportlab embeds the font subset to them."""
    buf = io.BytesIO()
    c = Canvas(buf, invariant=True, pageCompression=1, initialFontName=face.name, initialFontSize=SIZE)
    c.drawString(0, 0, DIGITS)
    c.save()
    return buf.getvalue()


def digit_font(pdf: pikepdf.Pdf, face: Face) -> tuple[pikepdf.Object, dict[str, int]]:
    """``face`` subset to the ten digits, as a font object of ``pdf``, and each digit's code in that font."""
    drawn = pikepdf.open(io.BytesIO(_digits(face)))
    page = drawn.pages[0]
    (font,) = page.Resources.Font.values()
    (drawn_text,) = pikepdf.parse_content_stream(page, "Tj")
    assert isinstance(drawn_text, pikepdf.ContentStreamInstruction)
    shown = bytes(drawn_text.operands[0])
    return pdf.copy_foreign(font), dict(zip(DIGITS, shown, strict=True))


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


def _upright(turn: int, rect: pikepdf.Rectangle) -> tuple[float, ...]:
    """The matrix that draws a stamp upright (as seen on a page turned by ``turn``) into ``rect``."""
    return {90: (0, 1, -1, 0, rect.urx, rect.lly), 180: (-1, 0, 0, -1, rect.urx, rect.ury),
            270: (0, -1, 1, 0, rect.llx, rect.ury)}.get(turn, (1, 0, 0, 1, rect.llx, rect.lly))


def stamp_pages(pdf: pikepdf.Pdf, numbered: Sequence[tuple[int, int]], face: Face, *, position: str = "top-right",
                duplex: bool = False) -> None:
    """Stamp ``number`` on page ``index`` for each ``(index, number)``; in duplex, odd indexes are backs."""
    font, codes = digit_font(pdf, face)
    name = Name.random(prefix="Stamp")  # one font, one name: a page may share its resources with another
    height, descent = SIZE * (face.info.ascent + face.info.descent), face.info.descent * SIZE
    push = pdf.make_stream(b"q\n")
    for index, number in numbered:
        text = str(number)
        width = face.width(text, SIZE)
        page = pdf.pages[index]
        rect = corner(page, (width, height), position, back=duplex and index % 2 == 1)
        matrix = " ".join(f"{v:.4f}" for v in _upright(int(page.obj.get("/Rotate", 0)) % 360, rect))
        resources = page.resources
        if Name.Font not in resources:
            resources.Font = Dictionary()
        resources.Font[name] = font
        shown = bytes(codes[d] for d in text).hex()
        page.contents_add(push, prepend=True)
        page.contents_add(pdf.make_stream(
            f"Q\nq {matrix} cm BT {name} {SIZE:g} Tf 0 {descent:.4f} Td <{shown}> Tj ET Q\n".encode()))
