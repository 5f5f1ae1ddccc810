"""A paragraph's inline items → atoms: one per character (or tab, break, picture), each with its face, size
and advance, ready for line breaking.

East Asian characters take the run's ``w:eastAsia`` font, Western ones ``w:ascii``/``w:hAnsi``; characters
without a script of their own (spaces, quotes, dashes) follow the text before them. A character missing from
its font is drawn with the first fallback font that has it. Between Han characters and Western letters or
figures goes the automatic East Asian/Western space (``w:autoSpaceDE``/``w:autoSpaceDN``), a fifth of the font
size as LibreOffice sets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

from desk.render.fonts import Face, FontMap
from desk.render.pdf import model
from desk.render.pdf.formats import RunFormat
from desk.render.pdf.text import is_alnum_latin, is_ideograph, script

AUTO_SPACE = 0.2  # of the font size
SCRIPT_SIZE, SUPER_RISE, SUB_DROP = 0.58, 0.33, 0.08  # super/subscript, as LibreOffice draws them


@dataclass(slots=True)
class Atom:
    char: str  # one character; "\t" a tab, "\n" a line break, "" a picture
    face: Face | None
    size: float
    fmt: RunFormat
    advance: float  # the glyph's advance (horizontal scale applied)
    width: float  # advance + character spacing + automatic space after it
    rise: float = 0.0
    auto_space: float = 0.0  # the automatic East Asian/Western space included in ``width``
    picture: model.Picture | None = None

    @property
    def ascent(self) -> float:
        if self.picture is not None:
            return self.picture.height
        return (self.face.info.ascent * self.size if self.face else 0.0) + self.rise

    @property
    def descent(self) -> float:
        if self.picture is not None:
            return 0.0
        return (self.face.info.descent * self.size if self.face else 0.0) - self.rise


_Glyph = tuple[Face, float, float, float, bool]  # face, size, advance, rise, missing from every font
_Glyphs = dict[RunFormat, tuple[dict[str, _Glyph], dict[str, _Glyph]]]  # format → (Western, East Asian) → char →
_MEMO: WeakKeyDictionary[FontMap, tuple[dict[tuple[RunFormat, str], Face], _Glyphs]] = WeakKeyDictionary()


class Shaper:
    """Turns inline items into atoms. Faces and glyph measures are remembered per font map, across documents."""

    def __init__(self, fonts: FontMap) -> None:
        self.fonts = fonts
        self._faces, self._glyphs = _MEMO.setdefault(fonts, ({}, {}))
        self.missing: set[str] = set()
        self._shaped: dict[tuple[tuple[model.Inline, ...], bool], list[Atom]] = {}

    def face(self, fmt: RunFormat, east_asian: bool, char: str = "A") -> Face:
        latin_slot = "ascii" if char < "\x80" else "hAnsi"
        key = (fmt, "ea" if east_asian else latin_slot)
        face = self._faces.get(key)
        if face is None:
            name = fmt.east_asia_font if east_asian else (fmt.ascii_font if latin_slot == "ascii" else fmt.h_ansi_font)
            face = self._faces[key] = self.fonts.face(
                name or fmt.ascii_font, east_asian=east_asian, bold=fmt.bold, italic=fmt.italic
            )
        return face

    def atoms(self, items: list[model.Inline], auto_space: bool) -> list[Atom]:
        """The atoms of a paragraph's items, shaped once per distinct paragraph: the list is shared, its atoms
        are never changed once shaped."""
        key = (tuple(items), auto_space)
        found = self._shaped.get(key)
        if found is None:
            found = self._shaped[key] = self._shape(items, auto_space)
        return found

    def _shape(self, items: list[model.Inline], auto_space: bool) -> list[Atom]:
        out: list[Atom] = []
        scripts = _resolve_scripts(items)
        k = 0
        for item in items:
            if isinstance(item, model.Text):
                out += self._chars(item, scripts[k : k + len(item.text)])
                k += len(item.text)
            elif isinstance(item, model.Tab):
                out.append(Atom("\t", self.face(item.fmt, False), item.fmt.size, item.fmt, 0.0, 0.0))
            elif isinstance(item, model.LineBreak):
                out.append(Atom("\n", self.face(item.fmt, False), item.fmt.size, item.fmt, 0.0, 0.0))
            elif isinstance(item, model.Picture):
                out.append(Atom("", None, item.fmt.size, item.fmt, item.width, item.width, picture=item))
        if auto_space:
            _auto_space(out)
        return out

    def _chars(self, item: model.Text, scripts: list[bool]) -> list[Atom]:
        """One atom per character of a run. The run's format is looked up once, not per character (hashing a
        format hashes its sixteen fields)."""
        fmt, spacing, out = item.fmt, item.fmt.char_spacing, []
        tables = self._glyphs.get(fmt)
        if tables is None:
            tables = self._glyphs[fmt] = ({}, {})
        for char, east_asian in zip(item.text, scripts, strict=True):
            table = tables[east_asian]
            glyph = table.get(char)
            if glyph is None:
                glyph = table[char] = self._glyph(char, fmt, east_asian)
            face, size, advance, rise, missing = glyph
            if missing:
                self.missing.add(char)
            out.append(Atom(char, face, size, fmt, advance, advance + spacing, rise))
        return out

    def _glyph(self, char: str, fmt: RunFormat, east_asian: bool) -> _Glyph:
        face = self.face(fmt, east_asian, char)
        if not face.has(char) and char not in "\u00a0\u2011":
            fallback = self.fonts.fallback(char)
            if fallback is not None:
                face = fallback.styled(bold=fmt.bold, italic=fmt.italic)
        size, rise = fmt.size, fmt.position
        if fmt.vert_align == "superscript":
            size, rise = size * SCRIPT_SIZE, rise + fmt.size * SUPER_RISE
        elif fmt.vert_align == "subscript":
            size, rise = size * SCRIPT_SIZE, rise - fmt.size * SUB_DROP
        missing = not face.has(char) and char not in "\u00a0\u2011"
        return face, size, face.width(char, size) * fmt.scale, rise, missing

    def metrics(self, fmt: RunFormat) -> tuple[float, float]:
        """Ascent and descent of an empty line in format ``fmt`` (both scripts' fonts count)."""
        faces = (self.face(fmt, True), self.face(fmt, False))
        return (max(f.info.ascent for f in faces) * fmt.size, max(f.info.descent for f in faces) * fmt.size)


def _resolve_scripts(items: list[model.Inline]) -> list[bool]:
    """Per character of the paragraph's text: East Asian or not (weak characters follow the text before, or
    are Western at the start)."""
    chars = [(c, i.fmt.east_asia_hint) for i in items if isinstance(i, model.Text) for c in i.text]
    kinds = [script(c) for c, _ in chars]
    out: list[bool] = []
    previous = "latin"
    for (_, hint), kind in zip(chars, kinds, strict=True):
        if kind == "weak":
            out.append(hint or previous == "ea")
        else:
            previous = kind
            out.append(kind == "ea")
    return out


def _auto_space(atoms: list[Atom]) -> None:
    sides = [_side(a.char) if a.face is not None else 0 for a in atoms]
    for i in range(len(atoms) - 1):
        here, after = sides[i], sides[i + 1]
        if here and after and here != after:
            a = atoms[i]
            ea = a if here == _IDEOGRAPH else atoms[i + 1]
            a.auto_space = ea.size * AUTO_SPACE
            a.width += a.auto_space


_IDEOGRAPH, _ALNUM_LATIN = 1, 2


@cache
def _side(char: str) -> int:
    """Which side of the automatic East Asian/Western space a character is on: an ideograph, a Western letter or
    figure, or neither (0)."""
    if char and is_ideograph(char):
        return _IDEOGRAPH
    return _ALNUM_LATIN if is_alnum_latin(char) else 0
