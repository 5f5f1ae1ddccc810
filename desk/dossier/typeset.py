"""Typesetting the binder's own pages with reportlab: faces from desk/render/fonts.py, paragraph styles,
and flowables that record where they were drawn (page ranges of each part, rectangles of index rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle

from desk.render.fonts import Face, FontMap, default_fonts

PAGE = A4
MARGIN = 20 * mm


@dataclass
class Ledger:
    """What the pass recorded: the first page of each named mark, link rectangles per (page, target), and the
    page and rectangle of each picture box."""

    marks: dict[str, int] = field(default_factory=dict)
    links: dict[tuple[int, int], list[float]] = field(default_factory=dict)
    boxes: dict[int, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)

    def link(self, page: int, target: int, rect: tuple[float, float, float, float]) -> None:
        box = self.links.setdefault((page, target), list(rect))
        box[:] = [min(box[0], rect[0]), min(box[1], rect[1]), max(box[2], rect[2]), max(box[3], rect[3])]


class Mark(Flowable):
    """Takes no room; records the page it lands on under ``name`` (0-based page index)."""

    def __init__(self, ledger: Ledger, name: str) -> None:
        super().__init__()
        self.ledger, self.name = ledger, name

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.ledger.marks[self.name] = self.canv.getPageNumber() - 1


class Para(Paragraph):
    """A paragraph that breaks its lines once per width: a reportlab table wraps every cell when it sizes its
    rows, when it splits and again when it draws them (the lines depend on the width alone)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is None or self._wrapped[0] != availWidth:
            self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return self._wrapped[1]


class Anchored(Para):
    """A paragraph whose drawn height (plus ``pad``), across ``span`` (x from, x to on the page), becomes the
    link to item ``target``: the title cell of an index row links the whole row."""

    def __init__(self, text: str, style: ParagraphStyle, ledger: Ledger, target: int, span: tuple[float, float],
                 pad: float = 4) -> None:
        super().__init__(text, style)
        self.ledger, self.target, self.span, self.pad = ledger, target, span, pad

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canvas, x, y, _sW)
        _, y0 = canvas.absolutePosition(x, y)
        rect = (self.span[0], y0 - self.pad, self.span[1], y0 + self.height + self.pad)
        self.ledger.link(canvas.getPageNumber() - 1, self.target, rect)


class Typesetter:
    """Faces and paragraph styles of the dossier sheets; ``para`` marks up text so every glyph has a font."""

    def __init__(self, fonts: FontMap | None = None) -> None:
        self.fonts = fonts or default_fonts()
        self.song = self.fonts.face("宋体", east_asian=True)
        self.hei = self.fonts.face("黑体", east_asian=True)
        self.title_face = self.fonts.face("方正小标宋简体", east_asian=True)
        self.latin = self.fonts.face("Times New Roman", east_asian=False)

    def style(self, size: float, *, face: Face | None = None, center: bool = False, leading: float = 1.35,
              space_after: float = 0, indent: float = 0, left: float = 0) -> ParagraphStyle:
        f = face or self.song
        return ParagraphStyle(f"desk-{f.name}-{size}-{center}", fontName=f.name, fontSize=size,
                              leading=size * leading, alignment=TA_CENTER if center else TA_LEFT,
                              wordWrap="CJK", spaceAfter=space_after, firstLineIndent=indent, leftIndent=left)

    def table_style(self, *commands: tuple[object, ...]) -> TableStyle:
        """A table style whose cells' own font is the song face (reportlab's default would add Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.song.name), *commands])

    def markup(self, text: str, face: Face) -> str:
        """``text`` escaped for a paragraph, with runs the face lacks set in the first fallback that has them."""
        out: list[str] = []
        run, run_face = "", face
        for char in text:
            use = face if face.has(char) or char in "\n\t " else (self.fonts.fallback(char) or face)
            if use is not run_face and run:
                out.append(self._run(run, run_face, face))
                run = ""
            run, run_face = run + char, use
        if run:
            out.append(self._run(run, run_face, face))
        return "".join(out).replace("\n", "<br/>")

    @staticmethod
    def _run(text: str, run_face: Face, base: Face) -> str:
        return escape(text) if run_face is base else f'<font name="{run_face.name}">{escape(text)}</font>'

    def para(self, text: str, style: ParagraphStyle) -> Para:
        return Para(self.markup(text, self._face_of(style)), style)

    def anchored(self, text: str, style: ParagraphStyle, ledger: Ledger, target: int,
                 span: tuple[float, float]) -> Anchored:
        return Anchored(self.markup(text, self._face_of(style)), style, ledger, target, span)

    def _face_of(self, style: ParagraphStyle) -> Face:
        for face in (self.song, self.hei, self.title_face, self.latin):
            if face.name == style.fontName:
                return face
        return self.song

