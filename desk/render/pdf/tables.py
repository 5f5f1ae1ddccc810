"""``w:tbl`` → ``model.Table``: grid, rows, merged cells, resolved borders, cell margins and alignment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.render.pdf import model
from desk.render.pdf.formats import Border, border
from desk.render.pdf.ooxml import Element, is_on, twips, w, wval
from desk.render.pdf.styles import Props

if TYPE_CHECKING:
    from desk.render.pdf.reader import Reader

SIDES = ("top", "bottom", "left", "right")
_ALIASES = {"left": "start", "right": "end"}
DEFAULT_CELL_MARGIN = {"top": 0.0, "bottom": 0.0, "left": 5.4, "right": 5.4}
_VALIGN: dict[str, str] = {"top": "top", "center": "middle", "bottom": "bottom"}


def _side(props: Props, group: str, side: str) -> tuple[bool, Element | None]:
    """Whether ``group`` defines ``side`` at all, and the element."""
    for name in (side, _ALIASES.get(side)):
        if name and f"{group}.{name}" in props:
            return True, props[f"{group}.{name}"]
    return False, None


def _margin(props: Props, group: str, side: str) -> float | None:
    defined, el = _side(props, group, side)
    return twips(wval(el, "w")) if defined and el is not None and wval(el, "type") in (None, "dxa") else None


def read_table(reader: Reader, tbl: Element) -> model.Table:
    sheet = reader.sheet
    tblpr = tbl.find(w("tblPr"))
    style = wval(tblpr.find(w("tblStyle"))) if tblpr is not None else None
    props = sheet.table_props(style, tblpr)
    grid = [twips(wval(col, "w")) for col in tbl.iterfind(f"{w('tblGrid')}/{w('gridCol')}")]
    margins = {s: m for s in SIDES if (m := _margin(props, "tblCellMar", s)) is not None}
    inner = type(reader)(reader.pkg, sheet, reader.part, reader.line_pitch, style or sheet.default_table)
    rows: list[model.Row] = []
    for tr in tbl.iterfind(w("tr")):
        trpr = tr.find(w("trPr"))
        height = trpr.find(w("trHeight")) if trpr is not None else None
        row = model.Row(
            [],
            height=twips(wval(height)) if height is not None and wval(height) else None,
            height_rule=wval(height, "hRule") or "atLeast",
            cant_split=_flag(trpr, "cantSplit"),
            header=_flag(trpr, "tblHeader"),
            grid_before=int(wval(trpr.find(w("gridBefore"))) or 0) if trpr is not None else 0,
        )
        for tc in tr.iterfind(w("tc")):
            tcpr = tc.find(w("tcPr"))
            cell_props = sheet.cell_props(style, tcpr)
            vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
            row.cells.append(
                model.Cell(
                    [b for b in inner.blocks(tc) if not isinstance(b, model.PageBreak)],
                    span=int(cell_props.get("gridSpan", 1)),
                    vmerge=None if vmerge is None else (wval(vmerge) or "continue"),
                    borders=_cell_borders(cell_props),
                    margins={**margins, **{s: m for s in SIDES if (m := _margin(cell_props, "tcMar", s)) is not None}},
                    valign=_VALIGN.get(str(cell_props.get("vAlign")), "top"),
                    fill=_fill(cell_props.get("shd")),
                )
            )
        rows.append(row)
    if not grid:
        grid = _grid_from_cells(rows)
    _resolve_borders(rows, props, len(grid))
    return model.Table(
        grid,
        rows,
        align={"center": "center", "right": "right", "end": "right"}.get(props.get("jc", "left"), "left"),
        indent=twips(props.get("tblInd.w")) if props.get("tblInd.type", "dxa") == "dxa" else 0.0,
    )


def _flag(trpr: Element | None, name: str) -> bool:
    el = trpr.find(w(name)) if trpr is not None else None
    return el is not None and is_on(wval(el))


def _cell_borders(props: Props) -> dict[str, Border | None]:
    """The sides the cell's own ``tcBorders`` define (``None`` for an explicit nil); the table's fill the rest."""
    out: dict[str, Border | None] = {}
    for side in SIDES:
        defined, el = _side(props, "tcBorders", side)
        if defined:
            out[side] = border(el)
    return out


def _fill(shd: Element | None) -> str | None:
    fill = wval(shd, "fill")
    return fill if fill and fill not in ("auto", "FFFFFF") else None


def _grid_from_cells(rows: list[model.Row]) -> list[float]:
    widest = max(rows, key=lambda r: sum(c.span for c in r.cells), default=None)
    if widest is None:
        return []
    return [90.0] * sum(c.span for c in widest.cells)


def _resolve_borders(rows: list[model.Row], props: Props, ncols: int) -> None:
    """Fill each cell's missing sides from the table borders (outer edges) or inside borders."""

    def table_border(name: str) -> Border | None:
        return border(_side(props, "tblBorders", name)[1])

    outer = {s: table_border(s) for s in SIDES}
    inside_h, inside_v = table_border("insideH"), table_border("insideV")
    for r, row in enumerate(rows):
        col = row.grid_before
        for cell in row.cells:
            edges = {
                "top": outer["top"] if r == 0 else inside_h,
                "bottom": outer["bottom"] if r == len(rows) - 1 else inside_h,
                "left": outer["left"] if col == 0 else inside_v,
                "right": outer["right"] if col + cell.span >= ncols else inside_v,
            }
            for side in SIDES:
                if side not in cell.borders:
                    cell.borders[side] = edges[side]
            col += cell.span
