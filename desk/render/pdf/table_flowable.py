"""``model.Table`` as a flowable laid out the way LibreOffice lays out a Word table.

Columns take the grid widths; a merged cell (``gridSpan``, ``vMerge``) is one box over several grid cells. A row
is as tall as its tallest cell (cell margins included) plus the width of the border above it (and, for the last
row, the border below), at least or exactly its ``trHeight``; a vertically merged cell that needs more grows its
last row. Between pages a row is split through its cells' content unless it is ``cantSplit`` or of exact
height; header rows (``tblHeader``) repeat on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desk.render.pdf import model
from desk.render.pdf.draw import color
from desk.render.pdf.lines import EPSILON
from desk.render.pdf.tables import DEFAULT_CELL_MARGIN

BlocksToFlowables = Callable[[Sequence[model.Block]], list[Flowable]]
_DASH = {"dotted": [1, 2], "dashed": [3, 2], "dashSmallGap": [3, 1], "dotDash": [3, 2, 1, 2]}


@dataclass
class Box:
    """A cell's content over rows ``row`` … ``row + rows - 1`` and columns ``col`` … ``col + span - 1``."""

    content: list[Flowable]
    row: int
    col: int
    span: int
    rows: int
    cell: model.Cell
    margins: dict[str, float] = field(default_factory=dict)

    def border(self, side: str) -> model.Border | None:
        return self.cell.borders.get(side)


@dataclass
class RowSpec:
    height: float | None
    exact: bool
    cant_split: bool


def _boxes(table: model.Table, to_flowables: BlocksToFlowables) -> list[Box]:
    boxes: list[Box] = []
    open_at: dict[int, Box] = {}
    for r, row in enumerate(table.rows):
        col = row.grid_before
        for cell in row.cells:
            above = open_at.get(col)
            if cell.vmerge == "continue" and above is not None and above.span == cell.span:
                above.rows = r - above.row + 1
                above.cell = replace(above.cell, borders={**above.cell.borders, "bottom": cell.borders.get("bottom")})
            else:
                box = Box(
                    to_flowables(cell.blocks), r, col, cell.span, 1, cell, {**DEFAULT_CELL_MARGIN, **cell.margins}
                )
                boxes.append(box)
                for c in range(col, col + cell.span):
                    open_at[c] = box
            col += cell.span
    return boxes


def _fill(content: list[Flowable], width: float, height: float) -> tuple[list[Flowable], list[Flowable]]:
    """Split ``content`` where a frame ``height`` high would: what fits, and the rest."""
    used = 0.0
    for i, flowable in enumerate(content):
        _, h = flowable.wrap(width, height - used)
        if used + h <= height + EPSILON:
            used += h
            continue
        parts = flowable.split(width, height - used)
        if parts:
            return [*content[:i], parts[0]], [*parts[1:], *content[i + 1 :]]
        return content[:i], content[i:]
    return content, []


