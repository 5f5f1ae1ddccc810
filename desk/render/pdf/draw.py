"""Drawing laid-out lines on a reportlab canvas: glyph runs (with faked bold and italic where the font has no
such style), underlines and strike-through, tab leaders, inline pictures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from io import BytesIO
from typing import NamedTuple

from reportlab.lib.colors import HexColor, black
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desk.render.pdf.atoms import Atom
from desk.render.pdf.lines import Line
from desk.render.pdf.text import SPACES

BOLD_STROKE = 0.03  # of the font size: the outline stroke that fakes bold
ITALIC_SKEW = 0.21  # tan(12°): the slant that fakes italic
_DASHES = {
    "dotted": [1, 2],
    "dottedHeavy": [1, 2],
    "dash": [4, 2],
    "dashedHeavy": [4, 2],
    "dashLong": [6, 2],
    "dotDash": [4, 2, 1, 2],
    "dotDotDash": [4, 2, 1, 2, 1, 2],
}


@lru_cache(maxsize=256)
def color(hex_color: str | None) -> object:
    try:
        return HexColor("#" + hex_color) if hex_color else black
    except ValueError:
        return black


_IMAGES: dict[str, ImageReader] = {}


def _image(data: bytes) -> ImageReader:
    """The decoded picture, shared by every document showing the same picture (a seal, a signature)."""
    digest = hashlib.sha1(data).hexdigest()
    reader = _IMAGES.get(digest)
    if reader is None:
        if len(_IMAGES) >= 64:
            _IMAGES.pop(next(iter(_IMAGES)))
        reader = _IMAGES[digest] = ImageReader(BytesIO(data))
    return reader


class _Stroke(NamedTuple):
    """An underline or strike-through from atom ``first`` to atom ``last``, sized by the ``widest`` atom."""

    first: int
    last: int
    widest: Atom
    style: str
    strike: bool


class _Plan(NamedTuple):
    """What drawing a line up to atom ``end`` takes, worked out once (a laid-out line is kept and drawn again):
    its glyph runs ``(first atom, text, gap)``, its pictures and its strokes."""

    end: int
    runs: tuple[tuple[int, str, float], ...]
    pictures: tuple[int, ...]
    strokes: tuple[_Stroke, ...]


def _runs(line: Line, end: int) -> Iterator[tuple[int, int, float]]:
    """Maximal runs of text atoms drawable with one text operator: same face, size, format, rise and a constant
    gap between glyphs (the justification or character spacing). Yields ``(start, end, gap)``."""
    atoms, xs = line.atoms, line.xs
    i = 0
    while i < end:
        a = atoms[i]
        if a.face is None or a.char in "\t\n":
            i += 1
            continue
        j, gap = i + 1, None
        while j < end:
            b = atoms[j]
            step = xs[j] - xs[j - 1] - atoms[j - 1].advance
            if (
                b.face is not a.face
                or b.size != a.size
                or (b.fmt is not a.fmt and b.fmt != a.fmt)
                or b.rise != a.rise
                or b.char in "\t\n"
                or (gap is not None and abs(step - gap) > 0.001)
            ):
                break
            gap = step
            j += 1
        yield i, j, gap or 0.0
        i = j


def _plan(line: Line, end: int) -> _Plan:
    atoms = line.atoms
    runs = tuple((start, "".join(a.char for a in atoms[start:stop]), gap) for start, stop, gap in _runs(line, end))
    pictures = tuple(i for i, atom in enumerate(atoms[:end]) if atom.picture is not None)
    return _Plan(end, runs, pictures, tuple(_strokes(line, end)))


def draw_line(canv: Canvas, line: Line, x0: float, baseline: float, *, soft_end: bool) -> None:
    """Draw ``line`` with its text area's left edge at ``x0`` and its baseline at ``baseline``."""
    atoms = line.atoms
    end = len(atoms)
    if soft_end:  # spaces hanging past a soft line end are not drawn
        while end and atoms[end - 1].char in SPACES:
            end -= 1
    plan = line.plan
    if not isinstance(plan, _Plan) or plan.end != end:
        plan = line.plan = _plan(line, end)
    for start, text, gap in plan.runs:
        _glyphs(canv, atoms[start], text, x0 + line.xs[start], baseline, gap)
    for i in plan.pictures:
        atom = atoms[i]
        assert atom.picture is not None
        canv.drawImage(
            _image(atom.picture.data),
            x0 + line.xs[i],
            baseline + atom.rise,
            atom.picture.width,
            atom.picture.height,
            mask="auto",
        )
    for stroke in plan.strokes:
        _stroke(
            canv,
            x0 + line.xs[stroke.first],
            x0 + line.xs[stroke.last] + line.widths[stroke.last],
            baseline,
            stroke.widest,
            stroke.style,
            strike=stroke.strike,
        )
    for leader in line.leaders:
        _leader(canv, x0 + leader.x0, x0 + leader.x1, baseline, leader.kind, leader.atom)


