"""A DOCX paragraph as a platypus flowable: laid out by ``lines``, split between pages by whole lines with
widow/orphan control and keep-lines-together, drawn by ``draw``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desk.render.pdf import model
from desk.render.pdf.atoms import Atom, Shaper
from desk.render.pdf.draw import color, draw_line
from desk.render.pdf.formats import Border, ParaFormat
from desk.render.pdf.lines import EPSILON, Line, Measure, align, break_lines, set_heights

KeptLines = dict[tuple[int, float, ParaFormat, tuple[float, float]], tuple[list[Atom], list[Line]]]


@dataclass
class Context:
    """What every flowable of one document shares; ``lines`` keeps the lines of each shaped paragraph by the width
    they were broken for (the atoms list, shared by the shaper, is the key), across renderings."""

    shaper: Shaper
    default_tab: float
    body_height: float  # a flowable at least this tall would never fit a page: split it anyway
    lines: KeptLines = field(default_factory=dict)


class ParagraphFlowable(Flowable):
    def __init__(
        self,
        para: model.Paragraph,
        ctx: Context,
        *,
        before: float,
        after: float,
        keep_before: bool,
        inside: bool = False,
    ) -> None:
        """``before``/``after``: the spacing around the paragraph. It is platypus' ``spaceBefore``/``spaceAfter``
        (the space before is dropped at the top of a page) unless ``keep_before`` (the paragraph starts a page on
        purpose: the space before stays) or ``inside`` (in a table cell, where both belong to the cell)."""
        super().__init__()
        self.fmt: ParaFormat = para.fmt
        self.ctx = ctx
        self.atoms: list[Atom] = ctx.shaper.atoms(para.items, para.fmt.auto_space)
        self.empty = ctx.shaper.metrics(para.mark)
        self.lead = before if keep_before or inside else 0.0
        self.trail = after if inside else 0.0
        self.spaceBefore = 0.0 if keep_before or inside else before
        self.spaceAfter = 0.0 if inside else after
        self.keepWithNext = para.fmt.keep_next
        self.first = True  # starts with the paragraph's first line
        self.top_border: Border | None = para.fmt.border_top
        self.bottom_border: Border | None = para.fmt.border_bottom
        self._lines: list[Line] | None = None
        self._for_width = -1.0
        self._shared = True  # ``atoms`` is the shaper's list (a part of a split paragraph has its own)

    def lines(self, width: float) -> list[Line]:
        if self._lines is None or abs(width - self._for_width) > EPSILON:
            key = (id(self.atoms), width, self.fmt, self.empty)
            kept = self.ctx.lines.get(key) if self._shared else None
            if kept is not None and kept[0] is self.atoms:
                lines = kept[1]
            else:
                lines = self._break(width)
                if self._shared:
                    self.ctx.lines[key] = (self.atoms, lines)
            self._lines, self._for_width = lines, width
        return self._lines

    def _break(self, width: float) -> list[Line]:
        fmt = self.fmt if self.first else replace(self.fmt, first_line=0.0)
        measure = Measure(width, fmt, self.ctx.default_tab)
        lines = break_lines(self.atoms, measure)
        set_heights(lines, fmt, self.empty)
        align(lines, measure)
        return lines

    def _border_space(self) -> tuple[float, float]:
        top = self.top_border.space + self.top_border.width if self.top_border else 0.0
        bottom = self.bottom_border.space + self.bottom_border.width if self.bottom_border else 0.0
        return top, bottom

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        top, bottom = self._border_space()
        self.width = availWidth
        self.height = self.lead + top + sum(line.height for line in self.lines(availWidth)) + bottom + self.trail
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines(availWidth)
        top, _ = self._border_space()
        room = availHeight - self.lead - top
        count, used = 0, 0.0
        while count < len(lines) and used + lines[count].height <= room + EPSILON:
            used += lines[count].height
            count += 1
        whole_page = availHeight >= self.ctx.body_height - EPSILON
        if not whole_page:
            if self.fmt.keep_lines:
                return []
            if self.fmt.widow_control and len(lines) > 1:
                if len(lines) - count == 1:
                    count -= 1  # no widow: take one more line over
                if count == 1 and self.first:
                    count = 0  # no orphan: the first line alone stays with the rest
        count = max(count, 1) if whole_page else count
        if count <= 0 or count >= len(lines):
            return []
        return [self._part(lines[:count], head=True), self._part(lines[count:], head=False)]

    def _part(self, lines: list[Line], *, head: bool) -> ParagraphFlowable:
        part = ParagraphFlowable.__new__(ParagraphFlowable)
        part.__dict__.update(self.__dict__)
        part.atoms = [a for line in lines for a in line.atoms]
        part._shared = False
        part._lines, part._for_width = lines, self._for_width
        if head:
            part.spaceAfter, part.trail, part.keepWithNext, part.bottom_border = 0.0, 0.0, False, None
        else:
            part.lead, part.spaceBefore, part.first, part.top_border = 0.0, 0.0, False, None
        return part

    def draw(self) -> None:
        canv = self.canv
        y = self.height - self.lead
        if self.top_border:
            _rule(canv, self.top_border, y - self.top_border.width / 2, self.fmt, self.width)
            y -= self.top_border.width + self.top_border.space
        for line in self.lines(self.width):
            draw_line(canv, line, 0.0, y - line.baseline, soft_end=not line.last)
            y -= line.height
        if self.bottom_border:
            y -= self.bottom_border.space
            _rule(canv, self.bottom_border, y - self.bottom_border.width / 2, self.fmt, self.width)


def _rule(canv: Canvas, border: Border, y: float, fmt: ParaFormat, width: float) -> None:
    canv.saveState()
    canv.setStrokeColor(color(border.color))
    canv.setLineWidth(border.width)
    canv.line(fmt.left, y, width - fmt.right, y)
    if border.double:
        canv.line(fmt.left, y - 2 * border.width, width - fmt.right, y - 2 * border.width)
    canv.restoreState()