class TableFlowable(Flowable):
    def __init__(
        self,
        widths: list[float],
        rows: list[RowSpec],
        boxes: list[Box],
        *,
        header_rows: int,
        shift: float,
        align: str,
        page_height: float,
    ) -> None:
        super().__init__()
        self.widths, self.rows, self.boxes = widths, rows, boxes
        self.header_rows, self.shift, self.align = header_rows, shift, align
        self.page_height = page_height  # the body height of a page: what can never fit is split anyway
        self.edges = [sum(widths[:i]) for i in range(len(widths) + 1)]
        self._heights: list[float] = []  # of each row
        self._natural: list[float] = []  # of each row, as its content alone would make it
        self._bands: list[float] = []

    # -- geometry
    def _box_width(self, box: Box) -> float:
        end = min(box.col + box.span, len(self.widths))
        return self.edges[end] - self.edges[min(box.col, len(self.widths))]

    def _inner_width(self, box: Box) -> float:
        return max(self._box_width(box) - box.margins["left"] - box.margins["right"], 1.0)

    def _content_height(self, box: Box) -> float:
        width = self._inner_width(box)
        return sum(f.wrap(width, 1e6)[1] for f in box.content)

    def _layout(self) -> None:
        n = len(self.rows)
        bands = [0.0] * (n + 1)  # border band above each row; the last entry is the band below the table
        for box in self.boxes:
            top, bottom = box.border("top"), box.border("bottom")
            if top:
                bands[box.row] = max(bands[box.row], top.width)
            if bottom:
                below = box.row + box.rows
                bands[below] = max(bands[below], bottom.width)
        heights = [bands[r] for r in range(n)]
        heights[-1] += bands[n] if n else 0.0
        needs: list[tuple[Box, float]] = []
        for box in self.boxes:
            need = self._content_height(box) + box.margins["top"] + box.margins["bottom"] + bands[box.row]
            if box.row + box.rows == n:
                need += bands[n]
            if box.rows == 1:
                heights[box.row] = max(heights[box.row], need)
            else:
                needs.append((box, need))
        self._natural = list(heights)
        for r, spec in enumerate(self.rows):
            if spec.height is not None:
                heights[r] = spec.height if spec.exact else max(heights[r], spec.height)
        for box, need in needs:
            last = box.row + box.rows - 1
            short = need - sum(heights[box.row : last + 1])
            if short > 0 and not self.rows[last].exact:
                heights[last] += short
        self._heights, self._bands = heights, bands

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout()
        self.avail_width = availWidth
        self.width, self.height = self.edges[-1], sum(self._heights)
        return self.width, self.height

    # -- splitting between pages
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        used, k = 0.0, 0
        while k < len(self.rows) and used + self._heights[k] <= availHeight + EPSILON:
            used += self._heights[k]
            k += 1
        if k == len(self.rows):
            return [self]
        spec = self.rows[k]
        never_fits = k == self.header_rows and availHeight >= self.page_height - EPSILON  # split it anyway
        if k >= self.header_rows and (never_fits or not (spec.cant_split or spec.exact)):
            parts = self._split_in_row(k, availHeight - used)
            if parts:
                return parts
        return self._split_before(k) if k > self.header_rows else []

    def _split_before(self, k: int) -> list[Flowable]:
        top = [b for b in self.boxes if b.row < k]
        if any(b.row + b.rows > k for b in top):
            return []
        bottom = [replace(b, row=b.row - k + self.header_rows) for b in self.boxes if b.row >= k]
        rest = self._part(self._headers() + self.rows[k:], self._header_boxes() + bottom)
        return [self._part(self.rows[:k], top), rest]

    def _split_in_row(self, k: int, room: float) -> list[Flowable]:
        """Split row ``k`` through its cells' content so that its first part fills ``room``."""
        top_boxes, bottom_boxes = [], []
        progress = overflow = False
        offset = self.header_rows
        for box in self.boxes:
            end = box.row + box.rows - 1
            if end < k:
                top_boxes.append(box)
            elif box.row > k:
                bottom_boxes.append(replace(box, row=box.row - k + offset))
            else:
                above = sum(self._heights[box.row : k])
                height = above + room - self._bands[box.row] - box.margins["top"] - box.margins["bottom"]
                fit, rest = _fill(box.content, self._inner_width(box), height)
                progress, overflow = progress or bool(fit), overflow or bool(rest)
                top_boxes.append(replace(box, content=fit, rows=k - box.row + 1))
                bottom_boxes.append(replace(box, content=rest, row=offset, rows=end - k + 1))
        whole_page = room + sum(self._heights[:k]) >= self.page_height - EPSILON
        minimum = self.rows[k].height
        by_content = minimum is None or self._natural[k] > minimum + EPSILON
        if not progress or (not whole_page and not (overflow and by_content)):
            return []  # a row as tall as its minimum height moves to the next page whole, unless it fills a page
        spec = self.rows[k]
        rest_height = max((spec.height or 0.0) - room, 0.0) or None
        top_rows = [*self.rows[:k], replace(spec, height=room)]
        bottom_rows = [*self._headers(), replace(spec, height=rest_height), *self.rows[k + 1 :]]
        return [self._part(top_rows, top_boxes), self._part(bottom_rows, self._header_boxes() + bottom_boxes)]

    def _headers(self) -> list[RowSpec]:
        return self.rows[: self.header_rows]

    def _header_boxes(self) -> list[Box]:
        return [replace(b, content=list(b.content)) for b in self.boxes if b.row < self.header_rows]

    def _part(self, rows: list[RowSpec], boxes: list[Box]) -> TableFlowable:
        return TableFlowable(
            self.widths,
            rows,
            boxes,
            header_rows=self.header_rows,
            shift=self.shift,
            align=self.align,
            page_height=self.page_height,
        )

    # -- drawing
    def _x0(self) -> float:
        free = getattr(self, "avail_width", self.width) - self.width
        return {"center": free / 2, "right": free}.get(self.align, self.shift)

    def draw(self) -> None:
        canv: Canvas = self.canv
        x0 = self._x0()
        tops = [self.height - sum(self._heights[:r]) for r in range(len(self.rows) + 1)]
        for box in self.boxes:
            left, right = x0 + self.edges[box.col], x0 + self.edges[min(box.col + box.span, len(self.widths))]
            top, bottom = tops[box.row], tops[box.row + box.rows]
            if box.cell.fill:
                canv.saveState()
                canv.setFillColor(color(box.cell.fill))
                canv.rect(left, bottom, right - left, top - bottom, stroke=0, fill=1)
                canv.restoreState()
            self._draw_content(canv, box, left, top, bottom)
        canv.saveState()
        pen = _Pen(canv)
        for box in self.boxes:
            self._draw_borders(pen, box, x0, tops)
        canv.restoreState()

    def _draw_content(self, canv: Canvas, box: Box, left: float, top: float, bottom: float) -> None:
        width = self._inner_width(box)
        inner_top = top - self._bands[box.row] - box.margins["top"]
        lowest = bottom + box.margins["bottom"] + (self._bands[-1] if box.row + box.rows == len(self.rows) else 0.0)
        sizes = [f.wrap(width, 1e6)[1] for f in box.content]
        free = max(inner_top - lowest - sum(sizes), 0.0)
        y = inner_top - {"middle": free / 2, "bottom": free}.get(box.cell.valign, 0.0)
        for flowable, h in zip(box.content, sizes, strict=True):
            y -= h
            flowable.drawOn(canv, left + box.margins["left"], y)

    def _draw_borders(self, pen: _Pen, box: Box, x0: float, tops: list[float]) -> None:
        left, right = x0 + self.edges[box.col], x0 + self.edges[min(box.col + box.span, len(self.widths))]
        top, bottom = tops[box.row], tops[box.row + box.rows]
        last = box.row + box.rows == len(self.rows)
        lw, rw = (b.width / 2 if (b := box.border(s)) else 0.0 for s in ("left", "right"))
        edges = (
            ("top", left - lw, top, right + rw, top, -1),
            ("bottom", left - lw, bottom, right + rw, bottom, 1 if last else -1),
            ("left", left, top, left, bottom, 0),
            ("right", right, top, right, bottom, 0),
        )
        for side, xa, ya, xb, yb, inward in edges:
            border = box.border(side)
            if border is None:
                continue
            offset = inward * border.width / 2
            pen.stroke(border, xa, ya + offset, xb, yb + offset)