def _glyphs(canv: Canvas, atom: Atom, text: str, x: float, baseline: float, gap: float) -> None:
    # Text state (Tc, Tz, Tr) and the fill colour outlive a text object: a run that changes them restores them.
    face, fmt = atom.face, atom.fmt
    assert face is not None
    t = canv.beginText()
    if face.fake_italic:
        t.setTextTransform(1, 0, ITALIC_SKEW, 1, x, baseline + atom.rise)
    else:
        t.setTextOrigin(x, baseline + atom.rise)
    t.setFont(face.name, atom.size)
    if fmt.scale != 1.0:
        t.setHorizScale(fmt.scale * 100)
    if gap:
        t.setCharSpace(gap / fmt.scale)
    if fmt.color:
        t.setFillColor(color(fmt.color))
    if face.fake_bold:
        t.setTextRenderMode(2)
        t.setStrokeColor(color(fmt.color))
        canv.setLineWidth(atom.size * BOLD_STROKE)
    t.textOut(text)
    if fmt.scale != 1.0:
        t.setHorizScale(100)
    if gap:
        t.setCharSpace(0)
    if fmt.color:
        t.setFillColor(black)
    if face.fake_bold:
        t.setTextRenderMode(0)
        t.setStrokeColor(black)
    canv.drawText(t)


def _strokes(line: Line, end: int) -> Iterator[_Stroke]:
    """Underline and strike-through, one stroke per stretch of atoms sharing the decoration."""
    for attr in ("underline", "strike"):
        i = 0
        while i < end:
            a = line.atoms[i]
            style = getattr(a.fmt, attr)
            if not style or a.char == "\n" or (style == "words" and a.char in SPACES):
                i += 1
                continue
            j = i
            while (
                j + 1 < end
                and getattr(line.atoms[j + 1].fmt, attr) == style
                and line.atoms[j + 1].char != "\n"
                and not (style == "words" and line.atoms[j + 1].char in SPACES)
            ):
                j += 1
            widest = max(line.atoms[i : j + 1], key=lambda t: t.size)
            yield _Stroke(i, j, widest, "single" if attr == "strike" else str(style), attr == "strike")
            i = j + 1


def _stroke(canv: Canvas, x1: float, x2: float, baseline: float, atom: Atom, style: str, *, strike: bool) -> None:
    info = atom.face.info if atom.face else None
    size = atom.size
    thickness = (info.underline_thickness if info else 0.05) * size * (2 if "thick" in style.lower() else 1)
    y = baseline + size * 0.3 if strike else baseline + (info.underline_position if info else -0.1) * size
    canv.saveState()
    canv.setStrokeColor(color(atom.fmt.color))
    canv.setLineWidth(thickness)
    dash = _DASHES.get(style)
    if dash:
        canv.setDash([d * thickness * 1.5 for d in dash])
    canv.line(x1, y, x2, y)
    if style == "double":
        canv.line(x1, y - 2 * thickness, x2, y - 2 * thickness)
    canv.restoreState()


def _leader(canv: Canvas, x1: float, x2: float, baseline: float, kind: str, atom: Atom) -> None:
    if x2 - x1 < 1:
        return
    canv.saveState()
    canv.setLineWidth(atom.size * 0.05)
    y = baseline + (atom.size * 0.25 if kind == "middleDot" else atom.size * -0.05)
    if kind in ("dot", "middleDot"):
        canv.setLineCap(1)
        canv.setDash([0, atom.size * 0.3])
    elif kind == "hyphen":
        canv.setDash([atom.size * 0.3, atom.size * 0.2])
    canv.line(x1 + 1, y, x2 - 1, y)
    canv.restoreState()