class _Pen:
    """Strokes borders in one graphics state, setting colour, width and dash only where they change."""

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self.set_to: tuple[str | None, float] | None = None  # colour and width, once set
        self.dash: list[float] = []  # solid, as a graphics state starts

    def stroke(self, border: model.Border, x1: float, y1: float, x2: float, y2: float) -> None:
        canv = self.canv
        width = border.width / 3 if border.double else border.width
        dash = [d * border.width for d in _DASH.get(border.style, [])]
        if self.set_to is None or border.color != self.set_to[0]:
            canv.setStrokeColor(color(border.color))
        if self.set_to is None or width != self.set_to[1]:
            canv.setLineWidth(width)
        self.set_to = (border.color, width)
        if dash != self.dash:
            canv.setDash(dash)
            self.dash = dash
        if border.double:
            dx, dy = (0.0, border.width / 3) if y1 == y2 else (border.width / 3, 0.0)
            canv.line(x1 - dx, y1 - dy, x2 - dx, y2 - dy)
            canv.line(x1 + dx, y1 + dy, x2 + dx, y2 + dy)
        else:
            canv.line(x1, y1, x2, y2)


def table_flowable(
    table: model.Table, to_flowables: BlocksToFlowables, compat_mode: int, page_height: float
) -> TableFlowable:
    rows = [RowSpec(r.height, r.height_rule == "exact" and r.height is not None, r.cant_split) for r in table.rows]
    header_rows = 0
    while header_rows < len(table.rows) - 1 and table.rows[header_rows].header:
        header_rows += 1
    first = table.rows[0].cells[0] if table.rows and table.rows[0].cells else None
    shift = table.indent
    if compat_mode < 15 and first is not None:
        shift -= first.margins.get("left", DEFAULT_CELL_MARGIN["left"])
    return TableFlowable(
        table.grid,
        rows,
        _boxes(table, to_flowables),
        header_rows=header_rows,
        shift=shift,
        align=table.align,
        page_height=page_height,
    )
